// Interchange format of the meeting scheduler (docs/scheduling-format.md) and the engine's result types.
// Extra fields are allowed everywhere (loose objects) so exports from other tools pass through.
import { z } from 'zod';

export const slotSchema = z.looseObject({
  id: z.string().min(1),
  start: z.string(),
  end: z.string(),
  session: z.string().min(1),
});

export const participantSchema = z.looseObject({
  id: z.string().min(1),
  country: z.string().optional(),
  timezone: z.string().optional(),
  unavailableSlots: z.array(z.string()).optional().default([]),
});

export const meetingSchema = z.looseObject({
  id: z.string().min(1),
  participants: z.array(z.string().min(1)).min(2),
  priority: z.number().int().min(1).max(3).optional().default(1),
  mode: z.enum(['onsite', 'online']).optional().default('onsite'),
  session: z.string().nullable().optional().default(null),
  lockedSlot: z.string().nullable().optional().default(null),
  /** Languages the interpreter must cover, e.g. ["ru","zh"]; absent or empty: no interpreter. */
  needsInterpreter: z.array(z.string()).optional().default([]),
});

export const interpreterSchema = z.looseObject({
  id: z.string().min(1),
  languages: z.array(z.string()).min(1),
  unavailableSlots: z.array(z.string()).optional().default([]),
});

export const scheduleInputSchema = z.looseObject({
  name: z.string().optional(),
  timezoneEvent: z.string().optional(),
  slots: z.array(slotSchema).min(1),
  /** On-site tables per slot; null or absent: unlimited. */
  tables: z.number().int().min(0).nullable().optional().default(null),
  participants: z.array(participantSchema),
  meetings: z.array(meetingSchema),
  interpreters: z.array(interpreterSchema).optional().default([]),
  /** Where breaks are counted: within each session (default) or over all slots as one sequence (the benchmark's rule). */
  breakScope: z.enum(['session', 'all']).optional().default('session'),
});

export type ScheduleInput = z.output<typeof scheduleInputSchema>;
export type ScheduleInputRaw = z.input<typeof scheduleInputSchema>;
export type MeetingInput = ScheduleInput['meetings'][number];

export interface IncrementalOptions {
  /** Meetings already published: meeting id → slot id. */
  published: Record<string, string>;
  /** May published meetings be moved (as few as possible) to place new ones? */
  allowMoves: boolean;
}

export interface Progress {
  fraction: number;
  phase: 'construct' | 'improve' | 'done';
  scheduled: number;
  weight: number;
  breaks: number;
}

export interface SolveOptions {
  seed?: number;
  /** Wall-clock budget; the search also stops by itself when it cannot improve any more. */
  timeLimitMs?: number;
  /** Hard cap on search iterations; with it the result depends only on the seed (not on machine speed). */
  maxIterations?: number;
  onProgress?: (p: Progress) => void;
  incremental?: IncrementalOptions;
  /** Skip the HiGHS linear-programming bounds (the combinatorial ones are always computed). */
  skipLpBound?: boolean;
}

export interface Assignment {
  meeting: string;
  slot: string;
  /** Table number 1..tables, on-site meetings only. */
  table?: number;
  interpreter?: string;
}

export interface Unscheduled {
  meeting: string;
  reason: string;
}

export interface Certificate {
  /** No schedule can reach a larger total weight. */
  upperBound: number;
  /** Which relaxation gave the bound. */
  upperBoundSource: string;
  /** No schedule that reaches `weight` can have fewer breaks (a weak bound; 0 when nothing forces a gap). */
  breaksLowerBound: number;
  weightGap: number;
  breaksGap: number;
}

export interface ScheduleResult {
  assignments: Assignment[];
  unscheduled: Unscheduled[];
  scheduled: number;
  requested: number;
  weight: number;
  totalWeight: number;
  breaks: number;
  maxBreaks: number;
  breaksByParticipant: Record<string, number>;
  /** Published meetings (incremental mode) that are no longer in their published slot. */
  movedPublished: string[];
  certificate: Certificate;
  seconds: number;
  iterations: number;
}

export class ScheduleInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleInputError';
  }
}
