// The in-app inbox's API (GET /api/inbox, marking notices read): types inferred from the server's
// schemas, the query key, the query and the mutations.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as s from '@server/modules/interests/schema.ts';
import { get, post, type Out } from '../../app/api.ts';

export type Inbox = Out<typeof s.inboxOut>;
export type Notice = Out<typeof s.notificationOut>;

export const inboxKeys = { all: ['inbox'] as const };

export const inboxQuery = queryOptions({ queryKey: inboxKeys.all, queryFn: () => get<Inbox>('/api/inbox') });

/** Marks one notice read (when its link is followed or its button pressed); the list and the bell's count follow. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => post(`/api/inbox/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post('/api/inbox/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}
