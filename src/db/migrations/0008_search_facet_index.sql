ALTER TABLE "profile_search" ADD COLUMN "indexed_xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
CREATE INDEX "profile_search_xid_idx" ON "profile_search" USING btree ("indexed_xid");--> statement-breakpoint
-- Hand-written (drizzle-kit does not model triggers): every write of a search row records the
-- writing transaction, whoever writes it — indexProfiles, a restore (whose copied ids would come
-- from another database), a hand-run UPDATE. The in-process facet indexes (src/modules/profiles/
-- facet-index.ts) catch up by re-reading rows with indexed_xid >= the xmin of their last snapshot.
-- Existing rows got this migration's id from the column default.
CREATE FUNCTION "profile_search_stamp_xid"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.indexed_xid := pg_current_xact_id();
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "profile_search_stamp_xid" BEFORE INSERT OR UPDATE ON "profile_search"
  FOR EACH ROW EXECUTE FUNCTION "profile_search_stamp_xid"();
