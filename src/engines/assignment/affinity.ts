// Affinity of experts to applications for the product: the matching engine's concept and text signals
// (any of ru / zh / en, concepts cross languages through its thesaurus) between the expert's profile and
// the application, adjusted by the expert's bid. Output is a sparse affinity list for the
// synergy-assignment format, with a reason per pair in the officer's language.
import { buildIndex, recommend, renderReason, type MatchProfile } from '../matching/index.ts';
import type { Lang, Ml } from '../../shared/languages.ts';

export interface ExpertText { id: string; country: string; statement: Ml; keywords?: string[]; areas?: string[]; subAreas?: string[]; pastWork?: Ml }
export interface ApplicationText { id: string; country: string; title: Ml; abstract: Ml; keywords?: string[]; areas?: string[]; subAreas?: string[] }
export type Bid = 'want' | 'can' | 'cannot';

/** Added to the text affinity by the expert's bid; "cannot" removes the pair altogether. */
export const BID_BONUS: Record<Exclude<Bid, 'cannot'>, number> = { want: 0.3, can: 0.1 };
/** Only topical signals count for expertise; profile type and partnership fit do not apply to experts. */
const WEIGHTS = { concepts: 0.5, text: 0.35, taxonomy: 0.15, type: 0, fit: 0 };

export interface AffinityPair { application: string; expert: string; affinity: number; reasons: string[] }

const join = (a: Ml, b?: Ml): Ml => ({ ru: [a.ru, b?.ru].filter(Boolean).join('\n') || undefined, zh: [a.zh, b?.zh].filter(Boolean).join('\n') || undefined, en: [a.en, b?.en].filter(Boolean).join('\n') || undefined });

function asProfile(id: string, country: string, title: Ml, summary: Ml, keywords?: string[], areas?: string[], subAreas?: string[]): MatchProfile {
  return { id, organisationId: `own:${id}`, country, type: 'RDR', title, summary, technologyKeywords: keywords, areas, subAreas };
}

/**
 * Every allowed (application, expert) pair with its affinity in [0, 1.3] and reasons ("shared concepts: …").
 * bids: key `${application}|${expert}`.
 */
export function affinity(experts: ExpertText[], applications: ApplicationText[], o: { lang: Lang; bids?: Map<string, Bid> | Record<string, Bid> } = { lang: 'en' }): AffinityPair[] {
  const bids = o.bids instanceof Map ? o.bids : new Map(Object.entries(o.bids ?? {}));
  const index = buildIndex(experts.map((e) => asProfile(e.id, e.country, e.statement, join(e.statement, e.pastWork), e.keywords, e.areas, e.subAreas)));
  const countries = [...new Set([...experts, ...applications].map((x) => x.country.toUpperCase()))];
  const crossBorder = countries.flatMap((a, i) => countries.slice(i + 1).map((b) => [a, b] as [string, string]));
  const out: AffinityPair[] = [];
  for (const app of applications) {
    const probe = asProfile(`application:${app.id}`, app.country, app.title, app.abstract, app.keywords, app.areas, app.subAreas);
    const found = new Map(recommend(index, { profile: probe }, { top: experts.length, minScore: 0, lang: o.lang, weights: WEIGHTS,
      pairing: { sameCountry: true, crossBorder } }).map((c) => [c.profileId, c]));
    for (const e of experts) {
      const bid = bids.get(`${app.id}|${e.id}`);
      if (bid === 'cannot') continue;
      const c = found.get(e.id);
      const reasons = (c?.reasons ?? []).filter((r) => r.kind === 'shared_concepts' || r.kind === 'related_concepts' || r.kind === 'taxonomy')
        .map((r) => renderReason(r, o.lang));
      const value = (c?.score ?? 0) + (bid ? BID_BONUS[bid] : 0);
      out.push({ application: app.id, expert: e.id, affinity: Math.round(value * 1e4) / 1e4, reasons });
    }
  }
  return out;
}
