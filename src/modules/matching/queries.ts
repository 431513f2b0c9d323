// Reads of the matching module: history for the engine, pairing settings, recommendations for a
// profile or an organisation (anonymity kept), the supply–demand table and the strongest pairs.
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { appMeta, expressionsOfInterest, matchFeedback, matchIntroductions, organisations, profiles, taxonomyAreas } from '../../db/schema/index.ts';
import { queryRows, type Tx } from '../../db/client.ts';
import type { Actor, Deps } from '../../platform/context.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import {
  DEFAULT_PAIRING, HistoryIndex, recommend, renderReason,
  type Candidate, type HistoryEntry, type MatchIndex, type Target,
} from '../../engines/matching/index.ts';
import { pickMl, type Lang, type Ml } from '../../shared/languages.ts';
import { membershipOf, myOrganisationIds } from '../directory/queries.ts';
import { canSeeProfileOrganisation } from '../profiles/policy.ts';
import { anonymityLiftedFor } from '../profiles/queries.ts';
import { matchingIndex } from './index-service.ts';
import { canUseMatchingTools, canViewRecommendations, OFFER_TYPES, REQUEST_TYPES } from './policy.ts';
import type { MatchingSettings } from './schema.ts';

export const SETTINGS_KEY = 'matching:settings';

export async function loadSettings(db: Tx): Promise<MatchingSettings> {
  const [row] = await db.select().from(appMeta).where(eq(appMeta.key, SETTINGS_KEY));
  const v = row?.value as Partial<MatchingSettings> | undefined;
  return { crossBorder: v?.crossBorder ?? DEFAULT_PAIRING.crossBorder, sameCountry: v?.sameCountry ?? DEFAULT_PAIRING.sameCountry };
}

/**
 * What the product knows about pairs, as engine history:
 * - an open or accepted expression of interest: the two organisations are in contact;
 * - a declined one: the sending organisation and that profile were declined;
 * - feedback "not relevant": drops the candidate from that organisation's own lists;
 * - feedback "already in contact": the same for the organisation, and the pair is in contact for the other side;
 * - an organiser's introduction: the two profiles are in contact.
 * With `orgIds`, only rows involving those organisations are read (one viewer's lists).
 */
export async function loadHistory(db: Tx, orgIds?: string[]): Promise<HistoryIndex> {
  return new HistoryIndex(await historyEntries(db, orgIds));
}

export async function historyEntries(db: Tx, orgIds?: string[]): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  if (orgIds && !orgIds.length) return entries;
  const eois = await db.select({ from: expressionsOfInterest.fromOrganisationId, profileId: expressionsOfInterest.profileId, owner: profiles.organisationId, status: expressionsOfInterest.status })
    .from(expressionsOfInterest).innerJoin(profiles, eq(profiles.id, expressionsOfInterest.profileId))
    .where(orgIds ? or(inArray(expressionsOfInterest.fromOrganisationId, orgIds), inArray(profiles.organisationId, orgIds)) : undefined);
  for (const e of eois) {
    if (e.status === 'open' || e.status === 'accepted') entries.push({ subject: e.from, object: e.owner, state: 'in_contact' });
    else if (e.status === 'declined') entries.push({ subject: e.from, object: e.profileId, state: 'declined' });
  }
  const fb = await db.select({ org: matchFeedback.organisationId, cand: matchFeedback.candidateProfileId, candOrg: profiles.organisationId, kind: matchFeedback.kind })
    .from(matchFeedback).innerJoin(profiles, eq(profiles.id, matchFeedback.candidateProfileId))
    .where(orgIds ? or(inArray(matchFeedback.organisationId, orgIds), inArray(profiles.organisationId, orgIds)) : undefined);
  for (const f of fb) {
    entries.push({ subject: f.org, object: f.cand, state: 'not_relevant' });
    if (f.kind === 'in_contact') entries.push({ subject: f.org, object: f.candOrg, state: 'in_contact' });
  }
  const intros = await db.select({ a: matchIntroductions.profileAId, b: matchIntroductions.profileBId }).from(matchIntroductions);
  for (const i of intros) entries.push({ subject: i.a, object: i.b, state: 'in_contact' });
  return entries;
}

/** Taxonomy labels as edited by organisers, for the reasons. */
async function taxonomyLabels(db: Tx): Promise<(code: string, lang: Lang) => string | undefined> {
  const rows = await db.select({ code: taxonomyAreas.code, label: taxonomyAreas.label }).from(taxonomyAreas);
  const m = new Map(rows.map((r) => [r.code, r.label]));
  return (code, lang) => pickMl(m.get(code), lang)?.text;
}

