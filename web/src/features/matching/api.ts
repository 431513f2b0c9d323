// The matching API as the pages use it: response types inferred from the server's schemas
// (src/modules/matching/schema.ts), query keys, queries and mutations.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as s from '@server/modules/matching/schema.ts';
import { get, post, put, type Out } from '../../app/api.ts';

export type Recommendation = Out<typeof s.recommendationItem>;
export type Recommendations = Out<typeof s.recommendationsResponse>;
export type TopPairs = Out<typeof s.topPairsOut>;
export type Pair = TopPairs['items'][number];
export type SupplyDemand = Out<typeof s.supplyDemandOut>;
export type PairingSettings = Out<typeof s.settingsBody>;

/** Everything under ['matching'] is refreshed together after feedback, an interest or new settings. */
export const matchingKeys = {
  all: ['matching'] as const,
  recommendations: (url: string, top: number, lang: string) => ['matching', 'recommendations', url, top, lang] as const,
  topPairs: (offset?: number, lang?: string) => (offset === undefined ? ['matching', 'top-pairs'] as const : ['matching', 'top-pairs', offset, lang] as const),
  supplyDemand: ['matching', 'supply-demand'] as const,
  settings: ['matching', 'settings'] as const,
  digest: ['matching', 'digest'] as const,
};

/** A profile's recommended partners, or (without a profile) an organisation's overall ones. `lang`: the reasons are in the reader's language. */
export const recommendationsQuery = (target: { profileId?: string; organisationId?: string }, top: number, lang: string) => {
  const url = target.profileId ? `/api/profiles/${target.profileId}/recommendations` : `/api/organisations/${target.organisationId}/recommendations`;
  return queryOptions({ queryKey: matchingKeys.recommendations(url, top, lang), queryFn: () => get<Recommendations>(url, { top }) });
};
export const topPairsQuery = (limit: number, offset: number, lang: string) => queryOptions({
  queryKey: matchingKeys.topPairs(offset, lang), queryFn: () => get<TopPairs>('/api/matching/top-pairs', { limit, offset }),
});
export const supplyDemandQuery = queryOptions({ queryKey: matchingKeys.supplyDemand, queryFn: () => get<SupplyDemand>('/api/matching/supply-demand') });
export const settingsQuery = queryOptions({ queryKey: matchingKeys.settings, queryFn: () => get<PairingSettings>('/api/matching/settings') });
export const digestQuery = queryOptions({ queryKey: matchingKeys.digest, queryFn: () => get<{ optOut: boolean }>('/api/me/digest') });

export function useSaveSettings(onSaved: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: PairingSettings) => put<PairingSettings>('/api/matching/settings', v),
    onSuccess: (v) => { qc.setQueryData(matchingKeys.settings, v); void qc.invalidateQueries({ queryKey: matchingKeys.all }); onSaved(); },
  });
}

export function useSetDigest(onSaved: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (optOut: boolean) => put<{ optOut: boolean }>('/api/me/digest', { optOut }),
    onSuccess: (d) => { qc.setQueryData(matchingKeys.digest, d); onSaved(); },
  });
}

export function useFeedback(body: { organisationId: string | null; profileId: string; candidateProfileId: string }, onSaved: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (kind: 'not_relevant' | 'in_contact') => post('/api/matching/feedback', { ...body, kind }),
    onSuccess: () => { onSaved(); void qc.invalidateQueries({ queryKey: matchingKeys.all }); },
  });
}

export function useIntroduce(pair: { profileAId: string; profileBId: string }, onSent: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (message: string) => post('/api/matching/introductions', { ...pair, message }),
    onSuccess: () => { onSent(); void qc.invalidateQueries({ queryKey: matchingKeys.topPairs() }); },
  });
}

/** Country name in the interface language ("Belarus", «Беларусь», 白俄罗斯). */
export function countryName(code: string, lang: string): string {
  try { return new Intl.DisplayNames([lang === 'zh' ? 'zh-CN' : lang], { type: 'region' }).of(code) ?? code; } catch { return code; }
}
