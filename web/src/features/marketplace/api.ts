// The marketplace's API as the pages use it (profiles, search, moderation, expressions of interest):
// response types inferred from the server's schemas, query keys, queries and mutations.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as p from '@server/modules/profiles/schema.ts';
import type * as i from '@server/modules/interests/schema.ts';
import { api, del, get, patch, post, put, type Out } from '../../app/api.ts';

export type ProfileCard = Out<typeof p.profileCard>;
export type SearchResult = Out<typeof p.profileSearchResult>;
export type Facets = NonNullable<SearchResult['facets']>;
export type ProfileDetail = Out<typeof p.profileDetail>;
export type OwnProfile = Out<typeof p.ownProfile>;
export type ModerationQueueItem = Out<typeof p.moderationQueueItem>;
export type Attachment = ProfileDetail['attachments'][number];
export type InterestSummary = Out<typeof i.interestSummary>;
export type InterestDetail = Out<typeof i.interestDetail>;
export type ModerationFilters = { country?: string; type?: string; olderThanDays?: number };

export const marketKeys = {
  search: (query: Record<string, string>) => ['search', query] as const,
  profile: (id: string) => ['profile', id] as const,
  mine: ['my-profiles'] as const,
  moderation: (filters?: ModerationFilters) => (filters ? ['moderation', filters] as const : ['moderation'] as const),
  rereviewFields: ['rereview-fields'] as const,
  interests: ['interests'] as const,
  interest: (id: string) => ['interest', id] as const,
};

/** The search as query options: used by the page and by its route loader, which starts the first request before the page's code has arrived. */
export const searchQueryOptions = (query: Record<string, string>) => ({
  queryKey: marketKeys.search(query),
  initialPageParam: null as string | null,
  queryFn: ({ pageParam }: { pageParam: string | null }) =>
    get<SearchResult>('/api/profiles/search', { ...query, cursor: pageParam ?? undefined, facets: pageParam ? 'false' : 'true' }),
  getNextPageParam: (last: SearchResult) => last.nextCursor,
  staleTime: 30_000, // a result fetched by the route loader is not fetched again when the page mounts
});

export const profileQuery = (id: string) => queryOptions({ queryKey: marketKeys.profile(id), queryFn: () => get<ProfileDetail>(`/api/profiles/${id}`) });
export const myProfilesQuery = queryOptions({ queryKey: marketKeys.mine, queryFn: () => get<OwnProfile[]>('/api/profiles/mine') });
export const moderationQuery = (filters: ModerationFilters) => queryOptions({
  queryKey: marketKeys.moderation(filters), queryFn: () => get<ModerationQueueItem[]>('/api/moderation/profiles', filters),
});
export const rereviewFieldsQuery = queryOptions({ queryKey: marketKeys.rereviewFields, queryFn: () => get<Out<typeof p.rereviewFieldsOut>>('/api/moderation/rereview-fields') });
export const interestsQuery = queryOptions({ queryKey: marketKeys.interests, queryFn: () => get<InterestSummary[]>('/api/interests') });
export const interestQuery = (id: string) => queryOptions({ queryKey: marketKeys.interest(id), queryFn: () => get<InterestDetail>(`/api/interests/${id}`) });

/** The owner's actions on a profile: submit, extend, archive. */
export function useProfileAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: 'submit' | 'extend' | 'archive') => post(`/api/profiles/${id}/${action}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: marketKeys.profile(id) }),
  });
}

export type ModerationAction = 'approve' | 'return' | 'reject' | 'hold' | 'resume';
/** The body each moderation action takes: a comment, or a reason for reject and hold. */
export function moderationBody(action: ModerationAction, text: string): Record<string, string> | undefined {
  if (action === 'resume') return undefined;
  if (action === 'reject' || action === 'hold') return { reason: text };
  return action === 'approve' && !text ? {} : { comment: text };
}

/** One moderation action on one profile; refreshes the profile and the queue. */
export function useModerate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, text }: { id: string; action: ModerationAction; text: string }) =>
      post(`/api/moderation/profiles/${id}/${action}`, moderationBody(action, text)),
    onSuccess: (_r, v) => Promise.all([
      qc.invalidateQueries({ queryKey: marketKeys.profile(v.id) }), qc.invalidateQueries({ queryKey: marketKeys.moderation() }),
    ]),
  });
}

export function useBulkModerate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[]; action: 'approve' | 'return' | 'reject'; comment?: string }) =>
      post<Out<typeof p.bulkModerationResult>>('/api/moderation/profiles/bulk', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: marketKeys.moderation() }),
  });
}

export function useSaveRereviewFields() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (fields: string[]) => put('/api/moderation/rereview-fields', { fields }),
    onSuccess: () => qc.invalidateQueries({ queryKey: marketKeys.rereviewFields }),
  });
}

export function useExpressInterest(profileId: string) {
  return useMutation({ mutationFn: (body: { message: string; organisationId?: string | null }) => post(`/api/profiles/${profileId}/interests`, body) });
}

/** An action on an expression of interest (accept, decline, withdraw, a message); refreshes it. A message carries
 *  the client's idempotency key, so a doubled or retried send is posted (and mailed) once. */
export function useInterestAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body, idempotencyKey }: { action: 'accept' | 'decline' | 'withdraw' | 'messages'; body?: unknown; idempotencyKey?: string }) =>
      post(`/api/interests/${id}/${action}`, body, idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined),
    onSuccess: () => qc.invalidateQueries({ queryKey: marketKeys.interest(id) }),
  });
}

/** Creates a profile (with its organisation) or saves an existing one's fields. */
export function useSaveProfile(id: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: Record<string, unknown>) => {
      if (id) { await patch(`/api/profiles/${id}`, body); return { id }; }
      return post<{ id: string }>('/api/profiles', body);
    },
    onSuccess: () => (id ? qc.invalidateQueries({ queryKey: marketKeys.profile(id) }) : undefined),
  });
}

/** A profile's attachments, under their own key: refreshing the editor's profile query would reset the form being edited. */
export const attachmentsQuery = (profileId: string) => queryOptions({
  queryKey: ['profile-attachments', profileId] as const,
  queryFn: async () => (await get<ProfileDetail>(`/api/profiles/${profileId}`)).attachments,
});

export function useAttachmentChange(profileId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: { upload: File } | { remove: string }) => {
      if ('remove' in change) return del(`/api/profiles/${profileId}/attachments/${change.remove}`);
      const fd = new FormData(); fd.append('file', change.upload);
      return api('POST', `/api/profiles/${profileId}/attachments`, fd);
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: attachmentsQuery(profileId).queryKey });
      await qc.invalidateQueries({ queryKey: marketKeys.profile(profileId), refetchType: 'none' }); // the profile page refetches when shown
    },
  });
}
