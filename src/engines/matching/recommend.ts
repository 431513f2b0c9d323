// Recommendations for a profile or an organisation: candidate generation over the inverted
// index (term-at-a-time TF-IDF accumulation), pairing and eligibility rules, exact top-k with
// an upper-bound cut-off, deterministic ordering (score desc, then profile id), reasons.
import type { Doc, MatchIndex } from './match-index.ts';
import { resolveWeights, roundScore } from './score.ts';
import { DEFAULT_HISTORY_FACTORS, HistoryIndex, fitSignal, taxonomySignal, typeSignal } from './signals.ts';
import { conceptReasons } from './reasons.ts';
import type { Candidate, HistoryLookup, PairingRules, Reason, RecommendOptions } from './types.ts';
import type { Lang } from '../../shared/languages.ts';

export const DEFAULT_PAIRING: PairingRules = { crossBorder: [['BY', 'CN']], sameCountry: false };
export const DEFAULT_TOP = 10;
export const DEFAULT_MIN_SCORE = 0.05;

export type Target = string | { profileId: string } | { organisationId: string };

/** Whether two countries may be paired under the rules (organisations are checked separately). */
export function pairAllowed(a: string, b: string, rules: PairingRules): boolean {
  if (a === b) return rules.sameCountry;
  return rules.crossBorder.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

type Ctx = {
  top: number; weights: Record<string, number>; totalWeight: number; pairing: PairingRules;
  history: HistoryLookup; lang: Lang; now?: number; minScore: number;
};

let accC = new Float64Array(0);
let accW = new Float64Array(0);
let seen = new Uint8Array(0);

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
    pairing: { ...DEFAULT_PAIRING, ...options.pairing },
    history: Array.isArray(options.history) || !options.history ? new HistoryIndex(options.history ?? []) : options.history,
    lang: options.lang ?? 'en',
    now: options.now?.getTime(),
    minScore: options.minScore ?? DEFAULT_MIN_SCORE,
  };
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

function eligible(index: MatchIndex, q: Doc, d: Doc, ctx: Ctx): boolean {
  const qp = q.profile, cp = d.profile;
  if (d === q || cp.organisationId === qp.organisationId) return false;
  if (cp.status !== undefined && cp.status !== 'published') return false;
  if (ctx.now !== undefined && cp.expiresAt && Date.parse(cp.expiresAt) < ctx.now) return false;
  return pairAllowed(qp.country.toUpperCase(), cp.country.toUpperCase(), ctx.pairing);
}

