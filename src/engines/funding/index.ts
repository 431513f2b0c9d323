// Funding-selection engine: ranking of approvable projects, and three selections (funding line, optimal, lottery)
// across two funders' per-year budgets, with structured explanations of their differences. Pure: no database,
// HTTP, files or clock.
export * from './format.ts';
export * from './types.ts';
export { buildModel, type Model, type BlockReason, type Dimension } from './model.ts';
export { fundingLine } from './line.ts';
export { optimalSelection, type OptimalOptions } from './optimal.ts';
