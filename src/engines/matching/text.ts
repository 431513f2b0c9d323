// Text normalisation shared by concept mapping and the word-level similarity signal.
// Russian and English words go through the thesaurus's own `matchTokens` (Snowball with the
// acronym rule and noun-stem repair), so profile texts and thesaurus labels are stemmed alike.
// Chinese is segmented with Intl.Segmenter; the thesaurus labels found in it are kept whole.
import { matchTokens } from './thesaurus/index.ts';
import type { Lang } from '../../shared/languages.ts';

/** The split `matchTokens` uses: anything but letters, digits and "&+." (R&D, 4.0, C++). */
export const WORD_SPLIT = /[^\p{L}\p{N}&+.]+/u;
export const CJK_RE = /[\u3400-\u9fff\uf900-\ufaff]/;
export const hasCjk = (text: string): boolean => CJK_RE.test(text);

const stemCache = new Map<string, string>();
/** Stem of one raw word exactly as `matchTokens` computes it (cached: texts repeat words a lot). */
export function stemWord(raw: string): string {
  let s = stemCache.get(raw);
  if (s === undefined) {
    s = matchTokens(raw)[0] ?? '';
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(raw, s);
  }
  return s;
}

/** Russian/English text → match tokens (same result as matchTokens(text), cached per word). */
export function wordTokens(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.normalize('NFKC').split(WORD_SPLIT)) {
    if (!raw) continue;
    const s = stemWord(raw);
    if (s) out.push(s);
  }
  return out;
}

/** Language of a free string (keywords carry no language tag): CJK → zh, Cyrillic → ru, else en. */
export function guessLang(text: string): Lang {
  if (hasCjk(text)) return 'zh';
  return /\p{Script=Cyrillic}/u.test(text) ? 'ru' : 'en';
}

// Function words and boilerplate of cooperation profiles. They are dropped from the word signal
// only: concept labels are matched on the full token stream («совместное предприятие» keeps
// «предприятие», "industry 4.0" keeps "4.0").
const RU_STOP = `а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да даже для до его
  ее если есть еще же за здесь и из или им их к как ко когда кто ли либо между меня мы на над надо наш не нет ни них но
  ну о об однако он она они оно от очень по под при с со так также такой там те тем то того тоже той только том ты у уже
  хотя чего чей чем что чтобы эта эти это этот я ее себя свой своих наша наши нашей нашего которые который которая
  которых которым также является являются может могут можно быть будет будут
  компания организация предприятие институт университет предлагает предлагаем ищет ищем требуется партнер партнеры
  партнера партнеров сотрудничество сотрудничеству сотрудничества беларусь белорусский белорусская китай китайский
  китайская республика год года лет новый новые основе области сфере целью рамках использования использование`;
const EN_STOP = `a about above after all also an and any are as at be been being but by can could do does for from has
  have he her his how i if in into is it its may more most no not of on or our out over own she should so some such than
  that the their them then there these they this those through to too under up very was we were what when where which
  while who will with would you your company institute university offer offers seek seeking looking partner partners
  cooperation china chinese belarus belarusian new based field use using`;
const ZH_STOP = new Set(`的 了 和 与 及 或 在 是 为 对 等 以 将 由 从 并 其 该 我们 本 公司 我司 本公司 企业 研究所 大学 提供 寻求
  寻找 需要 希望 合作 伙伴 合作伙伴 中国 白俄罗斯 白俄 俄罗斯 进行 开展 相关 方面 领域 可以 能够 具有 通过 用于 主要 以及 一个 一种
  我们的 目前 已经 技术的`.split(/\s+/).filter(Boolean));
const STOP = new Set([...RU_STOP.split(/\s+/), ...EN_STOP.split(/\s+/)].filter(Boolean).map((w) => matchTokens(w)[0]));

const isNoise = (t: string) => STOP.has(t) || t.length < 2 || /^[\d.,&+]+$/.test(t);

let segmenter: Intl.Segmenter | null = null;

/**
 * Chinese text → words. Intl.Segmenter cuts technical terms into single characters
 * (激光|熔|覆|涂|层), so spans covered by thesaurus labels (`keep`, longest match, from the
 * concept mapper) are taken whole, and runs of single CJK characters elsewhere are glued back.
 */
export function segmentZh(text: string, keep: Array<[number, number]> = []): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  let pos = 0;
  const flushPart = (part: string) => {
    let run = '';
    for (const seg of segmenter!.segment(part)) {
      if (!seg.isWordLike) { if (run.length > 1) out.push(run); run = ''; continue; }
      const w = seg.segment;
      if (w.length === 1 && CJK_RE.test(w)) { run += w; continue; }
      if (run.length > 1) out.push(run);
      run = '';
      // Latin words inside Chinese text are nearly always acronyms or names (PCR, MEMS, LiDAR);
      // the normalised text is lower-case, so they are kept unstemmed, as matchTokens keeps acronyms.
      out.push(w);
    }
    if (run.length > 1) out.push(run);
  };
  for (const [start, end] of [...keep].sort((a, b) => a[0] - b[0])) {
    if (start < pos) continue;
    flushPart(text.slice(pos, start));
    out.push(text.slice(start, end));
    pos = end;
  }
  flushPart(text.slice(pos));
  return out;
}

/** Words of a text for the word-similarity signal (stop words, numbers and 1-letter tokens dropped). */
export function textTerms(text: string, zhKeep?: Array<[number, number]>): string[] {
  if (hasCjk(text)) return segmentZh(text, zhKeep).filter((t) => !ZH_STOP.has(t) && !isNoise(t));
  return wordTokens(text).filter((t) => !isNoise(t));
}
