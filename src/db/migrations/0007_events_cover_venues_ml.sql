-- Data first (written by hand; drizzle-kit generated only the DROP COLUMN at the end).
-- 1. The former single-text `venue` column (multilingual, written only by the demo seed; no form edited it)
--    becomes the first entry of `venues`, where the event page, agenda and calendar files read venues.
UPDATE "events" SET "venues" = jsonb_build_array(jsonb_build_object('id', 'main', 'name', "venue", 'address', '{}'::jsonb, 'rooms', '[]'::jsonb))
WHERE "venues" = '[]'::jsonb AND jsonb_typeof("venue") = 'object' AND "venue" <> '{}'::jsonb;
--> statement-breakpoint
-- 2. Venue names, addresses and room names are `Ml` objects ({"ru": …, "zh": …, "en": …}). Any value stored as
--    a plain string (rows written outside the API) becomes {"<lang>": value} in the language of the event's
--    creator, else Russian; empty strings become {}.
UPDATE "events" AS e SET "venues" = (
  SELECT coalesce(jsonb_agg(
    v.venue || jsonb_build_object(
      'name', CASE jsonb_typeof(v.venue->'name') WHEN 'object' THEN v.venue->'name'
        WHEN 'string' THEN CASE WHEN v.venue->>'name' = '' THEN '{}'::jsonb ELSE jsonb_build_object(l.lang, v.venue->>'name') END ELSE '{}'::jsonb END,
      'address', CASE jsonb_typeof(v.venue->'address') WHEN 'object' THEN v.venue->'address'
        WHEN 'string' THEN CASE WHEN v.venue->>'address' = '' THEN '{}'::jsonb ELSE jsonb_build_object(l.lang, v.venue->>'address') END ELSE '{}'::jsonb END,
      'rooms', coalesce((
        SELECT jsonb_agg(r.room || jsonb_build_object('name', CASE jsonb_typeof(r.room->'name') WHEN 'object' THEN r.room->'name'
          WHEN 'string' THEN CASE WHEN r.room->>'name' = '' THEN '{}'::jsonb ELSE jsonb_build_object(l.lang, r.room->>'name') END ELSE '{}'::jsonb END) ORDER BY r.n)
        FROM jsonb_array_elements(CASE jsonb_typeof(v.venue->'rooms') WHEN 'array' THEN v.venue->'rooms' ELSE '[]'::jsonb END) WITH ORDINALITY AS r(room, n)), '[]'::jsonb)
    ) ORDER BY v.n), '[]'::jsonb)
  FROM jsonb_array_elements(e."venues") WITH ORDINALITY AS v(venue, n),
    (SELECT coalesce((SELECT u."lang" FROM "users" u WHERE u."id" = e."created_by" AND u."lang" IN ('ru', 'zh', 'en')), 'ru') AS lang) AS l
)
WHERE jsonb_typeof(e."venues") = 'array' AND EXISTS (
  SELECT 1 FROM jsonb_array_elements(e."venues") AS x(venue)
  WHERE jsonb_typeof(x.venue->'name') IS DISTINCT FROM 'object' OR jsonb_typeof(x.venue->'address') IS DISTINCT FROM 'object'
    OR EXISTS (SELECT 1 FROM jsonb_array_elements(CASE jsonb_typeof(x.venue->'rooms') WHEN 'array' THEN x.venue->'rooms' ELSE '[]'::jsonb END) AS y(room)
      WHERE jsonb_typeof(y.room->'name') IS DISTINCT FROM 'object'));
--> statement-breakpoint
ALTER TABLE "events" DROP COLUMN "venue";
