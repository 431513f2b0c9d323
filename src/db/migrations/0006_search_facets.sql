ALTER TABLE "profile_search" ADD COLUMN "facet_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Keep the search rows narrow: the three tsvectors and the segmented text go to TOAST, the small
-- filter columns stay in the row uncompressed (PLAIN), so filter scans and facet counts read
-- ~6x fewer pages. Profile arrays are capped by validation (8 areas, 16 sub-areas, 3 types), so a
-- row stays far below the page size. Hand-written: drizzle-kit does not model storage options.
ALTER TABLE "profile_search" SET (toast_tuple_target = 128);--> statement-breakpoint
ALTER TABLE "profile_search" ALTER COLUMN "status" SET STORAGE PLAIN, ALTER COLUMN "type" SET STORAGE PLAIN,
  ALTER COLUMN "country" SET STORAGE PLAIN, ALTER COLUMN "org_type" SET STORAGE PLAIN, ALTER COLUMN "areas" SET STORAGE PLAIN,
  ALTER COLUMN "sub_areas" SET STORAGE PLAIN, ALTER COLUMN "partnership_types" SET STORAGE PLAIN, ALTER COLUMN "langs" SET STORAGE PLAIN,
  ALTER COLUMN "facet_keys" SET STORAGE PLAIN;--> statement-breakpoint
UPDATE "profile_search" s SET "facet_keys" = ARRAY['type:' || s.type, 'country:' || s.country, 'orgType:' || s.org_type]
  || CASE WHEN s.trl IS NULL THEN '{}'::text[] ELSE ARRAY['trl:' || s.trl] END
  || ARRAY(SELECT 'area:' || x FROM unnest(s.areas) x) || ARRAY(SELECT 'subArea:' || x FROM unnest(s.sub_areas) x)
  || ARRAY(SELECT 'partnershipType:' || x FROM unnest(s.partnership_types) x);
