// Shapes of the matching API as the web app reads them (src/modules/matching/schema.ts).
import type { Ml } from '@shared/languages.ts';

export type Recommendation = {
  profileId: string; forProfileId: string; score: number; type: string; title: Ml; summary: Ml; country: string;
  anonymous: boolean; organisation: { id: string; name: Ml; type: string } | null;
  reasons: { kind: string; text: string }[]; trl: number | null; areas: string[];
};
export type Recommendations = { indexed: boolean; items: Recommendation[] };
export type Pair = { score: number; a: Recommendation; b: Recommendation; reasons: { kind: string; text: string }[] };
export type SupplyDemand = { areas: { code: string; label: Ml }[]; countries: string[]; cells: { area: string; country: string; offers: number; requests: number }[] };
export type PairingSettings = { crossBorder: [string, string][]; sameCountry: boolean };

/** Country name in the interface language ("Belarus", «Беларусь», 白俄罗斯). */
export function countryName(code: string, lang: string): string {
  try { return new Intl.DisplayNames([lang === 'zh' ? 'zh-CN' : lang], { type: 'region' }).of(code) ?? code; } catch { return code; }
}
