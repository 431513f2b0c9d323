// The combined score and the extension point for more signals.
//
//   score = history × Σ_i w_i · s_i / Σ_i w_i          (every s_i in [0, 1])
//
// Built-in signals: concepts (TF-IDF cosine over thesaurus concepts, expanded to broader and
// related concepts), text (TF-IDF cosine over stemmed/segmented words), taxonomy, type, fit.
// Extra signals implement `Scorer` and are passed to buildIndex; callers do not change.
import type { Doc } from './match-index.ts';

/**
 * Concepts carry most of the topical evidence (they are what crosses languages); type
 * complementarity is the backbone of brokerage (two requests for the same thing, or two
 * competing offers, rarely want to meet), so it weighs more than taxonomy or fit.
 */
export const DEFAULT_WEIGHTS = {
  concepts: 0.4,
  text: 0.1,
  taxonomy: 0.15,
  type: 0.25,
  fit: 0.1,
} as const;

export type BuiltInSignal = keyof typeof DEFAULT_WEIGHTS;

/**
 * One more signal, e.g. cosine similarity of text embeddings. `score` must return a value in
 * [0, 1] and be deterministic. `candidates` may propose profile ids the concept/word postings
 * would miss (nearest neighbours of the query's embedding).
 */
export interface Scorer {
  readonly name: string;
  readonly weight: number;
  score(query: Doc, candidate: Doc): number;
  candidates?(query: Doc, limit: number): Iterable<string>;
}

/** Scores are rounded so that ordering never depends on floating-point summation order. */
export const roundScore = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Resolved weights: defaults, overridden by the caller, plus the weights of extra scorers. */
export function resolveWeights(overrides: Partial<Record<string, number>> | undefined, scorers: Scorer[]): Record<string, number> {
  const w: Record<string, number> = { ...DEFAULT_WEIGHTS };
  for (const s of scorers) w[s.name] = s.weight;
  for (const [k, v] of Object.entries(overrides ?? {})) if (v !== undefined && k in w) w[k] = v;
  return w;
}
