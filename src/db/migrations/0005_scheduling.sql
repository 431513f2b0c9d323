CREATE TABLE "event_schedule_state" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"stage" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"applied_run_id" uuid,
	"applied_fingerprint" text,
	"applied_at" timestamp with time zone NOT NULL,
	"applied_by" uuid
);
--> statement-breakpoint
ALTER TABLE "event_schedule_state" ADD CONSTRAINT "event_schedule_state_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_schedule_state" ADD CONSTRAINT "event_schedule_state_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;