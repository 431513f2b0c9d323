// Public API of the matching engine (pure: no database, no HTTP). See docs/matching.md.
//   const index = buildIndex(profiles);           index.upsert(p); index.remove(id);
//   recommend(index, profileId | organisationId, { top, history, pairing, lang }) → Candidate[]
//   renderReason(reason, lang) → sentence in ru / zh / en
export { buildIndex, MatchIndex, type IndexOptions, type Doc } from './match-index.ts';
export { recommend, pairAllowed, DEFAULT_PAIRING, DEFAULT_TOP, DEFAULT_MIN_SCORE, type Target } from './recommend.ts';
export { renderReason, conceptLabel, type RenderOptions } from './reasons.ts';
export { DEFAULT_WEIGHTS, type Scorer } from './score.ts';
export { TYPE_MATRIX, TAXONOMY_SCORES, DEFAULT_HISTORY_FACTORS, HistoryIndex } from './signals.ts';
export { profilesFromImport, parseImportFile, batchPredictions } from './import.ts';
export { profileFeatures, FIELD_WEIGHTS, EXPANSION, STAGE_TRL } from './features.ts';
export type * from './types.ts';
