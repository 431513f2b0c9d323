// The administration API as the pages use it: response types inferred from the server's schemas
// (src/modules/admin/schema.ts), query keys, queries and mutations.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as s from '@server/modules/admin/schema.ts';
import { del, get, post, put, type Out } from '../../app/api.ts';

export type User = Out<typeof s.adminUser>;
export type Mail = Out<typeof s.outboxList>['items'][number];
export type AuditEntry = Out<typeof s.auditList>['items'][number];
export type Invitation = Out<typeof s.invitationOut>;
export type AuditFilters = { entityType: string; action: string; actor: string; entityId: string };

export const adminKeys = {
  users: (q?: string, role?: string | null, page?: number) => (q === undefined ? ['admin-users'] as const : ['admin-users', q, role, page] as const),
  outbox: (to: string) => ['outbox', to] as const,
  audit: (filters: AuditFilters) => ['audit', filters] as const,
  invitations: ['invitations'] as const,
};

export const usersQuery = (q: string, role: string | null, page: number, pageSize: number) => queryOptions({
  queryKey: adminKeys.users(q, role, page),
  queryFn: () => get<Out<typeof s.userList>>('/api/admin/users', { q, role, limit: pageSize, offset: (page - 1) * pageSize }),
});
export const outboxQuery = (to: string) => queryOptions({
  queryKey: adminKeys.outbox(to), queryFn: () => get<Out<typeof s.outboxList>>('/api/admin/outbox', { to: to.includes('@') ? to : undefined, limit: 100 }),
});
/** The audit log, newest first, a page of 50 at a time (keyset on the entry id). */
export const auditQuery = (filters: AuditFilters) => ({
  queryKey: adminKeys.audit(filters),
  initialPageParam: undefined as number | undefined,
  queryFn: ({ pageParam }: { pageParam: number | undefined }) => get<Out<typeof s.auditList>>('/api/admin/audit', { ...filters, before: pageParam, limit: 50 }),
  getNextPageParam: (last: Out<typeof s.auditList>) => last.nextBefore ?? undefined,
});
export const invitationsQuery = queryOptions({ queryKey: adminKeys.invitations, queryFn: () => get<Invitation[]>('/api/invitations') });

/** A user's roles or whether the account is disabled. */
export function useUserChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: { roles: string[] } | { disabled: boolean } }) =>
      put(`/api/admin/users/${id}/${'roles' in change ? 'roles' : 'disabled'}`, change),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}

export function useCreateInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { role: string; email?: string; note: string; ttlDays: number; lang: string }) => post<Out<typeof s.createdInvitation>>('/api/invitations', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.invitations }),
  });
}

export function useRevokeInvitation() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => del(`/api/invitations/${id}`), onSuccess: () => qc.invalidateQueries({ queryKey: adminKeys.invitations }) });
}
