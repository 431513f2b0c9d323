ALTER TABLE "meeting_slot_occupancy" ADD COLUMN "during" "tstzrange";--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "pair_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_open_pair_uq" ON "meetings" USING btree ("event_id","pair_key") WHERE pair_key IS NOT NULL AND status IN ('requested', 'accepted', 'scheduled');--> statement-breakpoint
-- custom SQL
-- One person, one meeting at any instant, across meeting blocks: each occupancy row carries its slot's
-- time range (filled by a trigger, so no caller can forget it) and an exclusion constraint refuses two
-- overlapping ranges for one person. btree_gist gives GiST the equality on uuid.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE OR REPLACE FUNCTION meeting_occupancy_fill_during() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT tstzrange(s.starts_at, s.ends_at, '[)') INTO NEW.during FROM event_slots s WHERE s.id = NEW.slot_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER meeting_occupancy_fill_during BEFORE INSERT OR UPDATE OF slot_id ON meeting_slot_occupancy
  FOR EACH ROW EXECUTE FUNCTION meeting_occupancy_fill_during();--> statement-breakpoint
UPDATE meeting_slot_occupancy o SET during = tstzrange(s.starts_at, s.ends_at, '[)') FROM event_slots s WHERE s.id = o.slot_id;--> statement-breakpoint
ALTER TABLE meeting_slot_occupancy ADD CONSTRAINT meeting_occupancy_no_overlap EXCLUDE USING gist (user_id WITH =, during WITH &&);--> statement-breakpoint
-- Existing bilateral meetings get their pair key; where one pair already has several open ones, only the
-- newest open one is keyed (the others stay unkeyed until they close).
WITH pairs AS (
  SELECT mp.meeting_id, string_agg(mp.user_id::text, ':' ORDER BY mp.user_id::text) AS pair_key
  FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id WHERE m.kind = 'bilateral'
  GROUP BY mp.meeting_id HAVING count(*) = 2
), ranked AS (
  SELECT p.meeting_id, p.pair_key, m.status IN ('requested', 'accepted', 'scheduled') AS open,
    row_number() OVER (PARTITION BY m.event_id, p.pair_key, m.status IN ('requested', 'accepted', 'scheduled') ORDER BY m.created_at DESC) AS rn
  FROM pairs p JOIN meetings m ON m.id = p.meeting_id
)
UPDATE meetings m SET pair_key = r.pair_key FROM ranked r WHERE m.id = r.meeting_id AND (NOT r.open OR r.rn = 1);
