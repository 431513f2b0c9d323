// One entry point for the three methods, over a parsed file: what the CLI and the decisions module call.
import type { FundingFile } from './format.ts';
import { buildModel } from './model.ts';
import { fundingLine } from './line.ts';
import { optimalSelection, relaxationBound } from './optimal.ts';
import { lotterySelection } from './lottery.ts';
import type { Method, Selection } from './types.ts';
import { roundObjective } from './model.ts';

export interface SelectOptions {
  /** Lottery seed (its commitment is `lotteryCommitment(seed)`). */
  seed?: string;
  band?: { low: number; high: number };
  timeLimitSeconds?: number;
  /** For the line and the lottery: also compute the LP-relaxation bound and the gap (default true). */
  bound?: boolean;
}

export async function selectFunding(file: FundingFile, method: Method, opts: SelectOptions = {}): Promise<Selection> {
  const m = buildModel(file);
  if (method === 'optimal') return optimalSelection(m, { timeLimitSeconds: opts.timeLimitSeconds });
  const s = method === 'line' ? fundingLine(m) : lotterySelection(m, { seed: opts.seed ?? '1', band: opts.band });
  if (opts.bound !== false) {
    const ub = await relaxationBound(m);
    if (ub !== null) {
      s.upperBound = Math.max(ub, s.objective);
      s.gap = s.upperBound > 0 ? roundObjective((s.upperBound - s.objective) / s.upperBound) : 0;
    }
  }
  return s;
}
