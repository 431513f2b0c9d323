// Structured reasons → text in the viewer's language (locales/{ru,zh,en}/matching.json, ICU).
// Concept labels are shown in the viewer's language, followed by the label the candidate wrote
// when it is in another language: "hydrogen energy (氢能)", «водородная энергетика (氢能)».
import { IntlMessageFormat } from 'intl-messageformat';
import en from '../../../locales/en/matching.json' with { type: 'json' };
import ru from '../../../locales/ru/matching.json' with { type: 'json' };
import zh from '../../../locales/zh/matching.json' with { type: 'json' };
import { conceptMapper } from './concepts.ts';
import { TAXONOMY } from '../../shared/taxonomy-data.ts';
import { LANGS, pickMl, type Lang, type Ml } from '../../shared/languages.ts';
import type { Doc, MatchIndex } from './match-index.ts';
import type { ConceptRef, PivotChain, Reason } from './types.ts';
import type { PivotSource } from './pivot/index.ts';

const CATALOG: Record<Lang, unknown> = { en, ru, zh };
const LOCALE_TAG: Record<Lang, string> = { ru: 'ru', zh: 'zh-CN', en: 'en' };
export const MAX_CONCEPTS_IN_REASON = 5;

const TAXONOMY_LABELS = new Map<string, Ml>(TAXONOMY.flatMap((a) => [[a.code, a.label] as const, ...a.subAreas.map((s) => [s.code, s.label] as const)]));

function message(lang: Lang, key: string): string {
  let node: unknown = CATALOG[lang];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : key;
}

const format = (lang: Lang, key: string, params: Record<string, string | number>) =>
  String(new IntlMessageFormat(message(lang, key), LOCALE_TAG[lang]).format(params));

const joinList = (lang: Lang, items: string[]) => items.join(lang === 'zh' ? '、' : ', ');

/** "hydrogen energy (氢能)": the viewer's preferred label, plus what the candidate wrote if in another language. */
export function conceptLabel(ref: ConceptRef, lang: Lang): string {
  const c = conceptMapper().concept(ref.id);
  if (!c) return ref.label;
  if (ref.lang === lang) return ref.label;
  const main = c[lang][0];
  if (!ref.label || ref.label === main) return main;
  return lang === 'zh' ? `${main}（${ref.label}）` : `${main} (${ref.label})`;
}

/** "肌电图 ≈ electromyogram ≈ электромиограмма": Chinese, the English pivot, Russian (those present). */
export const pivotChain = (t: PivotChain): string => (['zh', 'en', 'ru'] as const).map((l) => t[l]).filter(Boolean).join(' ≈ ');

export type RenderOptions = {
  /** Taxonomy labels as edited by organisers; defaults to the seed taxonomy. */
  taxonomyLabel?: (code: string, lang: Lang) => string | undefined;
};

/** One reason as a sentence in ru, zh or en. */
export function renderReason(reason: Reason, lang: Lang, options: RenderOptions = {}): string {
  switch (reason.kind) {
    case 'type':
      return format(lang, `type.${reason.params.relation}`, { viewerType: reason.params.viewerType, candidateType: reason.params.candidateType });
    case 'shared_concepts':
    case 'related_concepts': {
      const list = reason.params.concepts.map((r) => conceptLabel(r, lang));
      return format(lang, reason.kind, { count: list.length, list: joinList(lang, list) });
    }
    case 'pivot_terms': {
      const list = reason.params.terms.map((t) => pivotChain(t));
      return format(lang, 'pivot_terms', { count: list.length, list: joinList(lang, list) });
    }
    case 'taxonomy': {
      const label = options.taxonomyLabel?.(reason.params.code, lang) ?? pickMl(TAXONOMY_LABELS.get(reason.params.code), lang)?.text ?? reason.params.code;
      return format(lang, `taxonomy.${reason.params.level}`, { label });
    }
    case 'trl':
      return format(lang, `trl.${reason.params.direction}`, { trl: reason.params.trl, min: reason.params.min });
    case 'partnership':
      return format(lang, 'partnership', { list: joinList(lang, reason.params.types.map((t) => message(lang, `partnership_types.${t}`))) });
    case 'target_country': {
      const country = new Intl.DisplayNames([LOCALE_TAG[lang]], { type: 'region' }).of(reason.params.country) ?? reason.params.country;
      return format(lang, `target_country.${reason.params.direction}`, { country });
    }
    case 'partner_type':
      return format(lang, `partner_type.${reason.params.direction}`, { orgType: message(lang, `org_types.${reason.params.orgType}`) });
    case 'history':
      return format(lang, `history.${reason.params.state}`, {});
  }
}

