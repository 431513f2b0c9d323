// Profile → features used by the index: weighted concept vector (with broader/related
// expansion), weighted word vector, effective taxonomy and TRL. Pure and deterministic.
import { conceptMapper } from './concepts.ts';
import { guessLang, textTerms } from './text.ts';
import { pivotTerms, type PivotSource } from './pivot/index.ts';
import { TAXONOMY } from '../../shared/taxonomy-data.ts';
import { LANGS, type Lang, type Ml } from '../../shared/languages.ts';
import type { MatchProfile } from './types.ts';

/** Weight of each field: titles and technology keywords say most about what a profile is about. */
export const FIELD_WEIGHTS = {
  title: 3, technologyKeywords: 3, summary: 2, marketKeywords: 1.5, description: 1,
  technicalSpecification: 1, advantages: 1, partnerRole: 0.5,
} as const;

/** Concept expansion: a concept also credits its broader concepts and related concepts, less. */
export const EXPANSION = { broader: 0.5, broader2: 0.25, related: 0.35 } as const;

/**
 * Weight of pivot terms (English glosses of Chinese words, English equivalents and cognate keys
 * of Russian words, see pivot/index.ts) relative to the words they come from: they are a guess,
 * so they count less than a word both texts wrote.
 */
export const PIVOT_WEIGHT = 0.5;

/**
 * Cross-cutting concepts of general.json (joint research, licensing, pilot production, TRL…)
 * describe the form of cooperation, not the technology: two profiles that both "seek joint
 * research" are not about the same thing. They are left out of the concept vector (as generic
 * concepts are); the form of cooperation is compared by the fit signal (partnership types).
 */
export const isTopical = (c: { generic: boolean; area: string | null }): boolean => !c.generic && c.area !== null;

/** Development stage → typical TRL, used when a profile gives a stage but no TRL. */
export const STAGE_TRL: Record<string, number> = { concept: 2, under_development: 4, lab_tested: 5, demonstration: 7, on_market: 9 };

export type ProfileFeatures = {
  /** concept id → weight (after sublinear tf and expansion); generic and general concepts are left out. */
  concepts: Map<string, number>;
  /** concept ids written in the profile itself (not only reached by expansion) → lang → label. */
  direct: Map<string, Partial<Record<Lang, string>>>;
  /** word (stem or Chinese word) or pivot term (English stem, "k:…") → weight. */
  words: Map<string, number>;
  /** pivot term → the words it came from (for reasons). */
  pivots: Map<string, PivotSource>;
  subAreas: string[];
  areas: string[];
  /** false when areas were inferred from concepts (then no taxonomy reason is shown) */
  declaredTaxonomy: boolean;
  /** TRL given, or derived from the development stage. */
  trl?: number;
  /** Bit masks over the seed taxonomy for the hot path (see taxonomyMasks); null when a code is unknown. */
  masks: TaxonomyMasks | null;
};

export type TaxonomyMasks = { subLo: number; subHi: number; area: number; related: number };

const AREA_BIT = new Map(TAXONOMY.map((a, i) => [a.code, 1 << i]));
const SUB_BIT = new Map(TAXONOMY.flatMap((a) => a.subAreas.map((s) => s.code)).map((code, i) => [code, i] as const));
const RELATED_BITS = new Map(TAXONOMY.map((a) => [a.code,
  TAXONOMY.filter((b) => a.related.includes(b.code) || b.related.includes(a.code)).reduce((m, b) => m | AREA_BIT.get(b.code)!, 0)]));

/** Areas and sub-areas as bit masks, so that comparing two profiles costs a few integer operations. */
export function taxonomyMasks(areas: string[], subAreas: string[]): TaxonomyMasks | null {
  if (TAXONOMY.length > 31 || SUB_BIT.size > 62) return null;
  const m: TaxonomyMasks = { subLo: 0, subHi: 0, area: 0, related: 0 };
  for (const a of areas) {
    const bit = AREA_BIT.get(a);
    if (bit === undefined) return null;
    m.area |= bit; m.related |= RELATED_BITS.get(a)!;
  }
  for (const s of subAreas) {
    const i = SUB_BIT.get(s);
    if (i === undefined) return null;
    if (i < 31) m.subLo |= 1 << i; else m.subHi |= 1 << (i - 31);
  }
  return m;
}

const AREA_OF_SUB = new Map(TAXONOMY.flatMap((a) => a.subAreas.map((s) => [s.code, a.code] as const)));

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

