// The scheduling console's API: response types inferred from the server's schemas
// (src/modules/scheduling/schema.ts), query keys, queries and mutations.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as s from '@server/modules/scheduling/schema.ts';
import type { meetingOut } from '@server/modules/events/schema.ts';
import type { RunStatus } from '@shared/enums.ts';
import { get, post, type Out } from '../../app/api.ts';
import { eventKeys, freeSlotsQuery } from '../events/api.ts';

type RunOut = Out<typeof s.runOut>;
type RunDetailOut = Out<typeof s.runDetailOut>;
export type Overview = Out<typeof s.consoleOverview>;
export type Placement = NonNullable<RunDetailOut['proposal']>['placements'][string];
export type Meeting = Out<typeof meetingOut>;
// The server sends the run's status as stored text and its settings and best result as free-form JSON
// (task_runs.params / best); these are the shapes the scheduler writes there.
type RunFields = {
  status: RunStatus; best: { scheduled?: number; weight?: number; breaks?: number; objective?: 'weight' | 'count'; upperBound?: number; breaksLowerBound?: number } | null;
  settings: { timeLimitSeconds: number; seed: number; incremental: boolean; allowMoves: boolean };
};
export type RunSummary = Omit<RunOut, keyof RunFields> & RunFields;
export type Proposal = Omit<NonNullable<RunDetailOut['proposal']>, 'summary'> & {
  summary: { requested: number; scheduled: number; weight: number; totalWeight: number; upperBound: number; weightGap: number; moreMeetingsAtMost: number;
    breaks: number; maxBreaks: number; breaksLowerBound: number; seconds: number; movedPublished: number; changedMeetings: number; changedParticipants: number };
};
export type RunDetail = Omit<RunDetailOut, keyof RunFields | 'proposal'> & RunFields & { proposal: Proposal | null };
export const isActive = (r: RunSummary | Overview['runs'][number] | undefined | null) => !!r && (r.status === 'queued' || r.status === 'running');
export const attendeeNames = (m: Meeting) => m.participants.filter((p) => p.isRequester || p.response === 'accepted').map((p) => p.name).join(', ');

export const schedulingKeys = {
  overview: (eventId: string) => ['scheduling', eventId] as const,
  run: (eventId: string, runId: string) => ['scheduling-run', eventId, runId] as const,
  meetings: (eventId: string) => ['scheduling-meetings', eventId] as const,
};

export const overviewQuery = (eventId: string) => queryOptions({
  queryKey: schedulingKeys.overview(eventId), queryFn: () => get<Overview>(`/api/events/${eventId}/scheduling`),
});
/** A run, polled every second while it is queued or running. */
export const runQuery = (eventId: string, runId: string) => queryOptions({
  queryKey: schedulingKeys.run(eventId, runId),
  queryFn: () => get<RunDetail>(`/api/events/${eventId}/scheduling/runs/${runId}`),
  refetchInterval: (q) => (isActive(q.state.data) || !q.state.data ? 1000 : false),
});
export const consoleMeetingsQuery = (eventId: string) => queryOptions({
  queryKey: schedulingKeys.meetings(eventId), queryFn: () => get<Meeting[]>(`/api/events/${eventId}/meetings`),
});
export { freeSlotsQuery };

/** Starts a run; `overviewId` is the id or slug the console's overview was loaded by. */
export function useStartRun(overviewId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ eventId, ...body }: { eventId: string; timeLimitSeconds: number; seed: number; incremental: boolean; allowMoves: boolean; moveSelfBooked: boolean; objective: 'weight' | 'count' }) =>
      post<{ id: string }>(`/api/events/${eventId}/scheduling/runs`, body),
    // Also after a refusal: "a run is in progress" means the overview is stale.
    onSettled: () => qc.invalidateQueries({ queryKey: schedulingKeys.overview(overviewId) }),
  });
}

export function useApplyRun(eventId: string, runId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (stage: 'preliminary' | 'final') => post<{ changedMeetings: number; notified: number }>(`/api/events/${eventId}/scheduling/runs/${runId}/apply`, { stage }),
    onSuccess: () => qc.invalidateQueries({ queryKey: schedulingKeys.meetings(eventId) }),
  });
}

export function useCancelRun(eventId: string, runId: string) {
  return useMutation({ mutationFn: () => post(`/api/events/${eventId}/scheduling/runs/${runId}/cancel`) });
}

/** Locks or unlocks a meeting, or moves it to another slot (locked there). */
export function useMeetingPlacement(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ meetingId, change }: { meetingId: string; change: 'lock' | 'unlock' | { slotId: string } }) =>
      typeof change === 'string' ? post(`/api/events/${eventId}/meetings/${meetingId}/${change}`) : post(`/api/events/${eventId}/meetings/${meetingId}/move`, change),
    onSuccess: () => Promise.all([
      qc.invalidateQueries({ queryKey: schedulingKeys.meetings(eventId) }), qc.invalidateQueries({ queryKey: eventKeys.eventMeetings(eventId) }),
    ]),
  });
}
