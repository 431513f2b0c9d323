// Keeps profile_search in step with profiles: one document per profile, rebuilt in the same
// transaction as every change. Russian/English vectors are built by PostgreSQL from the stored
// texts; the Chinese vector from text segmented here (see engines/text-search). A trigger stamps
// each written row's indexed_xid with the transaction id: the change feed of facet-index.ts.
import { eq, inArray, sql } from 'drizzle-orm';
import { profiles } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import { segmentChinese } from '../../engines/text-search/segment.ts';
import { invalidateFacetCache } from './search.ts';

const BATCH = 500;

/** The facet keys of a profile `p` of organisation `o` (same expression as migration 0006's back-fill). */
const FACET_KEYS = sql.raw(`ARRAY['type:' || p.type, 'country:' || o.country, 'orgType:' || o.type]
      || CASE WHEN p.trl IS NULL THEN '{}'::text[] ELSE ARRAY['trl:' || p.trl] END
      || ARRAY(SELECT 'area:' || x FROM unnest(p.areas) x) || ARRAY(SELECT 'subArea:' || x FROM unnest(p.sub_areas) x)
      || ARRAY(SELECT 'partnershipType:' || x FROM unnest(p.partnership_types) x)`);

type ZhRow = { id: string; title: string | null; summary: string | null; kw: string; body: string };

export async function indexProfiles(tx: Tx, ids: string[]): Promise<void> {
  invalidateFacetCache();
  for (let i = 0; i < ids.length; i += BATCH) await indexBatch(tx, ids.slice(i, i + BATCH));
}

async function indexBatch(tx: Tx, ids: string[]) {
  if (!ids.length) return;
  const rows = await tx.select({
    id: profiles.id,
    title: sql<string | null>`${profiles.title}->>'zh'`,
    summary: sql<string | null>`${profiles.summary}->>'zh'`,
    kw: sql<string>`array_to_string(${profiles.technologyKeywords} || ${profiles.marketKeywords}, ' ')`,
    body: sql<string>`concat_ws(' ', ${profiles.description}->>'zh', ${profiles.partnerRole}->>'zh', ${profiles.advantages}->>'zh', ${profiles.technicalSpecification}->>'zh')`,
  }).from(profiles).where(inArray(profiles.id, ids)) as ZhRow[];
  const zh = rows.map((r) => ({
    id: r.id, a: segmentChinese(r.title ?? ''), b: segmentChinese(`${r.summary ?? ''} ${r.kw}`), c: segmentChinese(r.body),
  }));
  const vec = (cfg: 'russian' | 'english', lang: 'ru' | 'en') => sql.raw(`
      setweight(to_tsvector('${cfg}', coalesce(p.title->>'${lang}', '')), 'A')
   || setweight(to_tsvector('${cfg}', concat_ws(' ', p.summary->>'${lang}', array_to_string(p.technology_keywords || p.market_keywords, ' '))), 'B')
   || setweight(to_tsvector('${cfg}', concat_ws(' ', p.description->>'${lang}', p.partner_role->>'${lang}', p.advantages->>'${lang}', p.technical_specification->>'${lang}')), 'C')`);
  await tx.execute(sql`
    INSERT INTO profile_search (profile_id, status, type, organisation_id, country, org_type, areas, sub_areas, partnership_types, trl, langs, sort_at, tsv_ru, tsv_en, tsv_zh, zh_segmented, facet_keys)
    SELECT p.id, p.status, p.type, p.organisation_id, o.country, o.type, p.areas, p.sub_areas, p.partnership_types, p.trl,
      ARRAY(SELECT l FROM unnest(ARRAY['ru','zh','en']) l WHERE coalesce(p.title->>l, '') <> '' OR coalesce(p.summary->>l, '') <> ''),
      coalesce(p.published_at, p.updated_at),
      ${vec('russian', 'ru')}, ${vec('english', 'en')},
      setweight(to_tsvector('simple', z.a), 'A') || setweight(to_tsvector('simple', z.b), 'B') || setweight(to_tsvector('simple', z.c), 'C'),
      z.a || ' ' || z.b,
      ${FACET_KEYS}
    FROM jsonb_to_recordset(${JSON.stringify(zh)}::jsonb) AS z(id uuid, a text, b text, c text)
    JOIN profiles p ON p.id = z.id
    JOIN organisations o ON o.id = p.organisation_id
    ON CONFLICT (profile_id) DO UPDATE SET status = excluded.status, type = excluded.type, organisation_id = excluded.organisation_id,
      country = excluded.country, org_type = excluded.org_type, areas = excluded.areas, sub_areas = excluded.sub_areas,
      partnership_types = excluded.partnership_types, trl = excluded.trl, langs = excluded.langs, sort_at = excluded.sort_at,
      tsv_ru = excluded.tsv_ru, tsv_en = excluded.tsv_en, tsv_zh = excluded.tsv_zh, zh_segmented = excluded.zh_segmented, facet_keys = excluded.facet_keys`);
}

export async function reindexOrganisationProfiles(tx: Tx, organisationId: string) {
  const ids = (await tx.select({ id: profiles.id }).from(profiles).where(eq(profiles.organisationId, organisationId))).map((r) => r.id);
  await indexProfiles(tx, ids);
}
