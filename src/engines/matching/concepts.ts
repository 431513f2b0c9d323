// Concept mapping: finds thesaurus labels in a text, in any of the three languages, so that a
// Russian request and a Chinese offer meet on the same concept ids.
//  - Russian/English (and Latin acronyms anywhere): labels are compared as stemmed token
//    sequences (the thesaurus's matchTokens), longest label first at each position.
//  - Chinese: labels are found by substring in the normalised text, longest label first at each
//    position (「激光熔覆」 rather than 「激光」 + 「熔覆」); Latin labels only on alphanumeric boundaries.
import { loadThesaurus, matchTokens, normaliseLabel, type Concept, type Thesaurus } from './thesaurus/index.ts';
import { CJK_RE, WORD_SPLIT, hasCjk, stemWord } from './text.ts';
import type { Lang } from '../../shared/languages.ts';

type TokenLabel = { tokens: string[]; concepts: string[]; labels: Partial<Record<Lang, string>> };
type ZhLabel = { text: string; concepts: string[]; latin: boolean; label: string };

export type ConceptHit = { id: string; label: string };
export type Extraction = { hits: ConceptHit[]; /** Chinese only: normalised text and matched spans. */ zh?: { text: string; spans: Array<[number, number]> } };

export type ConceptMapper = {
  thesaurus: Thesaurus;
  extract(text: string): Extraction;
  concept(id: string): Concept | undefined;
};

const LANGS: Lang[] = ['ru', 'zh', 'en'];
let cached: ConceptMapper | null = null;

/** The mapper over the project thesaurus (built once). */
export function conceptMapper(): ConceptMapper {
  cached ??= buildMapper(loadThesaurus());
  return cached;
}

function buildMapper(th: Thesaurus): ConceptMapper {
  const byFirst = new Map<string, TokenLabel[]>();
  const byKey = new Map<string, TokenLabel>();
  const zhByFirst = new Map<string, ZhLabel[]>();
  const zhByText = new Map<string, ZhLabel>();
  for (const c of th.concepts) {
    for (const lang of LANGS) {
      for (const label of c[lang]) {
        if (lang === 'zh' || hasCjk(label)) {
          const text = normaliseLabel(label, 'zh');
          let z = zhByText.get(text);
          if (!z) {
            z = { text, concepts: [], latin: !CJK_RE.test(text), label };
            zhByText.set(text, z);
            const first = text[0];
            (zhByFirst.get(first) ?? zhByFirst.set(first, []).get(first)!).push(z);
          }
          if (!z.concepts.includes(c.id)) z.concepts.push(c.id);
          if (lang === 'zh' && !CJK_RE.test(text)) continue; // Latin zh labels are also token labels below
          if (lang === 'zh') continue;
        }
        const tokens = matchTokens(label);
        if (tokens.length === 0) continue;
        const key = tokens.join(' ');
        let t = byKey.get(key);
        if (!t) {
          t = { tokens, concepts: [], labels: {} };
          byKey.set(key, t);
          (byFirst.get(tokens[0]) ?? byFirst.set(tokens[0], []).get(tokens[0])!).push(t);
        }
        if (!t.concepts.includes(c.id)) t.concepts.push(c.id);
        t.labels[lang] ??= label;
      }
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  for (const list of zhByFirst.values()) list.sort((a, b) => b.text.length - a.text.length);

  function extractWords(text: string): ConceptHit[] {
    const raws = text.normalize('NFKC').split(WORD_SPLIT).filter(Boolean);
    const tokens = raws.map(stemWord);
    const hits: ConceptHit[] = [];
    for (let i = 0; i < tokens.length;) {
      const list = byFirst.get(tokens[i]);
      let matched = 0;
      if (list) {
        for (const l of list) {
          const n = l.tokens.length;
          if (i + n > tokens.length) continue;
          let ok = true;
          for (let k = 1; k < n && ok; k++) ok = tokens[i + k] === l.tokens[k];
          if (!ok) continue;
          // The dictionary form of the label in the text's script, not the inflected surface form.
          const label = /\p{Script=Cyrillic}/u.test(raws[i]) ? (l.labels.ru ?? l.labels.en!) : (l.labels.en ?? l.labels.ru ?? l.labels.zh!);
          for (const id of l.concepts) hits.push({ id, label });
          matched = n;
          break;
        }
      }
      i += matched || 1;
    }
    return hits;
  }

  const isAlnum = (ch: string | undefined) => !!ch && /[a-z0-9]/.test(ch);

  function extractZh(raw: string): Extraction {
    const text = normaliseLabel(raw, 'zh');
    const hits: ConceptHit[] = [];
    const spans: Array<[number, number]> = [];
    for (let i = 0; i < text.length;) {
      const list = zhByFirst.get(text[i]);
      let matched = 0;
      if (list) {
        for (const l of list) {
          if (!text.startsWith(l.text, i)) continue;
          if (l.latin && (isAlnum(text[i - 1]) || isAlnum(text[i + l.text.length]))) continue;
          for (const id of l.concepts) hits.push({ id, label: l.label });
          spans.push([i, i + l.text.length]);
          matched = l.text.length;
          break;
        }
      }
      i += matched || 1;
    }
    return { hits, zh: { text, spans } };
  }

  return {
    thesaurus: th,
    concept: (id) => th.byId.get(id),
    extract: (text) => (hasCjk(text) ? extractZh(text) : { hits: extractWords(text) }),
  };
}