export function profileFeatures(p: MatchProfile): ProfileFeatures {
  const mapper = conceptMapper();
  // Per language, summed field weights; a bilingual profile counts each concept once (max over languages).
  const perLang: Record<Lang, Map<string, number>> = { ru: new Map(), zh: new Map(), en: new Map() };
  const wordsPerLang: Record<Lang, Map<string, number>> = { ru: new Map(), zh: new Map(), en: new Map() };
  const direct = new Map<string, Partial<Record<Lang, string>>>();
  const pivots = new Map<string, PivotSource>();

  const scan = (text: string | undefined, lang: Lang, weight: number) => {
    if (!text?.trim()) return;
    const ex = mapper.extract(text);
    for (const h of ex.hits) {
      const c = mapper.concept(h.id)!;
      if (!isTopical(c)) continue;
      add(perLang[lang], h.id, weight);
      const labels = direct.get(h.id) ?? direct.set(h.id, {}).get(h.id)!;
      labels[lang] ??= guessLang(h.label) === lang ? h.label : c[lang][0];
    }
    for (const w of textTerms(ex.zh?.text ?? text, ex.zh?.spans)) add(wordsPerLang[lang], w, weight);
    const textLang = guessLang(text);
    pivotTerms(ex.zh?.text ?? text, textLang, pivots, wordsPerLang[lang], weight * PIVOT_WEIGHT);
  };
  const ml = (v: Ml | undefined, weight: number) => { for (const l of LANGS) scan(v?.[l], l, weight); };
  ml(p.title, FIELD_WEIGHTS.title);
  ml(p.summary, FIELD_WEIGHTS.summary);
  ml(p.description, FIELD_WEIGHTS.description);
  ml(p.technicalSpecification, FIELD_WEIGHTS.technicalSpecification);
  ml(p.advantages, FIELD_WEIGHTS.advantages);
  ml(p.partnerRole, FIELD_WEIGHTS.partnerRole);
  for (const k of p.technologyKeywords ?? []) scan(k, guessLang(k), FIELD_WEIGHTS.technologyKeywords);
  for (const k of p.marketKeywords ?? []) scan(k, guessLang(k), FIELD_WEIGHTS.marketKeywords);

  const raw = new Map<string, number>();
  for (const l of LANGS) {
    for (const [id, w] of perLang[l]) raw.set(id, Math.max(raw.get(id) ?? 0, Math.log1p(w)));
  }
  const words = new Map<string, number>();
  for (const l of LANGS) for (const [t, w] of wordsPerLang[l]) words.set(t, Math.max(words.get(t) ?? 0, Math.log1p(w)));

  const concepts = new Map(raw);
  const credit = (id: string, w: number) => {
    const c = mapper.concept(id);
    if (!c || !isTopical(c)) return;
    if ((concepts.get(id) ?? 0) < w) concepts.set(id, w);
  };
  for (const [id, w] of raw) {
    const c = mapper.concept(id)!;
    for (const b of c.broader) {
      credit(b, w * EXPANSION.broader);
      for (const b2 of mapper.concept(b)?.broader ?? []) credit(b2, w * EXPANSION.broader2);
    }
    for (const r of c.related) credit(r, w * EXPANSION.related);
  }

  let subAreas = [...new Set(p.subAreas ?? [])];
  let areas = [...new Set([...(p.areas ?? []), ...subAreas.map((s) => AREA_OF_SUB.get(s)).filter((a): a is string => !!a)])];
  const declaredTaxonomy = areas.length > 0;
  if (!declaredTaxonomy) ({ areas, subAreas } = inferTaxonomy(raw));
  const trl = p.trl ?? (p.developmentStage ? STAGE_TRL[p.developmentStage] : undefined);
  subAreas.sort(); areas.sort();
  const masks = taxonomyMasks(areas, subAreas);
  // Declared areas are a choice (a partner often declares another one); an area the concepts
  // point to counts as a related area, so content can bridge two declarations the taxonomy does
  // not relate.
  if (declaredTaxonomy && masks) for (const a of inferTaxonomy(raw).areas) masks.related |= AREA_BIT.get(a) ?? 0;
  return { concepts, direct, words, pivots, subAreas, areas, declaredTaxonomy, trl, masks };
}

/** A profile without declared areas gets the areas/sub-areas carrying ≥ 50% of its strongest concept weight. */
function inferTaxonomy(raw: Map<string, number>): { areas: string[]; subAreas: string[] } {
  const mapper = conceptMapper();
  const area = new Map<string, number>();
  const sub = new Map<string, number>();
  for (const [id, w] of raw) {
    const c = mapper.concept(id)!;
    if (c.area) add(area, c.area, w);
    if (c.subArea) add(sub, c.subArea, w);
  }
  const strongest = (m: Map<string, number>) => {
    const max = Math.max(0, ...m.values());
    return [...m].filter(([, w]) => w >= 0.5 * max && max > 0).map(([k]) => k);
  };
  return { areas: strongest(area), subAreas: strongest(sub) };
}
