// Marketplace search over profile_search: full text in the query's language, filters, facet counts,
// relevance or date order, keyset pagination, highlighted title and summary.
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { organisations, profiles } from '../../db/schema/index.ts';
import { queryRows, type Tx } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { chineseQueryWords, detectQueryLang, highlightWords, HL_END, HL_START } from '../../engines/text-search/segment.ts';
import type { Lang } from '../../shared/languages.ts';
import { canModerateProfiles, canSeeProfileOrganisation } from './policy.ts';
import type { SearchQuery } from './schema.ts';
import { facetIndex, type FacetFilter, type Facets } from './facet-index.ts';

export type { Facets };

const CFG: Record<Lang, string> = { ru: 'russian', en: 'english', zh: 'simple' };
const COL: Record<Lang, string> = { ru: 'tsv_ru', en: 'tsv_en', zh: 'tsv_zh' };

type Cursor = { r?: number; d?: string; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.id !== 'string' || !/^[0-9a-f-]{36}$/.test(c.id)) throw new Error('id');
    return c;
  } catch { throw new AppError('validation_failed', { fields: [{ path: 'cursor', code: 'invalid' }] }); }
}

export type SearchPlan = { lang: Lang | null; tsquery: SQL | null; words: string[]; where: SQL; key: string; filter: FacetFilter };

// Facet counts over a large result set cost more than the page itself (every match is counted).
// Without a text query they come from the in-memory facet index (facet-index.ts), always current.
// With one, SQL counts the matches, cached per filter set for a short time in this process; any
// change to a search document in this process clears the cache at once, other processes see
// changes within FACET_TTL_MS.
const FACET_TTL_MS = 30_000;
const facetCache = new Map<string, { at: number; value: Facets }>();
export function invalidateFacetCache() { facetCache.clear(); }

export function plan(q: SearchQuery, actor: Actor | null, myOrgIds: string[] = []): SearchPlan {
  const w: SQL[] = [];
  // Only organisers may look past "published"; everybody else sees published profiles only.
  const status = canModerateProfiles(actor) && q.status ? q.status : 'published';
  w.push(sql`s.status = ${status}`);
  if (q.type?.length) w.push(sql`s.type IN (${sql.join(q.type.map((t) => sql`${t}`), sql`, `)})`);
  if (q.country?.length) w.push(sql`s.country IN (${sql.join(q.country.map((t) => sql`${t}`), sql`, `)})`);
  if (q.orgType?.length) w.push(sql`s.org_type IN (${sql.join(q.orgType.map((t) => sql`${t}`), sql`, `)})`);
  if (q.area) w.push(sql`s.areas @> ARRAY[${q.area}]::text[]`);
  if (q.subArea) w.push(sql`${q.subArea} = ANY(s.sub_areas)`);
  if (q.partnershipType?.length) w.push(sql`s.partnership_types && ARRAY[${sql.join(q.partnershipType.map((t) => sql`${t}`), sql`, `)}]::text[]`);
  if (q.trlMin) w.push(sql`s.trl >= ${q.trlMin}`);
  if (q.trlMax) w.push(sql`s.trl <= ${q.trlMax}`);
  void myOrgIds;
  let lang: Lang | null = null;
  let tsquery: SQL | null = null;
  let words: string[] = [];
  if (q.q && q.q.trim()) {
    lang = detectQueryLang(q.q);
    if (lang === 'zh') {
      words = chineseQueryWords(q.q);
      tsquery = sql`websearch_to_tsquery('simple', ${words.join(' ')})`;
    } else {
      words = q.q.split(/\s+/).filter(Boolean);
      tsquery = sql`websearch_to_tsquery(${CFG[lang]}::regconfig, ${q.q})`;
    }
    w.push(sql`${sql.raw(`s.${COL[lang]}`)} @@ ${tsquery}`);
  }
  const key = JSON.stringify([status, q.q?.trim() ?? '', q.type, q.country, q.orgType, q.area, q.subArea, q.partnershipType, q.trlMin, q.trlMax]);
  const filter: FacetFilter = {
    status, type: q.type, country: q.country, orgType: q.orgType, area: q.area, subArea: q.subArea,
    partnershipType: q.partnershipType, trlMin: q.trlMin, trlMax: q.trlMax,
  };
  return { lang, tsquery, words, where: and(...w)!, key, filter };
}

export async function searchProfiles(db: Tx, q: SearchQuery, actor: Actor | null, viewer: { lang: Lang; myOrgIds: string[] }) {
  const p = plan(q, actor, viewer.myOrgIds);
  const sort = q.sort ?? (p.tsquery ? 'relevance' : 'date');
  const rank = p.tsquery && p.lang ? sql`ts_rank(${sql.raw(`s.${COL[p.lang]}`)}, ${p.tsquery})` : sql`0::real`;
  const conds: SQL[] = [p.where];
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    if (sort === 'relevance') conds.push(sql`(${rank} < ${c.r ?? 0}::real OR (${rank} = ${c.r ?? 0}::real AND s.profile_id > ${c.id}::uuid))`);
    else conds.push(sql`(s.sort_at, s.profile_id) < (${c.d ?? '9999-01-01'}::timestamptz, ${c.id}::uuid)`);
  }
  const order = sort === 'relevance' ? sql`rank DESC, s.profile_id ASC` : sql`s.sort_at DESC, s.profile_id DESC`;
  // On PostgreSQL the page and the facet counts run side by side on two pooled connections.
  // With a text query, the matches are found through the GIN index first and then ordered: left to
  // itself the planner walks the date index and tests every row's tsvector when it underestimates
  // how rare a word is (seconds instead of milliseconds for "date order" searches).
  const pageSql = p.tsquery
    ? sql`WITH s AS MATERIALIZED (SELECT s.profile_id, ${rank} AS rank, s.sort_at FROM profile_search s WHERE ${and(...conds)})
        SELECT s.profile_id, s.rank, s.sort_at FROM s ORDER BY ${order} LIMIT ${q.limit + 1}`
    : sql`SELECT s.profile_id, ${rank} AS rank, s.sort_at FROM profile_search s WHERE ${and(...conds)} ORDER BY ${order} LIMIT ${q.limit + 1}`;
  const [rows, facets] = await Promise.all([
    queryRows<{ profile_id: string; rank: number; sort_at: string | Date }>(db, pageSql),
    q.facets === 'true' && !q.cursor ? facetsFor(db, p) : Promise.resolve(null),
  ]);
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const nextCursor = more && last
    ? encodeCursor(sort === 'relevance' ? { r: Number(last.rank), id: last.profile_id } : { d: new Date(last.sort_at).toISOString(), id: last.profile_id })
    : null;
  const items = await cards(db, page.map((r) => r.profile_id), actor, viewer, p);
  return { items, nextCursor, facets, total: facets ? facets.total : null, lang: p.lang, sort };
}

