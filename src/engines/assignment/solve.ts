// One entry point for the three modes; input either raw JSON (validated) or a compiled Problem.
import { parseAssignmentInput, type Problem } from './format.ts';
import type { AssignmentMode, AssignmentResult } from './types.ts';
import { solveOptimal } from './optimal.ts';
import { solveFair } from './fair.ts';
import { solveRandomised } from './randomised.ts';

export interface SolveOptions {
  mode?: AssignmentMode;
  /** randomised mode: the cap on any pair's probability (default 0.5) */
  q?: number;
  /** randomised mode: the seed of the sampling (default 1) */
  seed?: number;
  /** fair mode: time limit of each integer program, when the combinatorial bound does not settle it */
  timeLimitSeconds?: number;
}

export function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && (x as Problem).affinity instanceof Float64Array;
}

export async function assign(input: unknown, o: SolveOptions = {}): Promise<AssignmentResult> {
  const pb = isProblem(input) ? input : parseAssignmentInput(input);
  switch (o.mode ?? 'optimal') {
    case 'optimal': return solveOptimal(pb);
    case 'fair': return solveFair(pb, { timeLimitSeconds: o.timeLimitSeconds });
    case 'randomised': return solveRandomised(pb, { q: o.q ?? 0.5, seed: o.seed ?? 1 });
  }
}
