// Funding-selection engine: ranking of approvable projects, and three selections (funding line, optimal, lottery)
// across two funders' per-year budgets, with structured explanations of their differences. Pure: no database,
// HTTP, files or clock.
export * from './format.ts';
export * from './types.ts';
export { buildModel, type Model, type BlockReason, type Dimension } from './model.ts';
export { fundingLine } from './line.ts';
export { optimalSelection, type OptimalOptions } from './optimal.ts';
export { lotteryCommitment, lotteryDraw, lotterySelection, type LotteryOptions } from './lottery.ts';
export { rankProjects, sideVerdict, type Ranking, type RankedProject, type RankingOptions, type RankingProjectInput, type FailReason, type Thresholds, type TieBreak } from './ranking.ts';
export { explainDifferences, type DifferenceReason, type ProjectDifference, type SelectionComparison } from './explain.ts';
export { relaxationBound } from './optimal.ts';
export { selectFunding, type SelectOptions } from './select.ts';
