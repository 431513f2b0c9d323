// The review API for the web: types, query keys and mutations in one place.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, put } from '../../app/api.ts';
import type { Ml } from '@shared/languages.ts';

export type Side = 'BY' | 'CN';
export type Criterion = { code: string; title: Ml; weight: number; scaleMin: number; scaleMax: number; step: number; threshold?: number | null; anchors?: { level: number; text: Ml }[] };
export type Expert = { userId: string; name: string; country: string; statement: Ml; keywords: string[]; areas: string[]; maxLoad: number; available: boolean };
export type Panel = { callId: string; side: Side; conflictYears: number; reviewsPerHalf: number; mixQuota: Record<string, number> | null; biddingOpen: boolean; reviewDeadline: string | null;
  divergenceThreshold: number; releasedAt: string | null; canManage: boolean; criteria: Criterion[]; members: (Expert & { status: string })[] };
export type SideAssignments = {
  run: { id: string; mode: string; objective: number; upperBound: number; worstApplication: number; seconds: number; lang: string; excludedConflicts: number; createdAt: string } | null;
  assignments: { id: string; applicationId: string; reference: string; expertUserId: string; expertName: string; expertCountry: string; affinity: number; reasons: string[]; status: string; removedReason: string | null; late: boolean; reviewStatus: string | null }[];
};
export type Conflict = { applicationId: string; reference: string; expertUserId: string; expertName: string; reasons: { code: string; params: Record<string, string>; organisation: Ml | null }[] };
export type Calibration = { sigma: number; threshold: number; leniency: { expertUserId: string; expertName: string; leniency: number }[];
  applications: { application: string; reference: string; reviews: number; rawMean: number; calibrated: number; low: number; high: number; spread: number; divergent: boolean;
    consensus: { report: string; finalScore: number } | null }[] };
export type MyAssignment = { id: string; callId: string; callTitle: Ml; side: Side; reference: string; status: 'assigned' | 'confirmed' | 'submitted'; title: Ml | null; deadline: string | null; late: boolean; reviewStatus: string | null };
export type Review = { scores: Record<string, number>; commentToApplicants: string; commentToOfficer: string; recommendation: 'fund' | 'fund_with_changes' | 'reject' | null; confidence: number | null; version: number; status: 'draft' | 'submitted'; updatedAt: string | null };
export type Assigned = { id: string; side: Side; reference: string; callTitle: Ml; status: string; half: { title: Ml; abstract: Ml; areas: string[] }; criteria: Criterion[]; deadline: string | null; late: boolean; review: Review };
export type Invitation = { callId: string; side: Side; status: string; invitedAt: string; callTitle: Ml };

export const reviewKeys = {
  panel: (callId: string, side: Side) => ['review', 'panel', callId, side] as const,
  assignments: (callId: string, side: Side) => ['review', 'assignments', callId, side] as const,
  conflicts: (callId: string, side: Side) => ['review', 'conflicts', callId, side] as const,
  calibration: (callId: string, side: Side) => ['review', 'calibration', callId, side] as const,
  pool: (country: string) => ['review', 'pool', country] as const,
  mine: ['review', 'mine'] as const,
  invitations: ['review', 'invitations'] as const,
  assigned: (id: string) => ['review', 'assigned', id] as const,
};
const base = (callId: string, side: Side) => `/api/calls/${callId}/review/${side}`;

export const usePanel = (callId: string, side: Side) => useQuery({ queryKey: reviewKeys.panel(callId, side), queryFn: () => get<Panel>(base(callId, side)) });
export const useSideAssignments = (callId: string, side: Side) => useQuery({ queryKey: reviewKeys.assignments(callId, side), queryFn: () => get<SideAssignments>(`${base(callId, side)}/assignments`) });
export const useConflicts = (callId: string, side: Side) => useQuery({ queryKey: reviewKeys.conflicts(callId, side), queryFn: () => get<Conflict[]>(`${base(callId, side)}/conflicts`) });
export const useCalibration = (callId: string, side: Side) => useQuery({ queryKey: reviewKeys.calibration(callId, side), queryFn: () => get<Calibration>(`${base(callId, side)}/calibration`) });
export const usePool = (country: string, enabled: boolean) => useQuery({ queryKey: reviewKeys.pool(country), queryFn: () => get<Expert[]>('/api/review/experts', { country }), enabled });
export const useMyAssignments = () => useQuery({ queryKey: reviewKeys.mine, queryFn: () => get<MyAssignment[]>('/api/review/assignments') });
export const useMyInvitations = () => useQuery({ queryKey: reviewKeys.invitations, queryFn: () => get<Invitation[]>('/api/review/invitations') });
export const useAssigned = (id: string, enabled: boolean) => useQuery({ queryKey: reviewKeys.assigned(id), queryFn: () => get<Assigned>(`/api/review/assignments/${id}`), enabled, retry: false });

export function useRunAssignment(callId: string, side: Side) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { mode: 'optimal' | 'fair' | 'randomised'; q?: number; seed?: number }) => post<{ objective: number; upperBound: number; assignments: number }>(`${base(callId, side)}/assignment-runs`, b),
    onSuccess: () => qc.invalidateQueries({ queryKey: reviewKeys.assignments(callId, side) }),
  });
}
export function useInvite(callId: string, side: Side) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (ids: string[]) => post<{ invited: number }>(`${base(callId, side)}/invitations`, { expertUserIds: ids }), onSuccess: () => qc.invalidateQueries({ queryKey: reviewKeys.panel(callId, side) }) });
}
export function useReassign(callId: string, side: Side) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (b: { id: string; reason: string }) => post(`/api/review/assignments/${b.id}/reassign`, { reason: b.reason }), onSuccess: () => qc.invalidateQueries({ queryKey: reviewKeys.assignments(callId, side) }) });
}
export function useRelease(callId: string, side: Side) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => post(`${base(callId, side)}/release`), onSuccess: () => qc.invalidateQueries({ queryKey: reviewKeys.panel(callId, side) }) });
}
export function useRespond() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (b: { callId: string; side: Side; accept: boolean }) => post(`/api/calls/${b.callId}/review/${b.side}/invitations/respond`, { accept: b.accept }),
    onSuccess: () => qc.invalidateQueries({ queryKey: reviewKeys.invitations }) });
}
export function useConfirm(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (b: { noConflict: true } | { conflict: string }) => post<{ status: string; replacement: boolean }>(`/api/review/assignments/${id}/confirm`, b),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: reviewKeys.mine }), qc.invalidateQueries({ queryKey: reviewKeys.assigned(id) })]) });
}
export const saveDraft = (id: string, b: Omit<Review, 'version' | 'status' | 'updatedAt'> & { baseVersion: number }) => put<{ version: number; savedAt: string }>(`/api/review/assignments/${id}/review`, b);
export const submitReview = (id: string, baseVersion: number) => post(`/api/review/assignments/${id}/submit`, { baseVersion });
