// Entry point of the trilingual domain thesaurus (ru / zh / en) used by the matching engine.
// The data lives in the JSON files beside this module (one per priority area + general.json);
// see README.md for the format and the editorial rules. Shared by server code only.
import { createRequire } from 'node:module';
import { z } from 'zod';
import general from './general.json' with { type: 'json' };
import ictAi from './ict_ai.json' with { type: 'json' };
import medicineBiotech from './medicine_biotech.json' with { type: 'json' };
import mechanicalEngineering from './mechanical_engineering.json' with { type: 'json' };
import instrumentsPhotonics from './instruments_photonics.json' with { type: 'json' };
import advancedMaterials from './advanced_materials.json' with { type: 'json' };
import energyEfficiency from './energy_efficiency.json' with { type: 'json' };
import environment from './environment.json' with { type: 'json' };
import agriFood from './agri_food.json' with { type: 'json' };

export const THESAURUS_LANGS = ['ru', 'zh', 'en'] as const;
export type ThesaurusLang = (typeof THESAURUS_LANGS)[number];

/** snake_case English identifier, unique across all files. */
export const CONCEPT_ID_RE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

const label = z.string().min(1).max(120);

export const conceptSchema = z
  .object({
    id: z.string().regex(CONCEPT_ID_RE),
    area: z.string().nullable(),
    subArea: z.string().nullable(),
    broader: z.array(z.string().regex(CONCEPT_ID_RE)),
    related: z.array(z.string().regex(CONCEPT_ID_RE)),
    generic: z.boolean(),
    ru: z.array(label).min(1),
    zh: z.array(label).min(1),
    en: z.array(label).min(1),
  })
  .strict();

export const thesaurusFileSchema = z
  .object({ version: z.literal(1), area: z.string().nullable(), concepts: z.array(conceptSchema) })
  .strict();

export type Concept = z.infer<typeof conceptSchema>;
export type ThesaurusFile = z.infer<typeof thesaurusFileSchema>;

export type Thesaurus = {
  version: 1;
  /** All concepts, general.json first, then the area files in taxonomy order. */
  concepts: Concept[];
  byId: Map<string, Concept>;
  /** Parsed files keyed by file name without extension ('general', 'ict_ai', ...). */
  files: Record<string, ThesaurusFile>;
};

/** File name (without .json) → raw JSON. general.json has area null; the others carry their area code. */
export const THESAURUS_RAW: Record<string, unknown> = {
  general,
  ict_ai: ictAi,
  medicine_biotech: medicineBiotech,
  mechanical_engineering: mechanicalEngineering,
  instruments_photonics: instrumentsPhotonics,
  advanced_materials: advancedMaterials,
  energy_efficiency: energyEfficiency,
  environment,
  agri_food: agriFood,
};

let cached: Thesaurus | null = null;

/** Parses (zod) and indexes the thesaurus once; later calls return the same object. */
export function loadThesaurus(): Thesaurus {
  if (cached) return cached;
  const files: Record<string, ThesaurusFile> = {};
  const concepts: Concept[] = [];
  const byId = new Map<string, Concept>();
  for (const [name, raw] of Object.entries(THESAURUS_RAW)) {
    const file = thesaurusFileSchema.parse(raw);
    files[name] = file;
    for (const c of file.concepts) {
      if (byId.has(c.id)) throw new Error(`thesaurus: duplicate concept id ${c.id} (${name}.json)`);
      byId.set(c.id, c);
      concepts.push(c);
    }
  }
  cached = { version: 1, concepts, byId, files };
  return cached;
}

/**
 * The label normalisation the editorial rules are stated in: NFKC, lower-case, ё→е,
 * hyphens/dashes and whitespace collapsed to one space, trimmed. For Chinese the spaces are
 * removed ("3D 打印" = "3D打印") except one between two Latin words ("PET CT").
 */
export function normaliseLabel(text: string, lang: ThesaurusLang): string {
  const s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u2010-\u2015\u2212-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Chinese: drop spaces except the one between two Latin/digit runs ("PET CT" stays two words).
  return lang === 'zh' ? s.replace(/ (?![a-z0-9])|(?<![a-z0-9]) /g, '') : s;
}

