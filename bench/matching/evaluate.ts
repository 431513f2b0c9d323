// Quality of the matching engine on a labelled set: recall@1, recall@5, recall@10 and MRR per
// gold pair direction, split into "ru↔zh only" (no English text on either side) / "with English"
// and "same area" (the pair declares a common area) / "cross area", next to a same-area baseline;
// and how many queries got fewer than 10 candidates (starved candidate generation).
//   npx tsx bench/matching/evaluate.ts                       (the set in this folder)
//   npx tsx bench/matching/evaluate.ts --input set.json --gold gold.json [--predictions p.json]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { batchPredictions, pairAllowed, DEFAULT_PAIRING, parseImportFile, profilesFromImport, type MatchProfile } from '../../src/engines/matching/index.ts';
import type { ImportFile } from '../../src/shared/import-format.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const { values: args } = parseArgs({ options: {
  input: { type: 'string', default: `${dir}eval-set.json` }, gold: { type: 'string', default: `${dir}gold.json` },
  predictions: { type: 'string' }, weights: { type: 'string' }, verbose: { type: 'boolean', default: false },
  // robustness: drop declared areas/sub-areas (the engine infers them from concepts) and fit fields
  'strip-taxonomy': { type: 'boolean', default: false }, 'strip-fit': { type: 'boolean', default: false },
} });

const file: ImportFile = parseImportFile(JSON.parse(readFileSync(args.input!, 'utf8')));
const goldJson = JSON.parse(readFileSync(args.gold!, 'utf8')) as { pairs: Array<[string, string]> } | Array<[string, string]>;
const pairs = Array.isArray(goldJson) ? goldJson : goldJson.pairs;
const profiles = profilesFromImport(file).map((p) => ({
  ...p,
  ...(args['strip-taxonomy'] ? { areas: [], subAreas: [] } : {}),
  ...(args['strip-fit'] ? { partnershipTypes: [], trl: undefined, trlMinSought: undefined, developmentStage: undefined, targetCountries: [], partnerTypesSought: [] } : {}),
}));
const byId = new Map(profiles.map((p) => [p.id, p]));

const hasEnglish = (p: MatchProfile) => [p.title, p.summary, p.description, p.technicalSpecification, p.advantages, p.partnerRole]
  .some((m) => !!m?.en?.trim());

/** Same-area baseline: same sub-area (2) > same area (1), ties in an arbitrary but fixed order. */
function baseline(): Record<string, string[]> {
  const hash = (s: string) => { let h = 2166136261; for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619); return h >>> 0; };
  const out: Record<string, string[]> = {};
  for (const q of profiles) {
    const qa = new Set(q.areas), qs = new Set(q.subAreas);
    out[q.id] = profiles.filter((c) => c.organisationId !== q.organisationId && pairAllowed(q.country, c.country, DEFAULT_PAIRING))
      .map((c) => ({ id: c.id, s: (c.subAreas ?? []).some((x) => qs.has(x)) ? 2 : (c.areas ?? []).some((x) => qa.has(x)) ? 1 : 0, h: hash(q.id + '|' + c.id) }))
      .filter((c) => c.s > 0).sort((a, b) => b.s - a.s || a.h - b.h).map((c) => c.id);
  }
  return out;
}

type Metrics = { n: number; r1: number; r5: number; r10: number; mrr: number };
type Split = 'ru_zh' | 'english' | 'same_area' | 'cross_area' | 'all';
const SPLITS: Split[] = ['ru_zh', 'english', 'same_area', 'cross_area', 'all'];
const SPLIT_LABEL: Record<Split, string> = { ru_zh: 'ru↔zh only', english: 'with English', same_area: 'same area', cross_area: 'cross area', all: 'all' };
function evaluate(pred: Record<string, string[]>, label: string): Record<Split, Metrics> {
  const acc: Record<Split, number[]> = { ru_zh: [], english: [], same_area: [], cross_area: [], all: [] };
  for (const [a, b] of pairs) {
    for (const [q, g] of [[a, b], [b, a]] as const) {
      const pq = byId.get(q), pg = byId.get(g);
      if (!pq || !pg) throw new Error(`gold pair ${a}–${b}: unknown profile`);
      const rank = (pred[q] ?? []).indexOf(g) + 1; // 0 = not found
      const split = hasEnglish(pq) || hasEnglish(pg) ? 'english' : 'ru_zh';
      const sameArea = (pq.areas ?? []).some((a) => (pg.areas ?? []).includes(a));
      acc[split].push(rank); acc[sameArea ? 'same_area' : 'cross_area'].push(rank); acc.all.push(rank);
      if (args.verbose && (rank === 0 || rank > 1)) console.log(`  [${label}] ${q} → ${g}: rank ${rank || '>50'}; top: ${(pred[q] ?? []).slice(0, 3).join(', ')}`);
    }
  }
  const m = (ranks: number[]): Metrics => ({
    n: ranks.length,
    r1: ranks.filter((r) => r === 1).length / (ranks.length || 1),
    r5: ranks.filter((r) => r > 0 && r <= 5).length / (ranks.length || 1),
    r10: ranks.filter((r) => r > 0 && r <= 10).length / (ranks.length || 1),
    mrr: ranks.reduce((s, r) => s + (r > 0 ? 1 / r : 0), 0) / (ranks.length || 1),
  });
  return Object.fromEntries(SPLITS.map((k) => [k, m(acc[k])])) as Record<Split, Metrics>;
}

const started = performance.now();
const engine = args.predictions ? JSON.parse(readFileSync(args.predictions, 'utf8')) as Record<string, string[]> : batchPredictions(profiles, { top: 50, ...(args.weights ? { weights: JSON.parse(args.weights) } : {}) });
const ms = performance.now() - started;
const results = { engine: evaluate(engine, 'engine'), baseline: evaluate(baseline(), 'baseline') };

const f = (x: number) => x.toFixed(3);
console.log(`set: ${args.input}${args['strip-taxonomy'] ? ' (declared areas removed)' : ''}${args['strip-fit'] ? ' (fit fields removed)' : ''} — ${profiles.length} profiles, ${pairs.length} gold pairs (${pairs.length * 2} directed queries); engine ran in ${ms.toFixed(0)} ms`);
console.log('split          method     n   recall@1  recall@5  recall@10  MRR');
for (const split of SPLITS) {
  for (const method of ['engine', 'baseline'] as const) {
    const r = results[method][split];
    if (!r.n) continue;
    console.log(`${SPLIT_LABEL[split].padEnd(14)} ${method.padEnd(9)} ${String(r.n).padStart(3)}   ${f(r.r1)}     ${f(r.r5)}     ${f(r.r10)}      ${f(r.mrr)}`);
  }
}
const lengths = profiles.map((p) => (engine[p.id] ?? []).length);
console.log(`engine lists: ${lengths.filter((n) => n === 0).length} of ${profiles.length} profiles got no candidate, ${lengths.filter((n) => n < 10).length} fewer than 10`);