function forDoc(index: MatchIndex, q: Doc, ctx: Ctx): Candidate[] {
  const size = index.docs.length;
  if (accC.length < size) { accC = new Float64Array(size * 2); accW = new Float64Array(size * 2); seen = new Uint8Array(size * 2); }
  const touched: number[] = [];
  // Very frequent words (in > 5% of a large index) work as stop words: they neither generate
  // candidates nor add to the dot product (their idf is small anyway).
  const wordCap = index.size >= 2000 ? Math.max(500, 0.05 * index.size) : Infinity;
  const accumulate = (terms: Int32Array, ws: Float64Array, acc: Float64Array, cap: number) => {
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i];
      if (index.df[t] > cap) continue;
      const idf = index.idf(t);
      const qw = ws[i] * idf * idf;
      const p = index.postings[t];
      for (let j = 0; j < p.docs.length; j++) {
        const n = p.docs[j];
        if (!seen[n]) { seen[n] = 1; touched.push(n); }
        acc[n] += qw * p.w[j];
      }
    }
  };
  accumulate(q.cTerms, q.cW, accC, Infinity);
  accumulate(q.wTerms, q.wW, accW, wordCap);
  // Few candidates share a concept or a word: add profiles of the same sub-area, then area.
  for (const code of [...q.features.subAreas, ...q.features.areas]) {
    if (touched.length >= ctx.top * 3) break;
    for (const n of index.taxonomy.get(code) ?? []) if (!seen[n]) { seen[n] = 1; touched.push(n); }
  }
  for (const s of index.scorers) {
    for (const id of s.candidates?.(q, ctx.top * 10) ?? []) {
      const d = index.get(id);
      if (d && !seen[d.n]) { seen[d.n] = 1; touched.push(d.n); }
    }
  }

  index.norms(q);
  const w = ctx.weights;
  const pool: Array<{ d: Doc; concepts: number; text: number; partial: number }> = [];
  for (const n of touched) {
    const d = index.docs[n];
    const dotC = accC[n], dotW = accW[n];
    accC[n] = 0; accW[n] = 0; seen[n] = 0;
    if (!d || !eligible(index, q, d, ctx)) continue;
    index.norms(d);
    const concepts = dotC > 0 ? Math.min(1, dotC / (q.cNorm * d.cNorm)) : 0;
    const text = dotW > 0 ? Math.min(1, dotW / (q.wNorm * d.wNorm)) : 0;
    pool.push({ d, concepts, text, partial: w.concepts * concepts + w.text * text });
  }
  pool.sort((a, b) => b.partial - a.partial || (a.d.profile.id < b.d.profile.id ? -1 : 1));

  // Exact top-k: the other signals add at most `rest`, so stop once no candidate can enter.
  const rest = ctx.totalWeight - w.concepts - w.text;
  const top: Candidate[] = [];
  for (const c of pool) {
    const kth = top.length >= ctx.top ? top[top.length - 1].score : -1;
    if ((c.partial + rest) / ctx.totalWeight < kth) break;
    const cand = scorePair(index, q, c.d, c.concepts, c.text, ctx);
    if (!cand || cand.score < ctx.minScore) continue;
    if (cand.score < kth || (cand.score === kth && cand.profileId > top[top.length - 1].profileId)) continue;
    top.push(cand);
    top.sort(byScoreThenId);
    if (top.length > ctx.top) top.pop();
  }
  for (const c of top) c.reasons = buildReasons(index, q, index.get(c.profileId)!, c, ctx);
  return top;
}

function scorePair(index: MatchIndex, q: Doc, d: Doc, concepts: number, text: number, ctx: Ctx): Candidate | null {
  const qp = q.profile, cp = d.profile;
  const state = ctx.history.state([qp.id, qp.organisationId], [cp.id, cp.organisationId]);
  const factor = state ? DEFAULT_HISTORY_FACTORS[state] : 1;
  if (factor === 0) return null;
  const signals: Record<string, number> = {
    concepts, text,
    taxonomy: taxonomySignal(q.features, d.features).value,
    type: typeSignal(qp.type, cp.type).value,
    fit: fitSignal(qp, q.features, cp, d.features).value,
  };
  for (const s of index.scorers) signals[s.name] = Math.max(0, Math.min(1, s.score(q, d)));
  let sum = 0;
  for (const [k, v] of Object.entries(signals)) sum += (ctx.weights[k] ?? 0) * v;
  signals.history = factor;
  return { profileId: cp.id, organisationId: cp.organisationId, score: roundScore((factor * sum) / ctx.totalWeight), signals, reasons: [], queryProfileId: qp.id };
}

function buildReasons(index: MatchIndex, q: Doc, d: Doc, c: Candidate, ctx: Ctx): Reason[] {
  const reasons: Reason[] = [];
  const type = typeSignal(q.profile.type, d.profile.type).reason;
  if (type) reasons.push(type);
  reasons.push(...conceptReasons(index, q, d, ctx.lang));
  const tax = taxonomySignal(q.features, d.features).reason;
  if (tax) reasons.push(tax);
  reasons.push(...fitSignal(q.profile, q.features, d.profile, d.features).reasons);
  const state = ctx.history.state([q.profile.id, q.profile.organisationId], [d.profile.id, d.profile.organisationId]);
  if (state) reasons.push({ kind: 'history', params: { state } });
  void c;
  return reasons;
}
