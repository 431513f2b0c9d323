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
  /** Meetings (ids) that must be held strictly earlier than this one when both are held. */
  after: z.array(z.string()).optional().default([]),
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
  /** Fairness: no two participants' breaks differ by more than this (hard); null or absent: no limit. */
  maxBreaksDifference: z.number().int().min(0).nullable().optional().default(null),
});

export type ScheduleInput = z.output<typeof scheduleInputSchema>;
export type ScheduleInputRaw = z.input<typeof scheduleInputSchema>;
export type MeetingInput = ScheduleInput['meetings'][number];

export interface IncrementalOptions {
  /** Meetings already published: meeting id → slot id. */
  published: Record<string, string>;
  /** May published meetings be moved (as few as possible) to place new ones? */
  allowMoves: boolean;
  /** Published tables: meeting id → table. A meeting that stays in its published slot keeps its table. */
  tables?: Record<string, number>;
}

export interface Progress {
  fraction: number;
  phase: 'construct' | 'improve' | 'done';
  scheduled: number;
  weight: number;
  breaks: number;
  /** The certificate so far (it improves when the LP bounds arrive): bound of the objective (weight or count). */
  upperBound: number;
  breaksLowerBound: number;
}

/** What comes first: the total weight (sum of priorities; default) or the number of meetings (priority breaks ties). */
export type Objective = 'weight' | 'count';

export interface SolveOptions {
  seed?: number;
  objective?: Objective;
  /** Wall-clock budget; the search also stops by itself when it cannot improve any more. */
  timeLimitMs?: number;
  /** Hard cap on search iterations; with it the result depends only on the seed (not on machine speed). */
  maxIterations?: number;
  onProgress?: (p: Progress) => void;
  incremental?: IncrementalOptions;
  /** Skip the HiGHS linear-programming bounds (the combinatorial ones are always computed). */
  skipLpBound?: boolean;
  /** Search parameters (docs/scheduling-format.md, "Solver options"); the defaults were tuned on the forum instances. */
  tuning?: Partial<Tuning>;
}

/** Knobs of the search. Every field has a default in DEFAULT_TUNING. */
export interface Tuning {
  /** Cost of one idle slot inside a participant's span (a slope towards closing gaps; not part of the objective). */
  idleCost: number;
  /** Repair stops after this many iterations plus `repairStagnationPerMeeting` × meetings without a weight gain. */
  repairStagnation: number;
  repairStagnationPerMeeting: number;
  /** Share of the time budget by which the repair after the LP bounds ends (annealing after it). */
  repairUntil: number;
  /** Annealing: iterations per round (at least 20 × meetings), start and end temperature, rounds without a better
   * schedule before stopping. */
  roundIterations: number;
  t0: number;
  t1: number;
  patienceRounds: number;
  /** Share of moves that swap two whole slots. */
  slotSwapRate: number;
  /** Restart from the best schedule every this many rounds. */
  restoreEvery: number;
  /** Share of moves that start from a meeting of a participant with a break. */
  focus: number;
  /** Share of target slots chosen next to another meeting of a participant. */
  nearRate: number;
  /** Share of gap-shift moves, and of those the share that shift by one slot only. */
  shiftRate: number;
  shiftOneRate: number;
  /** Tries to balance a Kempe chain that overflows the tables with a chain going the other way. */
  balanceTries: number;
}

export const DEFAULT_TUNING: Tuning = {
  idleCost: 0.2, repairStagnation: 20000, repairStagnationPerMeeting: 20, repairUntil: 0.5, roundIterations: 400000, t0: 0.6, t1: 0.1,
  patienceRounds: 8, slotSwapRate: 0.02, restoreEvery: 1, focus: 0.9, nearRate: 0.7, shiftRate: 0.3, shiftOneRate: 0,
  balanceTries: 3,
};

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
  objective: Objective;
  /** No schedule can reach a larger total weight. */
  upperBound: number;
  /** No schedule can hold more meetings. */
  countUpperBound: number;
  /** Which relaxation gave the bound. */
  upperBoundSource: string;
  /** No schedule that reaches `weight` can have fewer breaks (a weak bound; 0 when nothing forces a gap). */
  breaksLowerBound: number;
  weightGap: number;
  countGap: number;
  breaksGap: number;
  /** The objective's gap and the breaks gap are both 0: no schedule is better (lexicographically). */
  proven: boolean;
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
  /** Most minus fewest breaks of a participant (the fairness measure; limit: input maxBreaksDifference). */
  breaksDifference: number;
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
