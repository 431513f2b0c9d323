// Solving one run: the engine on the exported event, the independent check, the proposal. No database, no server:
// it runs in a worker thread (solve-worker.ts) so the server keeps answering (progress polling) meanwhile.
import { solve, validateSchedule, type Objective } from '../../engines/scheduler/index.ts';
import { buildProposal, solverPlan, type EventExport } from './proposal.ts';

export type RunParams = { input: EventExport; fingerprint: string; timeLimitSeconds: number; seed: number; incremental: boolean; allowMoves: boolean;
  /** May self-booked meetings move? (absent in runs started before the option: no) */
  moveSelfBooked?: boolean; objective?: Objective };

export async function runSchedule(p: RunParams, onProgress?: (fraction: number, best: Record<string, unknown>) => void) {
  const rules = { incremental: p.incremental, allowMoves: p.allowMoves, moveSelfBooked: p.moveSelfBooked ?? false };
  const { input: solverInput, incremental } = solverPlan(p.input, rules);
  if (!p.input.meetings.length) {
    return buildProposal(p.input, { assignments: [], unscheduled: [], scheduled: 0, requested: 0, weight: 0, totalWeight: 0, breaks: 0, maxBreaks: 0,
      breaksByParticipant: {}, movedPublished: [], breaksDifference: 0, certificate: { objective: 'weight', upperBound: 0, countUpperBound: 0, upperBoundSource: 'none', breaksLowerBound: 0, weightGap: 0, countGap: 0, breaksGap: 0, proven: true }, seconds: 0, iterations: 0 }, []);
  }
  const blockers = solverInput.meetings.length - p.input.meetings.length;
  const result = await solve(solverInput, {
    seed: p.seed, timeLimitMs: p.timeLimitSeconds * 1000, incremental, objective: p.objective ?? 'weight',
    // The bound is the objective's (weight or count); blockers are locked meetings of weight 1 counted in both.
    onProgress: (x) => onProgress?.(x.fraction, { phase: x.phase, scheduled: x.scheduled - blockers, weight: x.weight - blockers, breaks: x.breaks,
      objective: p.objective ?? 'weight', upperBound: x.upperBound - blockers, breaksLowerBound: x.breaksLowerBound }),
  });
  // Checked independently of the search before anyone may apply it.
  const report = validateSchedule(solverInput, result.assignments, incremental);
  return buildProposal(p.input, result, report.violations, rules);
}

