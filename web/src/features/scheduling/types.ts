// Shapes of the scheduling console API (src/modules/scheduling).
import type { Ml } from '@shared/languages.ts';

export type Placement = { slot: string; table: number | null; interpreter: string | null };
export type RunSummary = {
  id: string; status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled'; progress: number; best: { scheduled?: number; weight?: number; breaks?: number; objective?: 'weight' | 'count'; upperBound?: number; breaksLowerBound?: number } | null;
  error: string | null; createdAt: string; finishedAt: string | null;
  settings: { timeLimitSeconds: number; seed: number; incremental: boolean; allowMoves: boolean };
};
export type Proposal = {
  summary: { requested: number; scheduled: number; weight: number; totalWeight: number; upperBound: number; weightGap: number; moreMeetingsAtMost: number;
    breaks: number; maxBreaks: number; breaksLowerBound: number; objective?: string; seconds: number; movedPublished: number; changedMeetings: number; changedParticipants: number };
  placements: Record<string, Placement>;
  unscheduled: { meeting: string; reason: string }[];
  changes: { meeting: string; from: Placement | null; to: Placement | null; newlyPublished: boolean }[];
  /** Self-booked meetings the proposal moves, with the reason (absent in older runs). */
  selfBookedMoves?: { meeting: string; from: Placement; to: Placement | null; reason: 'moves_allowed' | 'no_longer_possible' }[];
  affected: Record<string, string[]>;
  violations: string[];
  meetingParticipants: Record<string, string[]>;
};
export type RunDetail = RunSummary & {
  proposal: Proposal | null;
  people: Record<string, { name: string; organisationName: string | null; timezone: string }>;
  slotTimes: Record<string, { startsAt: string; endsAt: string }>;
};
export type Overview = {
  event: { id: string; slug: string; title: Ml; timezone: string; format: string; bookingMode: string; scheduleVersion: number };
  stage: 'preliminary' | 'final' | null; appliedRunId: string | null; appliedAt: string | null;
  runs: RunSummary[];
  slots: { id: string; startsAt: string; endsAt: string; blockId: string; blockTitle: Ml; tables: number | null; past: boolean }[];
};
export type Meeting = {
  id: string; kind: string; status: string; priority: string; slotId: string | null; startsAt: string | null; tableNo: number | null; locked: boolean; published: boolean;
  interpreter: { userId: string; name: string } | null;
  participants: { userId: string; name: string; organisationName: string; response: string; isRequester: boolean }[];
};
export const isActive = (r: RunSummary | undefined | null) => !!r && (r.status === 'queued' || r.status === 'running');
export const attendeeNames = (m: Meeting) => m.participants.filter((p) => p.isRequester || p.response === 'accepted').map((p) => p.name).join(', ');
