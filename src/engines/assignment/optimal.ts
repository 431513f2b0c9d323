// Mode "optimal": the maximum total affinity, exact, with its LP dual certificate.
import type { Problem } from './format.ts';
import type { AssignmentResult, Pair } from './types.ts';
import { solveFlowModel } from './flow-model.ts';
import { dualBound } from './certificate.ts';

/** Total affinity of each application under a list of (application, expert) index pairs. */
export function applicationTotals(pb: Problem, pairs: Array<[number, number]>): Float64Array {
  const E = pb.expertIds.length;
  const t = new Float64Array(pb.applicationIds.length);
  for (const [i, j] of pairs) t[i] += pb.affinity[i * E + j];
  return t;
}

export function resultFromPairs(pb: Problem, pairs: Array<[number, number]>): { assignments: Pair[]; objective: number; worstApplication: number } {
  const totals = applicationTotals(pb, pairs);
  let objective = 0, worst = Infinity;
  for (const t of totals) { objective += t; worst = Math.min(worst, t); }
  const assignments = pairs.map(([i, j]) => ({ application: pb.applicationIds[i], expert: pb.expertIds[j] }));
  return { assignments, objective, worstApplication: totals.length ? worst : 0 };
}

export function infeasible(mode: AssignmentResult['mode'], reason: string): AssignmentResult {
  return { mode, feasible: false, reason, assignments: [], objective: 0, upperBound: 0, worstApplication: 0 };
}

export function solveOptimal(pb: Problem): AssignmentResult {
  const r = solveFlowModel(pb, { unit: 1, pairCapUnits: 1 });
  if (!r.feasible || !r.certificate) return infeasible('optimal', r.reason ?? 'infeasible');
  const pairs = r.pairs.map(([i, j]) => [i, j] as [number, number]);
  return { mode: 'optimal', feasible: true, ...resultFromPairs(pb, pairs), upperBound: dualBound(pb, r.certificate), certificate: r.certificate };
}
