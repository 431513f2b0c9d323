// Mode "fair": maximise the worst application's total affinity, then the total — lexicographically and
// exactly. Level 1 lies between the optimal assignment's worst application and a combinatorial bound
// (no application exceeds the sum of its own best `demand` affinities); a bisection asks "can every
// application reach t?". For a threshold t, pairs that cannot be in any set reaching t are dropped; if
// then every remaining choice reaches t the question is a flow problem (exact, certified by its dual),
// else an integer program with a row only for the applications still at risk, solved to proven
// optimality by HiGHS (open source, no commercial solver). The answer at the best t is level 2.
import type { Problem } from './format.ts';
import type { AssignmentResult } from './types.ts';
import { solveOptimal, resultFromPairs } from './optimal.ts';
import { costScale } from './flow-model.ts';

type HighsColumn = { Primal: number };
type HighsResult = { Status: string; ObjectiveValue: number; Columns: Record<string, HighsColumn> };
type Highs = { solve: (lp: string, opts?: Record<string, unknown>) => HighsResult };
let highsPromise: Promise<Highs> | null = null;
function loadHighs(): Promise<Highs> {
  highsPromise ??= import('highs').then((mod) => (mod.default as unknown as () => Promise<Highs>)());
  return highsPromise;
}

/** Upper bound on the worst application: each application alone takes its best `demand` allowed experts. */
export function individualBound(pb: Problem): number {
  const A = pb.applicationIds.length, E = pb.expertIds.length;
  let bound = Infinity;
  for (let i = 0; i < A; i++) {
    const row: number[] = [];
    for (let j = 0; j < E; j++) { const a = pb.affinity[i * E + j]; if (!Number.isNaN(a)) row.push(a); }
    row.sort((x, y) => y - x);
    let s = 0;
    for (let k = 0; k < Math.min(pb.demand[i], row.length); k++) s += row[k];
    bound = Math.min(bound, s);
  }
  return bound;
}

/**
 * The pairs application i may use if it is to reach `t`: a pair whose affinity plus the best `demand − 1`
 * other affinities of the application stays below t can be in no such assignment. Returns the problem
 * without the unusable pairs, and the applications whose threshold is not implied by the remaining pairs.
 */
export function restrictToThreshold(pb: Problem, t: number): { pb: Problem; hard: number[]; impossible: boolean } {
  const A = pb.applicationIds.length, E = pb.expertIds.length;
  const affinity = pb.affinity.slice();
  const hard: number[] = [];
  const tol = 1e-9 * Math.max(1, Math.abs(t));
  for (let i = 0; i < A; i++) {
    const d = pb.demand[i];
    const row: number[] = [];
    for (let j = 0; j < E; j++) { const a = pb.affinity[i * E + j]; if (!Number.isNaN(a)) row.push(a); }
    row.sort((x, y) => y - x);
    if (row.length < d) return { pb, hard, impossible: true };
    const bestOthers = (a: number) => { // the best d−1 affinities other than one of value a
      let s = 0, skipped = false, k = 0;
      for (const v of row) { if (k === d - 1) break; if (!skipped && v === a) { skipped = true; continue; } s += v; k++; }
      return s;
    };
    const usable: number[] = [];
    for (let j = 0; j < E; j++) {
      const a = affinity[i * E + j];
      if (Number.isNaN(a)) continue;
      if (a + bestOthers(a) < t - tol) affinity[i * E + j] = NaN; else usable.push(a);
    }
    if (usable.length < d) return { pb, hard, impossible: true };
    usable.sort((x, y) => x - y);
    let low = 0;
    for (let k = 0; k < d; k++) low += usable[k];
    if (low < t - tol) hard.push(i);
  }
  return { pb: { ...pb, affinity }, hard, impossible: false };
}

const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toPrecision(17));

