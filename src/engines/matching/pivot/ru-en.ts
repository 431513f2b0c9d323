// Russian → English word links for the pivot, learned from the thesaurus as a small parallel
// corpus (no maintained ru–en dictionary is on the npm registry). Each concept is one "sentence
// pair": the Russian stems of its ru labels against the English stems of its en labels plus the
// CC-CEDICT glosses of its zh labels (the Chinese side back-links more English to the concept).
// A Russian stem is linked to the English stems it co-occurs with most consistently across
// concepts (Dice coefficient over concept sets), so «насос» meets "pump" (and 泵 through its
// gloss) even where the rest of the text is paraphrase. One-word labels (a ru label and an en
// label that are single words of one concept) are links outright.
import { loadThesaurus, matchTokens } from '../thesaurus/index.ts';

/** Minimum Dice coefficient between a Russian stem's and an English stem's concept sets. */
export const MIN_DICE = 0.5;
/** Links kept per Russian stem (best Dice first). */
export const MAX_LINKS = 2;

export type GlossaryInput = {
  /** English stems a Chinese label reaches through its dictionary glosses. */
  zhGloss: (label: string) => string[];
  /** English stems that say nothing about a technology. */
  vague: (stem: string) => boolean;
};

const isRu = (t: string) => t.length >= 3 && /^[а-я]+$/.test(t);
const isEn = (t: string) => t.length >= 3 && /^[a-z]+$/.test(t);

/** Russian stem → English stems (one-word label links first, then aligned links). */
export function buildRuEnGlossary({ zhGloss, vague }: GlossaryInput): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const link = (r: string, e: string) => {
    const list = out.get(r) ?? out.set(r, []).get(r)!;
    if (!list.includes(e)) list.push(e);
  };
  const fr = new Map<string, number>(), fe = new Map<string, number>(), co = new Map<string, Map<string, number>>();
  for (const c of loadThesaurus().concepts) {
    const enOne = c.en.map((l) => matchTokens(l)).filter((t) => t.length === 1 && !vague(t[0])).map((t) => t[0]);
    for (const l of c.ru) {
      const t = matchTokens(l);
      if (t.length === 1 && /[а-я]/.test(t[0])) for (const e of enOne) link(t[0], e);
    }
    const ru = new Set(c.ru.flatMap((l) => matchTokens(l)).filter(isRu));
    const en = new Set([...c.en.flatMap((l) => matchTokens(l)), ...c.zh.flatMap(zhGloss)].filter((e) => isEn(e) && !vague(e)));
    for (const r of ru) fr.set(r, (fr.get(r) ?? 0) + 1);
    for (const e of en) fe.set(e, (fe.get(e) ?? 0) + 1);
    for (const r of ru) {
      const m = co.get(r) ?? co.set(r, new Map()).get(r)!;
      for (const e of en) m.set(e, (m.get(e) ?? 0) + 1);
    }
  }
  for (const [r, m] of [...co].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const ranked = [...m].map(([e, n]) => [e, (2 * n) / (fr.get(r)! + fe.get(e)!), n] as const)
      // a link seen in one concept only is kept when both words are found nowhere else
      .filter(([e, dice, n]) => dice >= MIN_DICE && (n >= 2 || (fr.get(r) === 1 && fe.get(e) === 1)))
      .sort((a, b) => b[1] - a[1] || b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
    for (const [e] of ranked.slice(0, MAX_LINKS)) link(r, e);
  }
  return out;
}
