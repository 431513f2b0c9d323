// Reviewer-assignment engine (pure TypeScript): see docs/assignment-format.md.
//   const result = await assign(jsonInput, { mode: 'optimal' | 'fair' | 'randomised', q, seed })
export { assign, type SolveOptions } from './solve.ts';
export { parseAssignmentInput, compileInput, assignmentInputSchema, AssignmentInputError, type AssignmentInput, type Problem } from './format.ts';
export { solveOptimal } from './optimal.ts';
export { solveFair, individualBound } from './fair.ts';
export { solveRandomised } from './randomised.ts';
export { dualBound } from './certificate.ts';
export * from './types.ts';
export { affinity, BID_BONUS, type ExpertText, type ApplicationText, type Bid, type AffinityPair } from './affinity.ts';
