CREATE TABLE "review_assignment_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"side" text NOT NULL,
	"mode" text NOT NULL,
	"seed" integer DEFAULT 1 NOT NULL,
	"q" double precision,
	"objective" double precision NOT NULL,
	"upper_bound" double precision NOT NULL,
	"worst_application" double precision NOT NULL,
	"certificate" jsonb NOT NULL,
	"seconds" double precision NOT NULL,
	"lang" text NOT NULL,
	"excluded_conflicts" integer DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_declared_conflicts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"declared_by" text NOT NULL,
	"declared_by_user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"areas" text[] DEFAULT '{}' NOT NULL,
	"sub_areas" text[] DEFAULT '{}' NOT NULL,
	"keywords" text[] DEFAULT '{}' NOT NULL,
	"statement" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"country" text NOT NULL,
	"organisation_id" uuid,
	"affiliations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"max_load" integer DEFAULT 6 NOT NULL,
	"available" boolean DEFAULT true NOT NULL,
	"unavailable_until" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_panel_members" (
	"call_id" uuid NOT NULL,
	"side" text NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "review_panel_members_call_id_side_expert_user_id_pk" PRIMARY KEY("call_id","side","expert_user_id")
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"side" text NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"run_id" uuid,
	"affinity" double precision DEFAULT 0 NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"removed_reason" text,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_bids" (
	"application_id" uuid NOT NULL,
	"side" text NOT NULL,
	"expert_user_id" uuid NOT NULL,
	"bid" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_bids_application_id_side_expert_user_id_pk" PRIMARY KEY("application_id","side","expert_user_id")
);
--> statement-breakpoint
CREATE TABLE "review_consensus" (
	"application_id" uuid NOT NULL,
	"side" text NOT NULL,
	"rapporteur_user_id" uuid NOT NULL,
	"report" text NOT NULL,
	"final_score" double precision NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_consensus_application_id_side_pk" PRIMARY KEY("application_id","side")
);
--> statement-breakpoint
CREATE TABLE "review_panels" (
	"call_id" uuid NOT NULL,
	"side" text NOT NULL,
	"conflict_years" integer DEFAULT 3 NOT NULL,
	"reviews_per_half" integer DEFAULT 3 NOT NULL,
	"mix_quota" jsonb,
	"anchors" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"bidding_open" boolean DEFAULT false NOT NULL,
	"review_deadline" timestamp with time zone,
	"divergence_threshold" double precision DEFAULT 3 NOT NULL,
	"released_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_panels_call_id_side_pk" PRIMARY KEY("call_id","side")
);
--> statement-breakpoint
CREATE TABLE "review_reminders_sent" (
	"assignment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_reminders_sent_assignment_id_kind_pk" PRIMARY KEY("assignment_id","kind")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"assignment_id" uuid PRIMARY KEY NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment_to_applicants" text DEFAULT '' NOT NULL,
	"comment_to_officer" text DEFAULT '' NOT NULL,
	"recommendation" text,
	"confidence" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "review_assignment_runs" ADD CONSTRAINT "review_assignment_runs_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignment_runs" ADD CONSTRAINT "review_assignment_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_declared_conflicts" ADD CONSTRAINT "review_declared_conflicts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_declared_conflicts" ADD CONSTRAINT "review_declared_conflicts_expert_user_id_experts_user_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."experts"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_declared_conflicts" ADD CONSTRAINT "review_declared_conflicts_declared_by_user_id_users_id_fk" FOREIGN KEY ("declared_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_panel_members" ADD CONSTRAINT "review_panel_members_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_panel_members" ADD CONSTRAINT "review_panel_members_expert_user_id_experts_user_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."experts"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_panel_members" ADD CONSTRAINT "review_panel_members_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_expert_user_id_experts_user_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."experts"("user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_run_id_review_assignment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."review_assignment_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_bids" ADD CONSTRAINT "review_bids_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_bids" ADD CONSTRAINT "review_bids_expert_user_id_experts_user_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."experts"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_consensus" ADD CONSTRAINT "review_consensus_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_consensus" ADD CONSTRAINT "review_consensus_rapporteur_user_id_users_id_fk" FOREIGN KEY ("rapporteur_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_panels" ADD CONSTRAINT "review_panels_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_reminders_sent" ADD CONSTRAINT "review_reminders_sent_assignment_id_review_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."review_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_assignment_id_review_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."review_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_assignment_runs_call_idx" ON "review_assignment_runs" USING btree ("call_id","side","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "review_declared_conflicts_uq" ON "review_declared_conflicts" USING btree ("application_id","expert_user_id","declared_by");--> statement-breakpoint
CREATE INDEX "review_panel_members_expert_idx" ON "review_panel_members" USING btree ("expert_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_active_uq" ON "review_assignments" USING btree ("application_id","side","expert_user_id") WHERE status <> 'removed';--> statement-breakpoint
CREATE INDEX "review_assignments_expert_idx" ON "review_assignments" USING btree ("expert_user_id","status");--> statement-breakpoint
CREATE INDEX "review_assignments_call_idx" ON "review_assignments" USING btree ("call_id","side");