// Request and response shapes of the scheduling console.
import { z } from 'zod';
import { mlOut } from '../../shared/ml-schema.ts';

export const startRunBody = z.object({
  timeLimitSeconds: z.number().int().min(1).max(300).default(10),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  /** Keep published meetings in place and place the new or changed ones. */
  incremental: z.boolean().default(false),
  /** In the incremental mode: may published meetings move (as few as possible) to place new ones? */
  allowMoves: z.boolean().default(false),
  /** May meetings that participants booked themselves move (as few as possible)? Default: they stay where they are. */
  moveSelfBooked: z.boolean().default(false),
  /** What comes first: the total weight of priorities, or the number of meetings (priority breaks ties). */
  objective: z.enum(['weight', 'count']).default('weight'),
}).strict();

export const applyBody = z.object({ stage: z.enum(['preliminary', 'final']) }).strict();

export const moveBody = z.object({
  slotId: z.string().uuid(),
  table: z.number().int().min(1).max(1000).optional(),
  /** Lock the meeting where it is put (default), so the next run keeps it. */
  lock: z.boolean().default(true),
}).strict();

export const eventParams = z.object({ id: z.string().min(1).max(100) }).strict();
export const runParams = z.object({ id: z.string().min(1).max(100), runId: z.string().uuid() }).strict();
export const meetingParams = z.object({ id: z.string().min(1).max(100), meetingId: z.string().uuid() }).strict();

const placement = z.object({ slot: z.string(), table: z.number().nullable(), interpreter: z.string().nullable() });
export const runOut = z.object({
  id: z.string(), status: z.string(), progress: z.number(), best: z.record(z.string(), z.unknown()).nullable(), error: z.string().nullable(),
  createdAt: z.string(), finishedAt: z.string().nullable(),
  settings: z.object({ timeLimitSeconds: z.unknown(), seed: z.unknown(), incremental: z.unknown(), allowMoves: z.unknown(), moveSelfBooked: z.unknown() }),
});
export const runDetailOut = runOut.extend({
  proposal: z.object({
    summary: z.record(z.string(), z.union([z.number(), z.string()])),
    placements: z.record(z.string(), placement),
    unscheduled: z.array(z.object({ meeting: z.string(), reason: z.string() })),
    changes: z.array(z.object({ meeting: z.string(), from: placement.nullable(), to: placement.nullable(), newlyPublished: z.boolean() })),
    /** Every self-booked meeting the proposal moves, with why it may (absent in runs made before this field). */
    selfBookedMoves: z.array(z.object({ meeting: z.string(), from: placement, to: placement.nullable(),
      reason: z.enum(['moves_allowed', 'no_longer_possible']) })).optional(),
    affected: z.record(z.string(), z.array(z.string())),
    violations: z.array(z.string()),
    meetingParticipants: z.record(z.string(), z.array(z.string())),
  }).nullable(),
  people: z.record(z.string(), z.object({ name: z.string(), organisationName: z.string().nullable(), timezone: z.string() })),
  slotTimes: z.record(z.string(), z.object({ startsAt: z.string(), endsAt: z.string() })),
});

/** The console's overview (queries.ts overview). */
export const consoleOverview = z.object({
  event: z.object({ id: z.string(), slug: z.string(), title: mlOut, timezone: z.string(), format: z.string(), bookingMode: z.string(), scheduleVersion: z.number() }),
  stage: z.string().nullable().describe('preliminary | final; null before a schedule was applied'),
  appliedRunId: z.string().nullable(), appliedAt: z.string().nullable(),
  runs: z.array(runOut).describe('The latest five'),
  slots: z.array(z.object({
    id: z.string(), startsAt: z.string(), endsAt: z.string(), blockId: z.string(), blockTitle: mlOut,
    tables: z.number().nullable().describe('null: online or unlimited'), past: z.boolean(),
  })),
});

/** The event in the scheduler interchange format (docs/scheduling-format.md) with the extra fields the engine ignores (proposal.ts EventExport). */
export const eventExportOut = z.object({
  eventId: z.string(), name: z.string(), timezoneEvent: z.string(),
  slots: z.array(z.object({ id: z.string(), start: z.string(), end: z.string(), session: z.string(), blockId: z.string(), tables: z.number().nullable() })),
  tables: z.number().nullable(),
  meetings: z.array(z.object({
    id: z.string(), participants: z.array(z.string()), priority: z.number(), mode: z.enum(['onsite', 'online']), session: z.string().nullable(),
    lockedSlot: z.string().nullable(), needsInterpreter: z.array(z.string()),
    kind: z.string(), locked: z.boolean(), published: z.boolean(), selfBooked: z.boolean().optional(), current: placement.nullable(),
  })),
  participants: z.array(z.object({ id: z.string(), country: z.string().optional(), timezone: z.string().optional(), unavailableSlots: z.array(z.string()) })),
  interpreters: z.array(z.object({ id: z.string(), languages: z.array(z.string()), unavailableSlots: z.array(z.string()) })),
});
