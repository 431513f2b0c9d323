// Who may use the scheduling console, and when a run's proposal may be applied. Pure functions; tested per role.
import { isOrganiser, type Actor } from '../../platform/context.ts';

/**
 * Organisers and administrators run the schedule, see runs and proposals (they name every participant), apply,
 * lock and move meetings. As in the events module, every organiser manages every event (the exchange is joint).
 */
export const canRunSchedule = (a: Actor | null) => isOrganiser(a);

export type ApplyStage = 'preliminary' | 'final';

/**
 * Why a run cannot be applied, or null. A proposal fits only the meetings it was computed from: the state now must
 * be the one the run saw, or the one this very run's earlier apply left (preliminary → final of the same run).
 */
export function applyRefusal(run: { status: string; hasProposal: boolean; violations: number }, state: { now: string; atRun: string; afterApplyOfThisRun: string | null }):
  'run_not_finished' | 'schedule_invalid' | 'schedule_changed' | null {
  if (run.status !== 'done' || !run.hasProposal) return 'run_not_finished';
  if (run.violations > 0) return 'schedule_invalid';
  if (state.now !== state.atRun && state.now !== state.afterApplyOfThisRun) return 'schedule_changed';
  return null;
}
