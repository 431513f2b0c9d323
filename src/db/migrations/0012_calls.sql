CREATE TABLE "application_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"half_id" uuid NOT NULL,
	"document_code" text NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_halves" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"side" text NOT NULL,
	"funder_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_version" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"mismatch_override_reason" text,
	"mismatch_override_by" uuid,
	"mismatch_override_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"side" text NOT NULL,
	"role" text NOT NULL,
	"email" text,
	"user_id" uuid,
	"organisation_id" uuid,
	"token_hash" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "application_members" (
	"application_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"side" text NOT NULL,
	"role" text NOT NULL,
	"organisation_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "application_members_application_id_user_id_pk" PRIMARY KEY("application_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "application_sections" (
	"half_id" uuid NOT NULL,
	"key" text NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "application_sections_half_id_key_pk" PRIMARY KEY("half_id","key")
);
--> statement-breakpoint
CREATE TABLE "application_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"half_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_withdrawals" (
	"version_id" uuid PRIMARY KEY NOT NULL,
	"withdrawn_by" uuid NOT NULL,
	"withdrawn_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"origin_kind" text,
	"origin_id" uuid,
	"origin_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_caps" (
	"call_id" uuid NOT NULL,
	"funder_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	CONSTRAINT "call_caps_call_id_funder_id_year_pk" PRIMARY KEY("call_id","funder_id","year")
);
--> statement-breakpoint
CREATE TABLE "call_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_funders" (
	"call_id" uuid NOT NULL,
	"funder_id" uuid NOT NULL,
	"side" text NOT NULL,
	CONSTRAINT "call_funders_call_id_funder_id_pk" PRIMARY KEY("call_id","funder_id")
);
--> statement-breakpoint
CREATE TABLE "call_reminders_sent" (
	"call_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "call_reminders_sent_call_id_user_id_kind_pk" PRIMARY KEY("call_id","user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"type" text NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"project_start_year" integer NOT NULL,
	"project_end_year" integer NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"timezone" text NOT NULL,
	"priority_areas" text[] DEFAULT '{}' NOT NULL,
	"max_duration_months" integer NOT NULL,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required_documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"eligibility" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eligibility_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"half_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"decision" text NOT NULL,
	"automatic" jsonb NOT NULL,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reasons" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funder_budgets" (
	"funder_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	CONSTRAINT "funder_budgets_funder_id_programme_id_year_pk" PRIMARY KEY("funder_id","programme_id","year")
);
--> statement-breakpoint
CREATE TABLE "funder_officers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"funder_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"call_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "funder_officers_uq" UNIQUE NULLS NOT DISTINCT("funder_id","user_id","call_id")
);
--> statement-breakpoint
CREATE TABLE "funders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"country" text NOT NULL,
	"currency" text NOT NULL,
	"timezone" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_funders" (
	"programme_id" uuid NOT NULL,
	"funder_id" uuid NOT NULL,
	CONSTRAINT "programme_funders_programme_id_funder_id_pk" PRIMARY KEY("programme_id","funder_id")
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_half_id_application_halves_id_fk" FOREIGN KEY ("half_id") REFERENCES "public"."application_halves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_attachments" ADD CONSTRAINT "application_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_halves" ADD CONSTRAINT "application_halves_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_halves" ADD CONSTRAINT "application_halves_funder_id_funders_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."funders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_halves" ADD CONSTRAINT "application_halves_mismatch_override_by_users_id_fk" FOREIGN KEY ("mismatch_override_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_invitations" ADD CONSTRAINT "application_invitations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_invitations" ADD CONSTRAINT "application_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_invitations" ADD CONSTRAINT "application_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_invitations" ADD CONSTRAINT "application_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_invitations" ADD CONSTRAINT "application_invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_members" ADD CONSTRAINT "application_members_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_members" ADD CONSTRAINT "application_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_members" ADD CONSTRAINT "application_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_sections" ADD CONSTRAINT "application_sections_half_id_application_halves_id_fk" FOREIGN KEY ("half_id") REFERENCES "public"."application_halves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_sections" ADD CONSTRAINT "application_sections_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_versions" ADD CONSTRAINT "application_versions_half_id_application_halves_id_fk" FOREIGN KEY ("half_id") REFERENCES "public"."application_halves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_versions" ADD CONSTRAINT "application_versions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_withdrawals" ADD CONSTRAINT "application_withdrawals_version_id_application_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."application_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_withdrawals" ADD CONSTRAINT "application_withdrawals_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_caps" ADD CONSTRAINT "call_caps_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_caps" ADD CONSTRAINT "call_caps_funder_id_funders_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."funders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_documents" ADD CONSTRAINT "call_documents_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_documents" ADD CONSTRAINT "call_documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_funders" ADD CONSTRAINT "call_funders_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_funders" ADD CONSTRAINT "call_funders_funder_id_funders_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."funders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_reminders_sent" ADD CONSTRAINT "call_reminders_sent_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_reminders_sent" ADD CONSTRAINT "call_reminders_sent_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_decisions" ADD CONSTRAINT "eligibility_decisions_half_id_application_halves_id_fk" FOREIGN KEY ("half_id") REFERENCES "public"."application_halves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_decisions" ADD CONSTRAINT "eligibility_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_budgets" ADD CONSTRAINT "funder_budgets_funder_id_funders_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."funders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_budgets" ADD CONSTRAINT "funder_budgets_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_officers" ADD CONSTRAINT "funder_officers_funder_id_funders_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."funders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_officers" ADD CONSTRAINT "funder_officers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_officers" ADD CONSTRAINT "funder_officers_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funder_officers" ADD CONSTRAINT "funder_officers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funders" ADD CONSTRAINT "funders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_funders" ADD CONSTRAINT "programme_funders_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_funders" ADD CONSTRAINT "programme_funders_funder_id_funders_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."funders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_attachments_doc_uq" ON "application_attachments" USING btree ("half_id","document_code");--> statement-breakpoint
CREATE UNIQUE INDEX "application_halves_side_uq" ON "application_halves" USING btree ("application_id","side");--> statement-breakpoint
CREATE INDEX "application_halves_funder_idx" ON "application_halves" USING btree ("funder_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "application_invitations_token_uq" ON "application_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "application_invitations_app_idx" ON "application_invitations" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_members_user_idx" ON "application_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_versions_uq" ON "application_versions" USING btree ("half_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_reference_uq" ON "applications" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "applications_call_idx" ON "applications" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "applications_origin_idx" ON "applications" USING btree ("origin_kind","origin_id");--> statement-breakpoint
CREATE INDEX "call_documents_call_idx" ON "call_documents" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "call_funders_side_uq" ON "call_funders" USING btree ("call_id","side");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_slug_uq" ON "calls" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "calls_closes_idx" ON "calls" USING btree ("closes_at");--> statement-breakpoint
CREATE INDEX "eligibility_decisions_half_idx" ON "eligibility_decisions" USING btree ("half_id","decided_at");--> statement-breakpoint
CREATE INDEX "funder_officers_user_idx" ON "funder_officers" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funders_org_uq" ON "funders" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_slug_uq" ON "programmes" USING btree ("slug");--> statement-breakpoint
-- custom SQL
-- Submitted versions are immutable whatever the code does: no UPDATE, no DELETE.
CREATE FUNCTION application_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'submitted application versions are immutable' USING ERRCODE = 'raise_exception';
END $$;
--> statement-breakpoint
CREATE TRIGGER application_versions_no_change BEFORE UPDATE OR DELETE ON application_versions
  FOR EACH ROW EXECUTE FUNCTION application_versions_immutable();
--> statement-breakpoint
CREATE TRIGGER application_versions_no_truncate BEFORE TRUNCATE ON application_versions
  FOR EACH STATEMENT EXECUTE FUNCTION application_versions_immutable();
--> statement-breakpoint
-- A section's version only grows: a stale save can never move it back.
ALTER TABLE application_sections ADD CONSTRAINT application_sections_version_nonneg CHECK (version >= 0);
--> statement-breakpoint
ALTER TABLE application_halves ADD CONSTRAINT application_halves_status_chk CHECK (status IN ('draft','submitted','eligible','ineligible','returned'));
--> statement-breakpoint
ALTER TABLE application_halves ADD CONSTRAINT application_halves_submitted_chk CHECK ((status = 'draft') OR submitted_version > 0);
--> statement-breakpoint
ALTER TABLE calls ADD CONSTRAINT calls_window_chk CHECK (closes_at > opens_at);
