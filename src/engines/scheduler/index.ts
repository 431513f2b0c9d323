// Meeting scheduler engine (pure TypeScript): see docs/scheduling-format.md.
export { solve } from './solve.ts';
export { validateSchedule, countBreaks, type ValidationReport } from './validate.ts';
export { dznToInput, parseDznValues } from './dzn.ts';
export { compileProblem, parseInput } from './model.ts';
export * from './types.ts';
