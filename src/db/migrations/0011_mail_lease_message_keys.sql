ALTER TABLE "mail_outbox" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversation_messages" ADD COLUMN "client_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_messages_client_key_uq" ON "conversation_messages" USING btree ("author_id","client_key") WHERE client_key IS NOT NULL;