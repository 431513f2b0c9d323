// Recommendations for a profile or an organisation: candidate generation over the inverted
// index (term-at-a-time TF-IDF accumulation), pairing and eligibility rules, exact top-k with
// an upper-bound cut-off, deterministic ordering (score desc, then profile id), reasons.
import type { Doc, MatchIndex } from './match-index.ts';
import { resolveWeights, roundScore } from './score.ts';
import { DEFAULT_HISTORY_FACTORS, HistoryIndex, TAXONOMY_SCORES, TYPE_MATRIX, fitSignal, taxonomySignal, typeSignal } from './signals.ts';
import { conceptReasons, pivotReasons } from './reasons.ts';
import type { Candidate, HistoryLookup, MatchProfile, PairingRules, Reason, RecommendOptions } from './types.ts';
import type { Lang } from '../../shared/languages.ts';
import type { ProfileType } from '../../shared/enums.ts';
import { TAXONOMY } from '../../shared/taxonomy-data.ts';

export const DEFAULT_PAIRING: PairingRules = { crossBorder: [['BY', 'CN']], sameCountry: false };
export const DEFAULT_TOP = 10;
export const DEFAULT_MIN_SCORE = 0.05;
/** Recommendable candidates admitted through the postings before weaker query terms stop adding new ones. */
export const DEFAULT_CANDIDATE_BUDGET = 4000;

/** A profile id or organisation id (looked up in that order), or a profile that need not be indexed. */
export type Target = string | { profileId: string } | { organisationId: string } | { profile: MatchProfile };

