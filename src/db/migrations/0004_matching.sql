CREATE TABLE "match_digest_sent" (
	"user_id" uuid NOT NULL,
	"candidate_profile_id" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "match_digest_sent_user_id_candidate_profile_id_pk" PRIMARY KEY("user_id","candidate_profile_id")
);
--> statement-breakpoint
CREATE TABLE "match_digest_state" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"opted_out" boolean DEFAULT false NOT NULL,
	"last_sent_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_feedback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"profile_id" uuid,
	"candidate_profile_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_introductions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"profile_a_id" uuid NOT NULL,
	"profile_b_id" uuid NOT NULL,
	"message" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "match_digest_sent" ADD CONSTRAINT "match_digest_sent_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_digest_sent" ADD CONSTRAINT "match_digest_sent_candidate_profile_id_profiles_id_fk" FOREIGN KEY ("candidate_profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_digest_state" ADD CONSTRAINT "match_digest_state_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_feedback" ADD CONSTRAINT "match_feedback_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_feedback" ADD CONSTRAINT "match_feedback_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_feedback" ADD CONSTRAINT "match_feedback_candidate_profile_id_profiles_id_fk" FOREIGN KEY ("candidate_profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_feedback" ADD CONSTRAINT "match_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_introductions" ADD CONSTRAINT "match_introductions_profile_a_id_profiles_id_fk" FOREIGN KEY ("profile_a_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_introductions" ADD CONSTRAINT "match_introductions_profile_b_id_profiles_id_fk" FOREIGN KEY ("profile_b_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_introductions" ADD CONSTRAINT "match_introductions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "match_feedback_uq" ON "match_feedback" USING btree ("organisation_id","candidate_profile_id","kind");--> statement-breakpoint
CREATE INDEX "match_feedback_candidate_idx" ON "match_feedback" USING btree ("candidate_profile_id");--> statement-breakpoint
CREATE INDEX "match_introductions_a_idx" ON "match_introductions" USING btree ("profile_a_id");--> statement-breakpoint
CREATE INDEX "match_introductions_b_idx" ON "match_introductions" USING btree ("profile_b_id");