// Mode "fair": maximise the worst application's total affinity, then the total — lexicographically and
// exactly. Level 1 has a combinatorial bound (no application can exceed the sum of its own best `demand`
// affinities); when the optimal-mode assignment already reaches it, both levels are proven by that bound
// and the flow's dual certificate. Otherwise each level is an integer program solved to proven
// optimality by HiGHS (open source, no commercial solver), with the LP relaxation as bound if the time
// limit stops it.
import type { Problem } from './format.ts';
import type { AssignmentResult } from './types.ts';
import { solveOptimal, resultFromPairs, infeasible } from './optimal.ts';

type HighsColumn = { Primal: number };
type Highs = { solve: (lp: string, opts?: Record<string, unknown>) => { Status: string; ObjectiveValue: number; Columns: Record<string, HighsColumn> } };
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

const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toPrecision(17));

/** CPLEX LP text of the assignment integer program; `level1`: maximise t, else the total with worst ≥ floor. */
function programText(pb: Problem, level1: boolean, floor: number, relax: boolean): string {
  const A = pb.applicationIds.length, E = pb.expertIds.length;
  const x = (i: number, j: number) => `x${i}_${j}`;
  const rows: string[] = [];
  const obj: string[] = [];
  const cols: string[] = [];
  const byExpert: string[][] = Array.from({ length: E }, () => []);
  for (let i = 0; i < A; i++) {
    const d: string[] = [], w: string[] = [];
    const byGroup = new Map<number, string[]>();
    for (let j = 0; j < E; j++) {
      const a = pb.affinity[i * E + j];
      if (Number.isNaN(a)) continue;
      const v = x(i, j);
      cols.push(v); d.push(v); byExpert[j].push(v);
      if (a !== 0) w.push(`${a >= 0 ? '+' : '-'} ${num(Math.abs(a))} ${v}`);
      if (!level1 && a !== 0) obj.push(`${a >= 0 ? '+' : '-'} ${num(Math.abs(a))} ${v}`);
      const g = pb.expertGroup[j];
      if (g >= 0) { if (!byGroup.has(g)) byGroup.set(g, []); byGroup.get(g)!.push(v); }
    }
    rows.push(` d${i}: ${d.length ? d.join(' + ') : '0 t'} = ${pb.demand[i]}`);
    for (const [g, q] of pb.quotas[i]) rows.push(` q${i}_${g}: ${(byGroup.get(g) ?? []).join(' + ') || '0 t'} >= ${q}`);
    rows.push(level1 ? ` w${i}: ${w.join(' ') || '0 t'} - t >= 0` : ` w${i}: ${w.join(' ') || '0 t'} >= ${num(floor)}`);
  }
  for (let j = 0; j < E; j++) {
    const s = byExpert[j].join(' + ') || '0 t';
    rows.push(` u${j}: ${s} <= ${pb.maxLoad[j]}`);
    if (pb.minLoad[j] > 0) rows.push(` l${j}: ${s} >= ${pb.minLoad[j]}`);
  }
  const lines = ['Maximize', ` obj: ${level1 ? 't' : obj.join(' ') || '0 t'}`, 'Subject To', ...rows, 'Bounds', ' -inf <= t <= +inf'];
  for (const c of cols) lines.push(` 0 <= ${c} <= 1`);
  if (!relax && cols.length) lines.push('Binary', ...cols.map((c) => ` ${c}`));
  lines.push('End');
  return lines.join('\n');
}

interface IpOutcome { proven: boolean; value: number; bound: number; pairs: Array<[number, number]> | null }

function solveIp(highs: Highs, pb: Problem, level1: boolean, floor: number, seconds: number): IpOutcome {
  const r = highs.solve(programText(pb, level1, floor, false), { output_flag: false, time_limit: seconds, mip_rel_gap: 0, mip_abs_gap: 1e-9 });
  const pairs: Array<[number, number]> = [];
  const hasSolution = r.Status === 'Optimal' || (r.Status === 'Time limit reached' && r.Columns && Object.keys(r.Columns).length > 0);
  if (hasSolution) for (const [name, c] of Object.entries(r.Columns)) {
    if (name.startsWith('x') && c.Primal > 0.5) { const [i, j] = name.slice(1).split('_').map(Number); pairs.push([i, j]); }
  }
  if (r.Status === 'Optimal') return { proven: true, value: r.ObjectiveValue, bound: r.ObjectiveValue, pairs };
  const lp = highs.solve(programText(pb, level1, floor, true), { output_flag: false });
  return { proven: false, value: hasSolution ? r.ObjectiveValue : -Infinity, bound: lp.Status === 'Optimal' ? lp.ObjectiveValue : Infinity, pairs: hasSolution ? pairs : null };
}

export async function solveFair(pb: Problem, o: { timeLimitSeconds?: number } = {}): Promise<AssignmentResult> {
  const opt = solveOptimal(pb);
  if (!opt.feasible) return { ...opt, mode: 'fair' };
  const ind = individualBound(pb);
  const tol = 1e-9 * Math.max(1, Math.abs(ind));
  if (opt.worstApplication >= ind - tol) {
    // The optimal assignment already reaches the bound of level 1, and nothing beats its total.
    return { ...opt, mode: 'fair', worstApplicationBound: ind };
  }
  const highs = await loadHighs();
  const seconds = o.timeLimitSeconds ?? 60;
  const l1 = solveIp(highs, pb, true, 0, seconds);
  if (!l1.pairs) return infeasible('fair', 'the integer program found no assignment within the time limit');
  const worst = resultFromPairs(pb, l1.pairs).worstApplication;
  const l2 = solveIp(highs, pb, false, worst - 1e-9 * Math.max(1, Math.abs(worst)), seconds);
  const pairs = l2.pairs ?? l1.pairs;
  const res = resultFromPairs(pb, pairs);
  // The total can never exceed the unconstrained optimum either.
  const upperBound = Math.min(opt.upperBound, l2.pairs ? l2.bound : opt.upperBound);
  return { mode: 'fair', feasible: true, ...res, upperBound: l2.proven ? res.objective : upperBound,
    worstApplicationBound: l1.proven ? res.worstApplication : Math.min(ind, l1.bound), certificate: opt.certificate };
}