/** The candidate's language order: its title's languages first (what it "originally" wrote in). */
function candidateLangs(d: Doc): Lang[] {
  const first = LANGS.filter((l) => d.profile.title[l]?.trim());
  return [...first, ...LANGS.filter((l) => !first.includes(l))];
}

function refFor(d: Doc, id: string, viewer: Lang): ConceptRef {
  const labels = d.features.direct.get(id) ?? {};
  if (labels[viewer]) return { id, lang: viewer, label: labels[viewer]! };
  for (const l of candidateLangs(d)) if (labels[l]) return { id, lang: l, label: labels[l]! };
  const c = conceptMapper().concept(id)!;
  const l = candidateLangs(d)[0];
  return { id, lang: l, label: c[l][0] };
}

/**
 * Shared concepts (written by both sides) and related concepts (written by the candidate and
 * reached from the viewer's concepts through broader/related links), strongest first.
 */
export function conceptReasons(index: MatchIndex, q: Doc, d: Doc, viewer: Lang): Reason[] {
  const contribution = (id: string) => {
    const t = index.terms.get(`c:${id}`);
    const idf = t === undefined ? 0 : index.idf(t);
    return (q.features.concepts.get(id) ?? 0) * (d.features.concepts.get(id) ?? 0) * idf * idf;
  };
  const rank = (ids: string[]) => ids.map((id) => [id, contribution(id)] as const).filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_CONCEPTS_IN_REASON).map(([id]) => refFor(d, id, viewer));
  const shared = [...d.features.direct.keys()].filter((id) => q.features.direct.has(id));
  const related = [...d.features.direct.keys()].filter((id) => !q.features.direct.has(id) && q.features.concepts.has(id));
  const out: Reason[] = [];
  const s = rank(shared);
  if (s.length) out.push({ kind: 'shared_concepts', params: { concepts: s } });
  const r = rank(related).slice(0, 3);
  if (r.length) out.push({ kind: 'related_concepts', params: { concepts: r } });
  return out;
}

export const MAX_PIVOTS_IN_REASON = 3;

const langMask = (s: PivotSource) => (s.zh ? 1 : 0) | (s.ru ? 2 : 0) | (s.en ? 4 : 0);

/**
 * Pivot terms both sides reach from words written in different languages (see pivot/index.ts),
 * strongest first: what each side wrote and the English they met through.
 */
export function pivotReasons(index: MatchIndex, q: Doc, d: Doc): Reason[] {
  const scored: Array<{ chain: PivotChain; v: number; key: string }> = [];
  const [small, large, swap] = q.features.pivots.size <= d.features.pivots.size
    ? [q.features.pivots, d.features.pivots, false] : [d.features.pivots, q.features.pivots, true];
  for (const [term, x] of small) {
    const y = large.get(term);
    if (!y) continue;
    const [a, b] = swap ? [y, x] : [x, y];
    if (langMask(a) === langMask(b)) continue; // same language on both sides: the text signal says it
    const t = index.terms.get(`w:${term}`);
    const idf = t === undefined ? 0 : index.idf(t);
    const v = (q.features.words.get(term) ?? 0) * (d.features.words.get(term) ?? 0) * idf * idf;
    if (v <= 0) continue;
    const chain: PivotChain = { zh: a.zh ?? b.zh, en: a.en ?? b.en ?? a.gloss ?? b.gloss, ru: a.ru ?? b.ru };
    scored.push({ chain, v, key: pivotChain(chain) });
  }
  scored.sort((x, y) => y.v - x.v || (x.key < y.key ? -1 : 1));
  const seenKeys = new Set<string>(), seenWords = new Set<string>();
  const terms: PivotChain[] = [];
  for (const s of scored) {
    const words = [s.chain.zh, s.chain.ru].filter((x): x is string => !!x);
    if (seenKeys.has(s.key) || words.some((w) => seenWords.has(w))) continue;
    seenKeys.add(s.key); for (const w of words) seenWords.add(w);
    terms.push(Object.fromEntries(Object.entries(s.chain).filter(([, v]) => v)) as PivotChain);
    if (terms.length >= MAX_PIVOTS_IN_REASON) break;
  }
  return terms.length ? [{ kind: 'pivot_terms', params: { terms } }] : [];
}
