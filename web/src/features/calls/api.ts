// The calls API for the web app: types, query keys and the hooks every calls page uses.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Ml } from '@shared/languages.ts';
import { api, get, post, put } from '../../app/api.ts';

export type Side = 'BY' | 'CN';
export type CallFunder = { funderId: string; side: Side; organisationId: string; name: Ml; shortName: Ml; currency: string; timezone: string };
export type CallSummary = {
  id: string; slug: string; type: string; title: Ml; status: string; phase: 'upcoming' | 'open' | 'closed'; programme: { id: string; name: Ml };
  projectStartYear: number; projectEndYear: number; opensAt: string; closesAt: string; timezone: string; funders: CallFunder[];
};
export type CallDetail = CallSummary & {
  description: Ml; priorityAreas: string[]; maxDurationMonths: number; serverNow: string;
  caps: { funderId: string; year: number; amount: number }[];
  criteria: { code: string; title: Ml; weight: number; scaleMin: number; scaleMax: number; step: number; threshold?: number | null }[];
  requiredDocuments: { code: string; side: Side; title: Ml; required: boolean }[];
  documents: { id: string; title: Ml; name: string; size: number; url: string }[];
  partnerSearches: { id: string; title: Ml; summary: Ml; country: string; organisation: { id: string; name: Ml } | null; eoiDeadline: string | null }[];
  canEdit: boolean; canApply: boolean; officerOf: string[];
};
export type Problem = { section: string; code: string; params?: Record<string, unknown> };
export type SectionRow = { key: string; content: Record<string, any>; version: number; updatedAt: string; updatedBy: string | null };
export type Half = {
  id: string; side: Side; funderId: string; status: string; submittedVersion: number; submittedAt: string | null; sections: SectionRow[];
  completeness: { complete: boolean; percent: number; sections: { key: string; complete: boolean; problems: Problem[] }[] };
  attachments: { id: string; documentCode: string; name: string; mime: string; size: number; sha256: string; url: string }[];
  versions: { version: number; sha256: string; submittedAt: string; withdrawnAt: string | null }[];
  override: { reason: string; at: string } | null;
  checks: { code: string; ok: boolean; params?: Record<string, unknown> }[];
  decision: { decision: string; version: number; reasons: Ml; decidedAt: string; decidedByName: string; automatic: { code: string; ok: boolean; params?: Record<string, unknown> }[]; checklist: { code: string; ok: boolean; note?: string }[] } | null;
  can: { edit: boolean; submit: boolean; withdraw: boolean; decide: boolean; override: boolean; decisions: string[] };
};
export type Application = {
  id: string; reference: string; callId: string; callTitle: Ml; callPhase: string; closesAt: string; callTimezone: string;
  origin: { kind: string; id: string; data: Record<string, unknown> } | null; myMembership: { side: Side; role: string } | null;
  members: { userId: string; name: string; side: Side; role: string }[];
  organisations: { id: string; name: Ml; shortName: Ml; country: string; type: string }[];
  halves: Half[]; mirror: { field: string; BY: string; CN: string }[]; createdAt: string;
};
export type ApplicationSummary = { id: string; reference: string; callId: string; callTitle: Ml; title: Ml; closesAt: string; halves: { side: Side; status: string; submittedVersion: number }[]; myRole: string | null; mySide: Side | null };

export const keys = {
  calls: (phase?: string) => ['calls', phase ?? 'all'] as const,
  call: (idOrSlug: string) => ['call', idOrSlug] as const,
  application: (id: string) => ['application', id] as const,
  myApplications: ['applications', 'mine'] as const,
  callApplications: (callId: string) => ['applications', 'call', callId] as const,
};

export const useCalls = () => useQuery({ queryKey: keys.calls(), queryFn: () => get<CallSummary[]>('/api/calls') });
export const useCall = (idOrSlug: string) => useQuery({ queryKey: keys.call(idOrSlug), queryFn: () => get<CallDetail>(`/api/calls/${idOrSlug}`) });
export const useApplication = (id: string) => useQuery({ queryKey: keys.application(id), queryFn: () => get<Application>(`/api/applications/${id}`) });
export const useMyApplications = (enabled = true) => useQuery({ queryKey: keys.myApplications, queryFn: () => get<ApplicationSummary[]>('/api/applications'), enabled });
export const useCallApplications = (callId: string, enabled: boolean) =>
  useQuery({ queryKey: keys.callApplications(callId), queryFn: () => get<ApplicationSummary[]>(`/api/calls/${callId}/applications`), enabled });

/** Mutations that change an application refresh it (and the lists it appears in). */
function useAppMutation<V>(id: string, fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: async () => { await qc.invalidateQueries({ queryKey: keys.application(id) }); await qc.invalidateQueries({ queryKey: ['applications'] }); } });
}

export function useStartApplication(callId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { side?: Side; origin?: { kind: string; id: string; candidateProfileId?: string } }) => post<{ id: string }>(`/api/calls/${callId}/applications`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['applications'] }),
  });
}
export const saveSection = (id: string, side: Side, key: string, baseVersion: number, content: unknown) =>
  put<{ version: number; content: Record<string, unknown> }>(`/api/applications/${id}/halves/${side}/sections/${key}`, { baseVersion, content });
export const useSubmitHalf = (id: string) => useAppMutation(id, (side: Side) => post<{ version: number; sha256: string }>(`/api/applications/${id}/halves/${side}/submit`));
export const useWithdrawHalf = (id: string) => useAppMutation(id, (side: Side) => post(`/api/applications/${id}/halves/${side}/withdraw`));
export const useOverride = (id: string) => useAppMutation(id, (v: { side: Side; reason: string }) => post(`/api/applications/${id}/halves/${v.side}/mirror-override`, { reason: v.reason }));
export const useDecide = (id: string) => useAppMutation(id, (v: { side: Side; decision: string; reasons: Ml; checklist: { code: string; ok: boolean; note?: string }[] }) =>
  post(`/api/applications/${id}/halves/${v.side}/eligibility`, { decision: v.decision, reasons: v.reasons, checklist: v.checklist }));
export function useInvite(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { side: Side; role: string; email: string }) => post<{ id: string; link: string }>(`/api/applications/${id}/invitations`, v), onSuccess: () => qc.invalidateQueries({ queryKey: keys.application(id) }) });
}
export const useUpload = (id: string) => useAppMutation(id, (v: { side: Side; code: string; file: File }) => {
  const fd = new FormData();
  fd.append('file', v.file);
  return api('POST', `/api/applications/${id}/halves/${v.side}/attachments/${v.code}`, fd);
});
export const joinApplication = (token: string) => post<{ id: string }>('/api/applications/join', { token });