/** CPLEX LP text: maximise the total with a row "total ≥ t" for each of the `hard` applications. */
function programText(pb: Problem, hard: number[], t: number, withObjective: boolean, relax = false): string {
  const A = pb.applicationIds.length, E = pb.expertIds.length;
  const isHard = new Set(hard);
  const x = (i: number, j: number) => `x${i}_${j}`;
  const term = (a: number, v: string) => `${a >= 0 ? '+' : '-'} ${num(Math.abs(a))} ${v}`;
  const rows: string[] = [], obj: string[] = [], cols: string[] = [];
  const byExpert: string[][] = Array.from({ length: E }, () => []);
  for (let i = 0; i < A; i++) {
    const d: string[] = [], w: string[] = [];
    const byGroup = new Map<number, string[]>();
    for (let j = 0; j < E; j++) {
      const a = pb.affinity[i * E + j];
      if (Number.isNaN(a)) continue;
      const v = x(i, j);
      cols.push(v); d.push(v); byExpert[j].push(v); w.push(term(a, v)); obj.push(term(a, v));
      const g = pb.expertGroup[j];
      if (g >= 0) { if (!byGroup.has(g)) byGroup.set(g, []); byGroup.get(g)!.push(v); }
    }
    rows.push(` d${i}: ${d.join(' + ')} = ${pb.demand[i]}`);
    for (const [g, q] of pb.quotas[i]) rows.push(` q${i}_${g}: ${(byGroup.get(g) ?? []).join(' + ') || '0 x0_0'} >= ${q}`);
    if (isHard.has(i)) rows.push(` w${i}: ${w.join(' ')} >= ${num(t)}`);
  }
  for (let j = 0; j < E; j++) {
    if (!byExpert[j].length) continue;
    rows.push(` u${j}: ${byExpert[j].join(' + ')} <= ${pb.maxLoad[j]}`);
    if (pb.minLoad[j] > 0) rows.push(` l${j}: ${byExpert[j].join(' + ')} >= ${pb.minLoad[j]}`);
  }
  return ['Maximize', ` obj: ${withObjective ? obj.join(' ') : `0 ${cols[0]}`}`, 'Subject To', ...rows, 'Bounds', ...cols.map((c) => ` 0 <= ${c} <= 1`), ...(relax ? [] : ['Binary', ...cols.map((c) => ` ${c}`)]), 'End'].join('\n');
}

type Check = { status: 'feasible'; pairs: Array<[number, number]>; total: number; bound: number; proven: boolean } | { status: 'infeasible' | 'unknown' };

/** Is there a valid assignment with every application at least t? If so, one of maximum total. */
async function atThreshold(pb: Problem, t: number, seconds: number, maximiseTotal: boolean): Promise<Check> {
  const r = restrictToThreshold(pb, t);
  if (r.impossible) return { status: 'infeasible' };
  if (r.hard.length === 0) {
    // every remaining choice reaches t: a pure flow problem, exact and certified
    const opt = solveOptimal(r.pb);
    if (!opt.feasible) return { status: 'infeasible' };
    const ids = new Map(pb.expertIds.map((id, j) => [id, j]));
    const apps = new Map(pb.applicationIds.map((id, i) => [id, i]));
    const pairs = opt.assignments.map((p) => [apps.get(p.application)!, ids.get(p.expert)!] as [number, number]);
    return { status: 'feasible', pairs, total: opt.objective, bound: opt.upperBound, proven: true };
  }
  const highs = await loadHighs();
  const tt = t - 1e-9 * Math.max(1, Math.abs(t));
  const opts = { output_flag: false, time_limit: seconds, mip_rel_gap: 0, mip_abs_gap: 1e-7 };
  const E = pb.expertIds.length;
  const read = (res: HighsResult): Array<[number, number]> => Object.entries(res.Columns)
    .filter(([name, c]) => name.startsWith('x') && c.Primal > 0.5).map(([name]) => name.slice(1).split('_').map(Number) as [number, number]);
  const totalOf = (pairs: Array<[number, number]>) => pairs.reduce((acc, [i, j]) => acc + pb.affinity[i * E + j], 0);
  // First the program on each application's best usable pairs only: small, so fast. A solution there is a
  // solution of the full problem; its optimality for the total is proven when it meets the full LP bound.
  const small = highs.solve(programText(keepBest(r.pb, RESTRICTED_PAIRS), r.hard, tt, maximiseTotal), opts);
  if (small.Status === 'Optimal') {
    const pairs = read(small);
    if (!maximiseTotal) return { status: 'feasible', pairs, total: totalOf(pairs), bound: Infinity, proven: false };
    const lp = highs.solve(programText(r.pb, r.hard, tt, true, true), { output_flag: false });
    const unit = latticeUnit(pb);
    const lpBound = lp.Status === 'Optimal' ? Math.floor(lp.ObjectiveValue * unit + 1e-6) / unit : Infinity;
    if (totalOf(pairs) >= lpBound - 1e-9) return { status: 'feasible', pairs, total: totalOf(pairs), bound: lpBound, proven: true };
  } else if (!maximiseTotal) {
    const lp = highs.solve(programText(r.pb, r.hard, tt, false, true), { output_flag: false });
    if (lp.Status === 'Infeasible') return { status: 'infeasible' };
  }
  const res = highs.solve(programText(r.pb, r.hard, tt, maximiseTotal), opts);
  if (res.Status === 'Infeasible') return { status: 'infeasible' };
  if (res.Status !== 'Optimal') return { status: 'unknown' };
  const pairs = read(res);
  return { status: 'feasible', pairs, total: totalOf(pairs), bound: maximiseTotal ? res.ObjectiveValue : Infinity, proven: maximiseTotal };
}

