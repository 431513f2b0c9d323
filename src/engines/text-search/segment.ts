// Text preparation for full-text search in three languages. PostgreSQL stems Russian and English
// itself; Chinese has no spaces between words, so it is split here with Intl.Segmenter (ICU's
// dictionary) both when indexing and when querying, and the words are indexed with `simple`.
import type { Lang } from '../../shared/languages.ts';

const zhSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CJK_G = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const CYRILLIC = /[\u0400-\u04ff]/;

/** Chinese text as space-separated words (punctuation dropped); Latin words and numbers kept. */
export function segmentChinese(text: string): string {
  if (!text) return '';
  const out: string[] = [];
  for (const s of zhSegmenter.segment(text)) if (s.isWordLike) out.push(s.segment.toLowerCase());
  return out.join(' ');
}

/** Words of a Chinese query, as the index holds them. */
export const chineseQueryWords = (q: string): string[] => segmentChinese(q).split(' ').filter(Boolean);

/** Which language's index a query is meant for: Chinese characters → zh, Cyrillic → ru, else en. */
export function detectQueryLang(q: string): Lang {
  if (CJK.test(q)) return 'zh';
  if (CYRILLIC.test(q)) return 'ru';
  return 'en';
}

export const hasCjk = (s: string) => CJK.test(s);
export const cjkCount = (s: string) => (s.match(CJK_G) ?? []).length;

export const HL_START = '\uE000';
export const HL_END = '\uE001';

/**
 * Marks occurrences of the query words in a Chinese text with HL_START/HL_END
 * (used for highlighting; ts_headline would return the segmented text with spaces).
 */
export function highlightWords(text: string, words: string[], maxLength = 300): string {
  const ws = [...new Set(words.filter(Boolean))].sort((a, b) => b.length - a.length);
  let t = text.length > maxLength ? cutAround(text, ws, maxLength) : text;
  if (!ws.length) return t;
  const re = new RegExp(ws.map(escapeRe).join('|'), 'gi');
  t = t.replace(re, (m) => `${HL_START}${m}${HL_END}`);
  return t;
}

function cutAround(text: string, words: string[], maxLength: number): string {
  const lower = text.toLowerCase();
  const first = Math.min(...words.map((w) => { const i = lower.indexOf(w.toLowerCase()); return i < 0 ? Infinity : i; }));
  const start = Number.isFinite(first) ? Math.max(0, first - Math.floor(maxLength / 3)) : 0;
  return (start > 0 ? '…' : '') + text.slice(start, start + maxLength) + (start + maxLength < text.length ? '…' : '');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Splits a highlighted string into parts for rendering without HTML. */
export function highlightParts(s: string): { text: string; hit: boolean }[] {
  const out: { text: string; hit: boolean }[] = [];
  const re = new RegExp(`${HL_START}([^${HL_END}]*)${HL_END}`, 'g');
  let last = 0;
  for (const m of s.matchAll(re)) {
    if (m.index! > last) out.push({ text: s.slice(last, m.index), hit: false });
    out.push({ text: m[1], hit: true });
    last = m.index! + m[0].length;
  }
  if (last < s.length) out.push({ text: s.slice(last), hit: false });
  return out;
}