type Viewer = { actor: Actor | null; myOrgIds: string[] };

/** Candidates → response items: profile fields, organisation unless anonymous to this viewer, reasons in `lang`. */
export async function presentCandidates(db: Tx, viewer: Viewer, cands: Candidate[], lang: Lang) {
  if (!cands.length) return [];
  const rows = await db.select({ p: profiles, o: organisations }).from(profiles)
    .innerJoin(organisations, eq(organisations.id, profiles.organisationId)).where(inArray(profiles.id, cands.map((c) => c.profileId)));
  const byId = new Map(rows.map((r) => [r.p.id, r]));
  const label = await taxonomyLabels(db);
  const out = [];
  for (const c of cands) {
    const r = byId.get(c.profileId);
    if (!r || r.p.status !== 'published') continue; // changed since the index caught up
    const { p, o } = r;
    let show = !p.anonymous;
    if (!show) {
      // Per profile: only an accepted interest in this very profile names its organisation.
      const lifted = await anonymityLiftedFor(db, viewer.myOrgIds, p.id);
      show = canSeeProfileOrganisation(viewer.actor, true, { membership: viewer.myOrgIds.includes(o.id) ? 'member' : null, revealed: lifted });
    }
    out.push({
      profileId: p.id, forProfileId: c.queryProfileId, score: c.score, type: p.type, title: p.title, summary: p.summary,
      country: o.country, anonymous: p.anonymous, organisation: show ? { id: o.id, name: o.name as Ml, type: o.type } : null,
      reasons: c.reasons.map((reason) => ({ kind: reason.kind, text: renderReason(reason, lang, { taxonomyLabel: label }) })),
      trl: p.trl, areas: p.areas,
    });
  }
  return out;
}

async function recommendFor(deps: Pick<Deps, 'db' | 'clock'>, index: MatchIndex, target: Target, orgIds: string[], top: number, lang: Lang) {
  const [settings, history] = await Promise.all([loadSettings(deps.db), loadHistory(deps.db, orgIds)]);
  return recommend(index, target, { top, history, pairing: settings, lang, now: deps.clock.now() });
}

export async function profileRecommendations(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor | null, profileId: string, top: number, lang: Lang) {
  const [p] = await deps.db.select({ org: profiles.organisationId, status: profiles.status }).from(profiles).where(eq(profiles.id, profileId));
  if (!p) throw notFound('profile');
  const membership = await membershipOf(deps.db, actor?.userId, p.org);
  // Like the marketplace: an unpublished profile does not exist for outsiders.
  if (!canViewRecommendations(actor, membership)) throw p.status === 'published' ? forbidden() : notFound('profile');
  const index = await matchingIndex(deps.db).current();
  if (!index.get(profileId)) return { indexed: false, items: [] };
  const cands = await recommendFor(deps, index, { profileId }, [p.org], top, lang);
  return { indexed: true, items: await presentCandidates(deps.db, { actor, myOrgIds: await myOrganisationIds(deps.db, actor?.userId) }, cands, lang) };
}

export async function organisationRecommendations(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor | null, orgId: string, top: number, lang: Lang) {
  const [o] = await deps.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, orgId));
  if (!o) throw notFound('organisation');
  const membership = await membershipOf(deps.db, actor?.userId, orgId);
  if (!canViewRecommendations(actor, membership)) throw forbidden();
  const index = await matchingIndex(deps.db).current();
  if (!index.byOrg.get(orgId)?.size) return { indexed: false, items: [] };
  const cands = await recommendFor(deps, index, { organisationId: orgId }, [orgId], top, lang);
  return { indexed: true, items: await presentCandidates(deps.db, { actor, myOrgIds: await myOrganisationIds(deps.db, actor?.userId) }, cands, lang) };
}