/** How many of its best usable pairs each application keeps in the first, small program. */
const RESTRICTED_PAIRS = 25;

function keepBest(pb: Problem, k: number): Problem {
  const A = pb.applicationIds.length, E = pb.expertIds.length;
  const affinity = new Float64Array(A * E).fill(NaN);
  const keep = (x: number) => { affinity[x] = pb.affinity[x]; };
  for (let i = 0; i < A; i++) {
    const js: number[] = [];
    for (let j = 0; j < E; j++) if (!Number.isNaN(pb.affinity[i * E + j])) js.push(j);
    js.sort((x, y) => pb.affinity[i * E + y] - pb.affinity[i * E + x]);
    for (const j of js.slice(0, Math.max(k, pb.demand[i] * 4))) keep(i * E + j);
  }
  // and each expert's best applications, so that loads can be met
  for (let j = 0; j < E; j++) {
    const is: number[] = [];
    for (let i = 0; i < A; i++) if (!Number.isNaN(pb.affinity[i * E + j])) is.push(i);
    is.sort((x, y) => pb.affinity[y * E + j] - pb.affinity[x * E + j]);
    for (const i of is.slice(0, 3 * Math.max(1, pb.maxLoad[j]))) keep(i * E + j);
  }
  return { ...pb, affinity };
}

/**
 * Totals of applications are multiples of 1/latticeUnit: with decimal affinities, the gcd of their
 * integer forms (0.25, 0.5, 1 → steps of 0.25); otherwise steps of 10^-6 (then level 1 is exact to 10^-6).
 */
export function latticeUnit(pb: Problem): number {
  const s = costScale(pb);
  if (!Number.isInteger(Math.log10(s))) return 1e6;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let g = 0;
  for (const a of pb.affinity) if (!Number.isNaN(a)) g = gcd(g, Math.abs(Math.round(a * s)));
  return g > 0 ? s / g : s;
}

/**
 * Level 1 by bisection over the lattice of achievable totals (multiples of the affinities' decimal unit,
 * or of 10^-6 otherwise) between the optimal assignment's worst application and the individual bound;
 * level 2 is the maximum total at the best threshold found.
 */
export async function solveFair(pb: Problem, o: { timeLimitSeconds?: number } = {}): Promise<AssignmentResult> {
  const opt = solveOptimal(pb);
  if (!opt.feasible) return { ...opt, mode: 'fair' };
  const ind = individualBound(pb);
  const scale = latticeUnit(pb);
  let lo = Math.round(opt.worstApplication * scale);
  let hi = Math.floor(ind * scale + 1e-6);
  let best: AssignmentResult = { ...opt, mode: 'fair' };
  let proven = true;
  const seconds = o.timeLimitSeconds ?? 60;
  let found: Array<[number, number]> | null = null;
  // level 1: feasibility questions only (much faster for the integer program than maximising too)
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const c = await atThreshold(pb, mid / scale, seconds, false);
    if (c.status === 'feasible') {
      found = c.pairs;
      lo = Math.max(mid, Math.round(resultFromPairs(pb, c.pairs).worstApplication * scale));
    } else if (c.status === 'infeasible') hi = mid - 1;
    else { proven = false; break; }
  }
  if (found) {
    // level 2: the maximum total at the best threshold; the unconstrained certificate bounds it otherwise
    const worst = resultFromPairs(pb, found).worstApplication;
    const c = await atThreshold(pb, worst, seconds, true);
    const pairs = c.status === 'feasible' ? c.pairs : found;
    const res = resultFromPairs(pb, pairs);
    const bound = c.status === 'feasible' && c.proven ? Math.min(c.bound, opt.upperBound) : opt.upperBound;
    best = { mode: 'fair', feasible: true, ...res, upperBound: Math.max(bound, res.objective) };
  }
  return { ...best, worstApplicationBound: proven ? best.worstApplication : hi / scale, certificate: opt.certificate };
}
