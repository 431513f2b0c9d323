// Results of the selection methods, shared by the engine, the CLI and (later) the decisions module.
import type { BlockReason } from './model.ts';

export type Method = 'line' | 'optimal' | 'lottery';

export interface LotteryRecord {
  /** SHA-256 (hex) of the seed, published before the draw: see `lotteryCommitment`. */
  commitment: string;
  seed: string;
  /** Every project that entered the lottery, in ranking order. */
  entrants: string[];
  /** The entrants in the order drawn; each was funded if it still fitted when drawn. */
  drawOrder: string[];
  /** Funded before the draw because they are clearly above the band. */
  fundedAbove: string[];
  band: { low: number; high: number };
}

export interface Selection {
  method: Method;
  /** Funded project ids, in the order the method took them (ranking order for the line). */
  selected: string[];
  /** Sum of scores (with bonus) or number of projects, per the file's objective. */
  objective: number;
  /** A proven upper bound on the objective of any valid selection (null for the heuristic methods). */
  upperBound: number | null;
  /** (upperBound − objective) / upperBound; 0 when optimality is proven. */
  gap: number | null;
  proven: boolean;
  /** Projects the method considered and could not fund, with the first obstacle met. */
  skipped: Record<string, BlockReason>;
  lottery?: LotteryRecord;
  /** Set when no valid selection exists (e.g. floors that the budgets cannot meet). */
  infeasible?: boolean;
  /** Greedy methods only: floors (minPerArea, minParkResidents) the ranking order could not meet within the budgets. */
  unmetFloors?: Array<{ code: 'area_floor'; area: string; min: number; funded: number } | { code: 'park_floor'; min: number; funded: number }>;
}