/** All ancestors of a concept through `broader` (transitive, without the concept itself). */
export function ancestorsOf(th: Thesaurus, id: string): Set<string> {
  const out = new Set<string>();
  const stack = [...(th.byId.get(id)?.broader ?? [])];
  while (stack.length) {
    const b = stack.pop()!;
    if (out.has(b)) continue;
    out.add(b);
    stack.push(...(th.byId.get(b)?.broader ?? []));
  }
  return out;
}

/** Preferred (first) label of a concept in a language, e.g. for "shared concepts: hydrogen energy (氢能)". */
export const preferredLabel = (c: Concept, lang: ThesaurusLang): string => c[lang][0];

// ---- Tokens and match keys (the comparison the thesaurus rules are validated with) ----

type Stemmer = { stem(word: string): string };
const snowball = createRequire(import.meta.url)('snowball-stemmers') as { newStemmer(lang: string): Stemmer };
const STEMMERS = { ru: snowball.newStemmer('russian'), en: snowball.newStemmer('english') };

/**
 * Russian words the Snowball stemmer mangles into another word's stem: «графен»/«графит» both
 * become «граф» (graph), «соя» becomes the preposition «со», «литий» becomes «лит» like «литье»,
 * «лен» and «льна» get different stems. These forms are mapped to a fixed stem before stemming.
 */
const RU_STEM_OVERRIDES: Record<string, string> = Object.fromEntries(
  (
    [
      ['графен', ['графен', 'графена', 'графену', 'графеном', 'графене']],
      ['графит', ['графит', 'графита', 'графиту', 'графитом', 'графите']],
      ['соя', ['соя', 'сои', 'сою', 'соей', 'сое']],
      ['литий', ['литий', 'лития', 'литию', 'литием', 'литии']],
      ['лен', ['лен', 'льна', 'льну', 'льном', 'льне']],
    ] as const
  ).flatMap(([stem, forms]) => forms.map((f) => [f, stem])),
);

/**
 * Snowball (Russian) strips endings it takes for verb or participle endings (-л, -ла, -ли, -ен,
 * -ан…) from nouns, so the singular and the plural of one noun get different stems: «материал» →
 * «материа» but «материалы» → «материал»; «самосвал»/«самосвалы», «титан»/«титаны»,
 * «полиэтилен»/«полиэтилены», «автомобиль»/«автомобили» likewise. The repair puts back a removed
 * «л»/«н» (with the vowel before it), which makes every form of such nouns share one stem.
 */
function stemRu(word: string): string {
  const stem = STEMMERS.ru.stem(word);
  const restored = word.slice(stem.length).match(/^[аеиоуыэюя]?[лн]/);
  return restored && word.startsWith(stem) ? stem + restored[0] : stem;
}

/** A token written with two or more capitals (ИИ, БПЛА, PCR, LiDAR, IoT) is an acronym and is never stemmed. */
export const isAcronym = (token: string): boolean => /\p{Lu}[^\p{Lu}]*\p{Lu}/u.test(token);

/**
 * Russian/English text (or label) → match tokens: NFKC, ё→е, split on anything but letters,
 * digits and "&+." (R&D, 4.0), acronyms lower-cased but NOT stemmed (Snowball turns «ИИ» into the
 * conjunction «и» and "UAS" into "ua"), other words lower-cased and stemmed with Snowball —
 * Cyrillic words with the Russian stemmer (after RU_STEM_OVERRIDES), Latin words with the English
 * one, whatever the language of the text. Use it for texts and labels alike.
 */
export function matchTokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.normalize('NFKC').replace(/ё/g, 'е').replace(/Ё/g, 'Е').split(/[^\p{L}\p{N}&+.]+/u)) {
    const t = raw.replace(/^\.+|\.+$/g, '');
    if (!t) continue;
    const lower = t.toLowerCase();
    if (isAcronym(t) || !/\p{L}/u.test(t)) out.push(lower);
    else if (/\p{Script=Cyrillic}/u.test(t)) out.push(RU_STEM_OVERRIDES[lower] ?? stemRu(lower));
    else out.push(STEMMERS.en.stem(lower));
  }
  return out;
}

/** The key under which a label is matched: stemmed tokens (ru, en) or the normalised string (zh, substring matching). */
export function matchKey(label: string, lang: ThesaurusLang): string {
  return lang === 'zh' ? normaliseLabel(label, 'zh') : matchTokens(label).join(' ');
}