/** Areas × countries: offers (TO/BO) and requests (TR/BR/RDR) among published, unexpired profiles. */
export async function supplyDemand(db: Tx, actor: Actor | null, now: Date) {
  if (!canUseMatchingTools(actor)) throw forbidden();
  const offers = sql.join(OFFER_TYPES.map((t) => sql`${t}`), sql`, `);
  const requests = sql.join(REQUEST_TYPES.map((t) => sql`${t}`), sql`, `);
  const rows = await queryRows<{ area: string; country: string; offers: number; requests: number }>(db, sql`
    SELECT a.area, o.country,
      count(*) FILTER (WHERE p.type IN (${offers}))::int AS offers,
      count(*) FILTER (WHERE p.type IN (${requests}))::int AS requests
    FROM profiles p JOIN organisations o ON o.id = p.organisation_id CROSS JOIN LATERAL unnest(p.areas) AS a(area)
    WHERE p.status = 'published' AND (p.expires_at IS NULL OR p.expires_at > ${now})
    GROUP BY a.area, o.country ORDER BY a.area, o.country`);
  const areas = await db.select({ code: taxonomyAreas.code, label: taxonomyAreas.label }).from(taxonomyAreas)
    .where(and(isNull(taxonomyAreas.parentCode), eq(taxonomyAreas.active, true))).orderBy(taxonomyAreas.sort);
  const countries = [...new Set(rows.map((r) => r.country))].sort();
  return { areas, countries, cells: rows.map((r) => ({ ...r, offers: Number(r.offers), requests: Number(r.requests) })) };
}

/** Per profile, how many of its best candidates are considered when pairs are collected. */
export const PAIRS_PER_PROFILE = 5;

/**
 * The strongest pairs the pairing rules allow, with no recorded history between them (no expression
 * of interest, feedback or introduction either way). A pair's score is the better of its two directions.
 */
export async function topPairs(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor | null, q: { limit: number; offset: number }, lang: Lang) {
  if (!canUseMatchingTools(actor)) throw forbidden();
  const index = await matchingIndex(deps.db).current();
  const [settings, entries] = await Promise.all([loadSettings(deps.db), historyEntries(deps.db)]);
  const now = deps.clock.now();
  // The ranking costs one recommendation per published profile: keep it while nothing it depends on changed.
  const key = JSON.stringify([index.generation, lang, settings, Math.floor(now.getTime() / PAIRS_CACHE_MS), entries.map((e) => `${e.subject}${e.object}${e.state}`).sort()]);
  let cached = pairsCache.get(index);
  if (cached?.key !== key) {
    cached = { key, ranked: rankPairs(index, new HistoryIndex(entries), settings, lang, now) };
    pairsCache.set(index, cached);
  }
  const ranked = cached.ranked;
  const page = ranked.slice(q.offset, q.offset + q.limit);
  const viewer = { actor, myOrgIds: [] as string[] };
  // Both sides of the page in two queries; a pair whose side changed since the ranking is left out.
  const as = await presentCandidates(deps.db, viewer, page.map(([, c]) => ({ ...c, profileId: c.queryProfileId, reasons: [] })), lang);
  const bs = await presentCandidates(deps.db, viewer, page.map(([, c]) => c), lang);
  const aById = new Map(as.map((x) => [x.profileId, x]));
  const bByKey = new Map(bs.map((x) => [`${x.forProfileId}|${x.profileId}`, x]));
  const items = [];
  for (const [, c] of page) {
    const a = aById.get(c.queryProfileId);
    const b = bByKey.get(`${c.queryProfileId}|${c.profileId}`);
    if (a && b) items.push({ score: c.score, a: { ...a, reasons: [] }, b, reasons: b.reasons });
  }
  return { total: ranked.length, items };
}

/** Recomputed at least this often, so that expiring profiles leave the list. */
const PAIRS_CACHE_MS = 600_000;
const pairsCache = new WeakMap<MatchIndex, { key: string; ranked: Array<[string, Candidate]> }>();

function rankPairs(index: MatchIndex, history: HistoryIndex, settings: MatchingSettings, lang: Lang, now: Date): Array<[string, Candidate]> {
  const best = new Map<string, Candidate>();
  for (const id of [...index.byId.keys()].sort()) {
    const q0 = index.get(id)!.profile;
    for (const c of recommend(index, { profileId: id }, { top: PAIRS_PER_PROFILE, history, pairing: settings, lang, now })) {
      const cand = index.get(c.profileId)!.profile;
      if (history.state([q0.id, q0.organisationId], [cand.id, cand.organisationId]) || history.state([cand.id, cand.organisationId], [q0.id, q0.organisationId])) continue;
      const key = id < c.profileId ? `${id}|${c.profileId}` : `${c.profileId}|${id}`;
      const prev = best.get(key);
      if (!prev || c.score > prev.score) best.set(key, c);
    }
  }
  return [...best.entries()].sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1));
}