async function cards(db: Tx, ids: string[], actor: Actor | null, viewer: { lang: Lang; myOrgIds: string[] }, p: SearchPlan) {
  if (!ids.length) return [];
  const rows = await db.select({ p: profiles, o: organisations }).from(profiles)
    .innerJoin(organisations, sql`${organisations.id} = ${profiles.organisationId}`).where(inArray(profiles.id, ids));
  const byId = new Map(rows.map((r) => [r.p.id, r]));
  const hl = await highlights(db, ids, p, viewer.lang);
  return ids.map((id) => {
    const { p: pr, o } = byId.get(id)!;
    const membership = viewer.myOrgIds.includes(o.id) ? 'member' as const : null;
    const showOrg = canSeeProfileOrganisation(actor, pr.anonymous, { membership, revealed: false });
    return {
      id, type: pr.type, status: pr.status, title: pr.title, summary: pr.summary, areas: pr.areas, trl: pr.trl,
      partnershipTypes: pr.partnershipTypes, country: o.country, anonymous: pr.anonymous,
      organisation: showOrg ? { id: o.id, name: o.name, type: o.type, verified: !!o.verifiedAt } : null,
      publishedAt: pr.publishedAt?.toISOString() ?? null, updatedAt: pr.updatedAt.toISOString(), expiresAt: pr.expiresAt?.toISOString() ?? null,
      highlight: hl.get(id) ?? null,
    };
  });
}

const TITLE_OPTS = `HighlightAll=true, StartSel=${HL_START}, StopSel=${HL_END}`;
const HEADLINE_OPTS = `StartSel=${HL_START}, StopSel=${HL_END}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/** Title and summary with the matched words marked by HL_START/HL_END, in the query's language. */
async function highlights(db: Tx, ids: string[], p: SearchPlan, _viewerLang: Lang) {
  const out = new Map<string, { lang: Lang; title: string; summary: string }>();
  if (!p.tsquery || !p.lang) return out;
  const lang = p.lang;
  if (lang === 'zh') {
    const rows = await db.select({ id: profiles.id, title: profiles.title, summary: profiles.summary }).from(profiles).where(inArray(profiles.id, ids));
    for (const r of rows) out.set(r.id, { lang, title: highlightWords(r.title.zh ?? '', p.words, 256), summary: highlightWords(r.summary.zh ?? '', p.words, 300) });
    return out;
  }
  const rows = await queryRows<{ id: string; title: string; summary: string }>(db, sql`
    SELECT id, ts_headline(${CFG[lang]}::regconfig, coalesce(title->>${lang}, ''), ${p.tsquery}, ${TITLE_OPTS}) AS title,
      ts_headline(${CFG[lang]}::regconfig, coalesce(summary->>${lang}, ''), ${p.tsquery}, ${HEADLINE_OPTS}) AS summary
    FROM profiles WHERE id IN (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`);
  for (const r of rows) out.set(r.id, { lang, title: r.title, summary: r.summary });
  return out;
}

async function facetsFor(db: Tx, p: SearchPlan): Promise<Facets> {
  const index = p.tsquery ? null : facetIndex(db);
  if (index) return index.counts(p.filter);
  const hit = facetCache.get(p.key);
  if (hit && Date.now() - hit.at < FACET_TTL_MS) return hit.value;
  const value = await facetCounts(db, p.where);
  if (facetCache.size > 1000) facetCache.clear();
  facetCache.set(p.key, { at: Date.now(), value });
  return value;
}

export async function facetCounts(db: Tx, where: SQL): Promise<Facets> {
  // One pass: every matching row contributes its precomputed "facet:value" keys (see search-index.ts).
  const rows = await queryRows<{ k: string; n: number }>(db, sql`
    SELECT k, count(*)::int AS n FROM profile_search s, unnest(s.facet_keys) k WHERE ${where} GROUP BY k`);
  const f: Facets = { total: 0, type: {}, country: {}, orgType: {}, area: {}, subArea: {}, partnershipType: {}, trl: {} };
  for (const r of rows) {
    const i = r.k.indexOf(':');
    const facet = r.k.slice(0, i) as keyof Omit<Facets, 'total'>;
    if (!(facet in f)) continue;
    f[facet][r.k.slice(i + 1)] = Number(r.n);
    if (facet === 'type') f.total += Number(r.n);
  }
  return f;
}