/** Whether two countries may be paired under the rules (organisations are checked separately). */
export function pairAllowed(a: string, b: string, rules: PairingRules): boolean {
  if (a === b) return rules.sameCountry;
  return rules.crossBorder.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

type Ctx = {
  top: number; weights: Record<string, number>; totalWeight: number; pairing: PairingRules;
  history: HistoryLookup; lang: Lang; now?: number; minScore: number; candidateBudget: number; reasons: boolean;
};

// Scratch buffers reused by every query (the engine is synchronous, so one set suffices).
let accC = new Float64Array(0);
let accW = new Float64Array(0);
let seen = new Uint8Array(0);
let touchedBuf = new Int32Array(0);
let candBuf = new Int32Array(0);
let cheapBuf = new Float64Array(0);
let factorBuf = new Float64Array(0);
let simBuf = new Float64Array(0);

/**
 * Ranked candidates for a profile id or an organisation id (all its profiles, best score per
 * candidate). A string is looked up as a profile id first, then as an organisation id.
 */
export function recommend(index: MatchIndex, target: Target, options: RecommendOptions = {}): Candidate[] {
  const weights = resolveWeights(options.weights, index.scorers);
  const ctx: Ctx = {
    top: options.top ?? DEFAULT_TOP,
    weights,
    totalWeight: Object.values(weights).reduce((a, b) => a + b, 0) || 1,
    pairing: {
      crossBorder: (options.pairing?.crossBorder ?? DEFAULT_PAIRING.crossBorder).map(([a, b]) => [a.toUpperCase(), b.toUpperCase()] as [string, string]),
      sameCountry: options.pairing?.sameCountry ?? DEFAULT_PAIRING.sameCountry,
    },
    history: Array.isArray(options.history) || !options.history ? new HistoryIndex(options.history ?? []) : options.history,
    lang: options.lang ?? 'en',
    now: options.now?.getTime(),
    minScore: options.minScore ?? DEFAULT_MIN_SCORE,
    candidateBudget: options.candidateBudget ?? DEFAULT_CANDIDATE_BUDGET,
    reasons: options.reasons ?? true,
  };
  if (typeof target === 'object' && 'profile' in target) {
    return forDoc(index, index.probe(target.profile), ctx);
  }
  const profileId = typeof target === 'string' ? (index.get(target) ? target : undefined) : 'profileId' in target ? target.profileId : undefined;
  if (profileId !== undefined) {
    const doc = index.get(profileId);
    return doc ? forDoc(index, doc, ctx) : [];
  }
  const orgId = typeof target === 'string' ? target : 'organisationId' in target ? target.organisationId : '';
  const best = new Map<string, Candidate>();
  for (const pid of [...(index.byOrg.get(orgId) ?? [])].sort()) {
    for (const c of forDoc(index, index.get(pid)!, ctx)) {
      const prev = best.get(c.profileId);
      if (!prev || c.score > prev.score) best.set(c.profileId, c);
    }
  }
  return [...best.values()].sort(byScoreThenId).slice(0, ctx.top);
}

const byScoreThenId = (a: Candidate, b: Candidate) => b.score - a.score || (a.profileId < b.profileId ? -1 : a.profileId > b.profileId ? 1 : 0);

/** Per query: which country codes may be paired with the viewer's country (index codes → 0/1). */
function allowedCountries(index: MatchIndex, q: Doc, rules: PairingRules): Uint8Array {
  const out = new Uint8Array(index.countryCodes.size);
  for (const [country, n] of index.countryCodes) out[n] = pairAllowed(q.country, country, rules) ? 1 : 0;
  return out;
}

/** Areas related to each area (either side's `related` list names the other), for candidate generation. */
const RELATED_AREAS = new Map(TAXONOMY.map((a) => [a.code,
  TAXONOMY.filter((b) => b.code !== a.code && (a.related.includes(b.code) || b.related.includes(a.code))).map((b) => b.code)]));

/** Whether a profile type is a partner the viewer's type looks for (offer ↔ request, R&D ↔ R&D or offer). */
const complementary = (viewer: ProfileType, candidate: ProfileType) => TYPE_MATRIX[viewer][candidate] >= 0.5;
/** Per viewer type, the candidate types the area sweep visits. */
const SWEEP_TYPES = Object.fromEntries(Object.entries(TYPE_MATRIX).map(([viewer, row]) =>
  [viewer, (Object.keys(row) as ProfileType[]).filter((c) => complementary(viewer as ProfileType, c))])) as Record<ProfileType, ProfileType[]>;

/**
 * Candidate profile numbers from the postings and extra scorers (the area sweep is in forDoc,
 * where it can be bounded). Only recommendable profiles (alive, published, not expired, another
 * organisation, a country the pairing rules allow) are ever candidates, and only they count
 * towards the budget, so that a text sharing words with many profiles of its own country cannot
 * crowd out the other country. Sources:
 *  1. profiles sharing a concept or a word (TF-IDF dot products accumulated term at a time);
 *  2. the candidates of extra scorers;
 *  3. (forDoc) every recommendable profile of a complementary type in the same or a related area,
 *     whatever its words: a partner that describes the same technology in other words is still
 *     scored (on type, area and fit, plus any extra scorer).
 * The top k is then exact over this set (two passes in forDoc).
 */
function generate(index: MatchIndex, q: Doc, ctx: Ctx, allowed: Uint8Array): { touched: Int32Array; count: number; rejected: number } {
  const size = index.docs.length;
  if (accC.length < size) {
    accC = new Float64Array(size * 2); accW = new Float64Array(size * 2); seen = new Uint8Array(size * 2);
    touchedBuf = new Int32Array(size * 2); candBuf = new Int32Array(size * 2);
    cheapBuf = new Float64Array(size * 2); factorBuf = new Float64Array(size * 2); simBuf = new Float64Array(size * 6);
  }
  const touched = touchedBuf;
  const docs = index.docs;
  const now = ctx.now ?? -Infinity;
  const qOrg = q.orgN;
  // seen: 0 = not looked at, 1 = candidate (in `touched` from the front), 2 = not recommendable
  // (in `touched` from the back, so that its mark can be cleared afterwards).
  let count = 0, rejected = 0;
  const admit = (n: number): boolean => {
    const d = docs[n];
    if (d && d.orgN !== qOrg && allowed[d.countryN] && d.candidate && d.expiresMs >= now) {
      seen[n] = 1; touched[count++] = n; return true;
    }
    seen[n] = 2; touched[touched.length - 1 - rejected++] = n; return false;
  };
  // Very frequent words (in > 5% of a large index) work as stop words: they neither generate
  // candidates nor add to the dot product (their idf is small anyway).
  const wordCap = index.size >= 2000 ? Math.max(500, 0.05 * index.size) : Infinity;
  // Query terms in decreasing impact (query weight × idf²). Each term adds to the dot products
  // of the profiles in its postings; once `candidateBudget` candidates are admitted, the remaining
  // (weaker, usually broad) terms only add to candidates already admitted. Below the budget — any
  // index of a few thousand profiles — the candidate set is exact.
  const terms: Array<{ t: number; impact: number; concept: boolean }> = [];
  for (let i = 0; i < q.cTerms.length; i++) {
    const t = q.cTerms[i], idf = index.idf(t);
    terms.push({ t, impact: q.cW[i] * idf * idf, concept: true });
  }
  for (let i = 0; i < q.wTerms.length; i++) {
    const t = q.wTerms[i];
    if (index.df[t] > wordCap) continue;
    const idf = index.idf(t);
    terms.push({ t, impact: q.wW[i] * idf * idf, concept: false });
  }
  terms.sort((a, b) => b.impact - a.impact || a.t - b.t);
  for (const { t, impact, concept } of terms) {
    const acc = concept ? accC : accW;
    const p = index.postings[t];
    const open = count < ctx.candidateBudget;
    for (let j = 0; j < p.docs.length; j++) {
      const n = p.docs[j];
      const s = seen[n];
      if (s === 2) continue;
      if (s === 0 && (!open || !admit(n))) continue;
      acc[n] += impact * p.w[j];
    }
  }
  for (const s of index.scorers) {
    for (const id of s.candidates?.(q, ctx.top * 10) ?? []) {
      const d = index.get(id);
      if (d && !seen[d.n]) admit(d.n);
    }
  }
  // Profiles without any area (nothing declared, nothing inferred) and a query that shares nothing
  // with anyone: fall back to every complementary recommendable profile, so that no list is empty
  // while a partner exists (small indexes only; at scale every profile has an area).
  if (count < ctx.top && index.size <= 20_000) {
    const qType = q.profile.type;
    for (let n = 0; n < size && count < ctx.top * 3; n++) {
      const d = docs[n];
      if (!seen[n] && d && complementary(qType, d.profile.type)) admit(n);
    }
  }
  return { touched, count, rejected };
}

function forDoc(index: MatchIndex, q: Doc, ctx: Ctx): Candidate[] {
  const allowed = allowedCountries(index, q, ctx.pairing);
  const { touched, count, rejected } = generate(index, q, ctx, allowed);
  for (let i = 0; i < rejected; i++) seen[touched[touched.length - 1 - i]] = 0;
  index.norms(q);
  const w = ctx.weights;
  const qp = q.profile;
  const viewerIds = [qp.id, qp.organisationId];
  const typeRow = TYPE_MATRIX[qp.type];
  // Pass 1: the cheap part of each score (concepts, text, taxonomy, type) is a lower bound; fit
  // adds at most w.fit (+ the weights of extra scorers). The k-th best lower bound is a
  // threshold: a candidate whose upper bound stays below it cannot enter the top k.
  const slack = ctx.totalWeight - w.concepts - w.text - w.taxonomy - w.type;
  const hasHistory = !(ctx.history instanceof HistoryIndex) || ctx.history.size > 0;
  const now = ctx.now ?? -Infinity;
  const cands = candBuf, cheap = cheapBuf, factors = factorBuf;
  const sims = simBuf; // concepts, text, taxonomy per candidate
  let nc = 0;
  const lows: number[] = []; // k best lower bounds, descending
  const consider = (n: number) => {
    const d = index.docs[n];
    const dotC = accC[n], dotW = accW[n];
    accC[n] = 0; accW[n] = 0; seen[n] = 3;
    // eligibility (another organisation, an allowed country, published, not expired) was checked when admitted
    if (!d) return;
    const cp = d.profile;
    let factor = 1;
    if (hasHistory) {
      const state = ctx.history.state(viewerIds, [cp.id, cp.organisationId]);
      if (state) factor = DEFAULT_HISTORY_FACTORS[state];
      if (factor === 0) return;
    }
    index.norms(d);
    const concepts = dotC > 0 ? Math.min(1, dotC / (q.cNorm * d.cNorm)) : 0;
    const text = dotW > 0 ? Math.min(1, dotW / (q.wNorm * d.wNorm)) : 0;
    const taxonomy = taxonomySignal(q.features, d.features);
    const part = w.concepts * concepts + w.text * text + w.taxonomy * taxonomy + w.type * typeRow[cp.type];
    cands[nc] = n; cheap[nc] = part; factors[nc] = factor;
    sims[3 * nc] = concepts; sims[3 * nc + 1] = text; sims[3 * nc + 2] = taxonomy;
    nc++;
    const low = factor * part;
    if (lows.length < ctx.top || low > lows[lows.length - 1]) {
      let i = lows.length;
      while (i > 0 && low > lows[i - 1]) i--;
      lows.splice(i, 0, low);
      if (lows.length > ctx.top) lows.pop();
    }
  };
  const kth = () => (lows.length >= ctx.top ? lows[lows.length - 1] : -Infinity);
  for (let ti = 0; ti < count; ti++) consider(touched[ti]);
  // Pass 1b, the area sweep: every recommendable profile of a complementary type in the same or a
  // related area is a candidate. One that shares no term scores at most taxonomy + type + slack
  // (history factors never exceed 1), so it is considered only if that bound reaches the current
  // k-th lower bound; the result stays exact. The index keeps one list per (area or sub-area,
  // type), so a whole list whose bound (its best taxonomy level, its type) falls below the k-th
  // lower bound is skipped without looking at its profiles; lists are walked best bound first,
  // so the threshold rises early.
  let swept = count;
  const maxSwept = w.taxonomy + w.type + slack;
  if (maxSwept >= kth()) {
    const qType = qp.type;
    const lists: Array<{ key: string; bound: number }> = [];
    const level = new Map<string, number>();
    for (const s of q.features.subAreas) level.set(s, TAXONOMY_SCORES.subArea);
    for (const a of q.features.areas) level.set(a, TAXONOMY_SCORES.area);
    for (const a of q.features.areas) for (const r of RELATED_AREAS.get(a) ?? []) if (!level.has(r)) level.set(r, TAXONOMY_SCORES.relatedArea);
    for (const [code, tax] of level) {
      for (const type of SWEEP_TYPES[qType]) lists.push({ key: `${code}/${type}`, bound: w.taxonomy * tax + w.type * typeRow[type] + slack });
    }
    lists.sort((a, b) => b.bound - a.bound || (a.key < b.key ? -1 : 1));
    for (const { key, bound } of lists) {
      if (bound < kth()) continue;
      for (const n of index.taxonomy.get(key) ?? []) {
        if (seen[n]) continue;
        const d = index.docs[n];
        seen[n] = 3; touched[swept++] = n;
        if (!d || d.orgN === q.orgN || !allowed[d.countryN] || !d.candidate || d.expiresMs < now) continue;
        if (w.taxonomy * taxonomySignal(q.features, d.features) + w.type * typeRow[d.profile.type] + slack < kth()) continue;
        consider(n);
      }
    }
  }
  for (let ti = 0; ti < swept; ti++) seen[touched[ti]] = 0;
  const threshold = kth();

  // Pass 2: exact scores for the candidates that can still make it; bounded top-k kept sorted
  // by (score desc, id asc).
  const top: Array<{ d: Doc; score: number; signals: Record<string, number> }> = [];
  for (let k = 0; k < nc; k++) {
    if (factors[k] * (cheap[k] + slack) < threshold) continue;
    const d = index.docs[cands[k]]!;
    const cp = d.profile;
    const factor = factors[k];
    const concepts = sims[3 * k], text = sims[3 * k + 1], taxonomy = sims[3 * k + 2];
    const type = typeRow[cp.type];
    const fit = fitSignal(qp, q.features, cp, d.features);
    let sum = cheap[k] + w.fit * fit;
    let extra: Record<string, number> | null = null;
    for (const s of index.scorers) {
      const v = Math.max(0, Math.min(1, s.score(q, d)));
      (extra ??= {})[s.name] = v;
      sum += (w[s.name] ?? 0) * v;
    }
    const score = roundScore((factor * sum) / ctx.totalWeight);
    if (score < ctx.minScore) continue;
    if (top.length >= ctx.top && !before(score, cp.id, top[top.length - 1])) continue;
    let i = top.length;
    while (i > 0 && before(score, cp.id, top[i - 1])) i--;
    top.splice(i, 0, { d, score, signals: { concepts, text, taxonomy, type, fit, ...extra, history: factor } });
    if (top.length > ctx.top) top.pop();
  }
  return top.map(({ d, score, signals }) => ({
    profileId: d.profile.id, organisationId: d.profile.organisationId, score, signals,
    reasons: ctx.reasons ? buildReasons(index, q, d, ctx) : [], queryProfileId: qp.id,
  }));
}

const before = (score: number, id: string, other: { d: Doc; score: number }) =>
  score > other.score || (score === other.score && id < other.d.profile.id);

function buildReasons(index: MatchIndex, q: Doc, d: Doc, ctx: Ctx): Reason[] {
  const reasons: Reason[] = [];
  const type = typeSignal(q.profile.type, d.profile.type).reason;
  if (type) reasons.push(type);
  reasons.push(...conceptReasons(index, q, d, ctx.lang));
  reasons.push(...pivotReasons(index, q, d));
  // "same sub-area" is only said when both sides declared their areas (not inferred from concepts)
  if (q.features.declaredTaxonomy && d.features.declaredTaxonomy) taxonomySignal(q.features, d.features, reasons);
  fitSignal(q.profile, q.features, d.profile, d.features, reasons);
  const state = ctx.history.state([q.profile.id, q.profile.organisationId], [d.profile.id, d.profile.organisationId]);
  if (state) reasons.push({ kind: 'history', params: { state } });
  return reasons;
}
