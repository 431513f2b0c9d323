// The directory's API as the pages use it: response types inferred from the server's schemas, query
// keys, queries and mutations. Pages call these instead of fetching themselves.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as s from '@server/modules/directory/schema.ts';
import type { profileRecord } from '@server/modules/profiles/schema.ts';
import type { Ml } from '@shared/languages.ts';
import { api, get, patch, post, put, type Out } from '../../app/api.ts';

export type OrgSummary = Out<typeof s.orgSummary>;
export type OrgDetail = Out<typeof s.orgDetail>;
export type MyOrganisation = Out<typeof s.myOrganisation>;
export type Contact = Out<typeof s.contactOut>;
export type TaxonomyNode = Out<typeof s.taxonomyNode>;
export type ImportReport = Out<typeof s.importReport>;
type OrgProfile = Out<typeof profileRecord>;

export const directoryKeys = {
  organisations: (params: string) => ['orgs', params] as const,
  organisation: (id: string) => ['org', id] as const,
  organisationProfiles: (id: string) => ['org-profiles', id] as const,
  mine: ['my-orgs'] as const,
  taxonomy: ['taxonomy'] as const,
};

export const organisationsQuery = (params: URLSearchParams) => queryOptions({
  queryKey: directoryKeys.organisations(params.toString()),
  queryFn: () => get<Out<typeof s.orgList>>('/api/organisations', { ...Object.fromEntries(params.entries()), limit: 200 }),
});
export const organisationQuery = (id: string) => queryOptions({ queryKey: directoryKeys.organisation(id), queryFn: () => get<OrgDetail>(`/api/organisations/${id}`) });
export const organisationProfilesQuery = (id: string) => queryOptions({
  queryKey: directoryKeys.organisationProfiles(id), queryFn: () => get<OrgProfile[]>(`/api/organisations/${id}/profiles`),
});
export const myOrganisationsQuery = queryOptions({ queryKey: directoryKeys.mine, queryFn: () => get<MyOrganisation[]>('/api/organisations/mine') });
/** All areas (organisers also see deactivated ones: `active`). The marketplace shares this query. */
export const taxonomyQuery = queryOptions({ queryKey: directoryKeys.taxonomy, queryFn: () => get<TaxonomyNode[]>('/api/taxonomy'), staleTime: 60_000 });

export function useCreateOrganisation() {
  return useMutation({ mutationFn: (body: { name: Ml; country: string | null; type: string | null }) => post<{ id: string }>('/api/organisations', body) });
}

/** Saves an organisation's editable fields, its contacts and (if chosen) a new logo. */
export function useSaveOrganisation(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: { website: string | null; description: Ml; contacts: unknown[]; logo: File | null }) => {
      await patch(`/api/organisations/${id}`, { website: v.website, description: v.description });
      await put(`/api/organisations/${id}/contacts`, { contacts: v.contacts });
      if (v.logo) { const fd = new FormData(); fd.append('file', v.logo); await api('POST', `/api/organisations/${id}/logo`, fd); }
    },
    onSettled: () => qc.invalidateQueries({ queryKey: directoryKeys.organisation(id) }),
  });
}

export function useSetVerified(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (verified: boolean) => put(`/api/organisations/${id}/verified`, { verified }),
    onSuccess: () => qc.invalidateQueries({ queryKey: directoryKeys.organisation(id) }),
  });
}

export function useImport() {
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const fd = new FormData(); fd.append('file', file);
      return api<ImportReport>('POST', `/api/directory/import?dryRun=${dryRun}`, fd);
    },
  });
}

export function useSaveTaxonomyNode() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ create, code, body }: { create: boolean; code: string; body: Record<string, unknown> }) =>
      create ? post('/api/taxonomy', body) : patch(`/api/taxonomy/${encodeURIComponent(code)}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: directoryKeys.taxonomy }),
  });
}
