// Placing a meeting into a slot. The database guarantees the invariants: the primary key of
// meeting_slot_occupancy (slot, person) and the partial unique index meetings_slot_table_uq
// (slot, table) reject a second booking whatever the timing; checks in code only make the
// common case's error message precise. Callers run this inside their transaction and wrap
// the transaction with `mapBookingConflict` so a violation becomes a clear 409.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { eventRegistrations, eventSessions, eventSlots, eventUnavailability, meetingParticipants, meetings, meetingSlotOccupancy } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../platform/db-errors.ts';
import type { EventRow } from './events.ts';
import { firstFreeTable } from './slots.ts';
import { placeMeetings, type MeetingRow } from './placement.ts';

export type { MeetingRow } from './placement.ts';

/** People who will sit in the meeting: the requester and invitees who accepted. */
export async function attendeesOf(tx: Tx, meetingId: string): Promise<string[]> {
  const rows = await tx.select({ userId: meetingParticipants.userId, response: meetingParticipants.response, isRequester: meetingParticipants.isRequester })
    .from(meetingParticipants).where(eq(meetingParticipants.meetingId, meetingId));
  return rows.filter((r) => r.isRequester || r.response === 'accepted').map((r) => r.userId);
}

export async function mapBookingConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e, 'meeting_slot_occupancy') || isExclusionViolation(e, 'meeting_occupancy_no_overlap')) throw new AppError('participant_busy');
    if (isUniqueViolation(e, 'meetings_slot_table_uq')) throw new AppError('table_taken');
    throw e;
  }
}

/** An exclusion constraint refused the row (SQLSTATE 23P01), e.g. one person in two overlapping slots. */
export function isExclusionViolation(e: unknown, constraint: string): boolean {
  for (let x = e as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined; x; x = x.cause as typeof x) {
    if (x.code === '23P01') return (x.constraint ?? '') === constraint || (x.message ?? '').includes(constraint);
  }
  return false;
}

/** Who of `people` is already in another meeting at a time overlapping `slotId` (any meeting block). */
export async function busyAtSlotTime(tx: Tx, slotId: string, people: string[], exceptMeetingId: string): Promise<string[]> {
  if (!people.length) return [];
  const rows = await tx.select({ userId: meetingSlotOccupancy.userId }).from(meetingSlotOccupancy)
    .where(and(inArray(meetingSlotOccupancy.userId, people), sql`${meetingSlotOccupancy.meetingId} <> ${exceptMeetingId}`,
      sql`${meetingSlotOccupancy.during} && (SELECT tstzrange(s.starts_at, s.ends_at, '[)') FROM event_slots s WHERE s.id = ${slotId})`));
  return rows.map((r) => r.userId);
}

export async function releaseSlot(tx: Tx, meetingId: string) {
  await tx.delete(meetingSlotOccupancy).where(eq(meetingSlotOccupancy.meetingId, meetingId));
}

export async function bookMeeting(tx: Tx, ctx: RequestContext, e: EventRow, m: MeetingRow, slotId: string, tableNo?: number, opts: { allowPast?: boolean } = {}) {
  const [slot] = await tx.select({ s: eventSlots, block: eventSessions }).from(eventSlots).innerJoin(eventSessions, eq(eventSessions.id, eventSlots.sessionId))
    .where(and(eq(eventSlots.id, slotId), eq(eventSlots.eventId, e.id)));
  if (!slot) throw new AppError('validation_failed', { fields: [{ path: 'slotId', code: 'invalid' }] });
  if (!opts.allowPast && slot.s.startsAt <= ctx.clock.now()) throw new AppError('slot_past');
  const people = await attendeesOf(tx, m.id);
  if (m.interpreterUserId) people.push(m.interpreterUserId);

  const unavailable = await tx.select({ userId: eventUnavailability.userId }).from(eventUnavailability)
    .where(and(eq(eventUnavailability.slotId, slotId), inArray(eventUnavailability.userId, people)));
  if (unavailable.length) throw new AppError('slot_unavailable');
  // Same slot or an overlapping slot of another block; the exclusion constraint is the final guard.
  if ((await busyAtSlotTime(tx, slotId, people, m.id)).length) throw new AppError('participant_busy');

  const tables = slot.block.tables ?? 0;
  let table: number | null = null;
  if (tables > 0) {
    if (tableNo !== undefined) {
      if (tableNo > tables) throw new AppError('validation_failed', { fields: [{ path: 'tableNo', code: 'too_big', params: { max: tables } }] });
      table = tableNo;
    } else {
      const taken = await tx.select({ t: meetings.tableNo }).from(meetings)
        .where(and(eq(meetings.slotId, slotId), eq(meetings.status, 'scheduled'), isNotNull(meetings.tableNo), sql`${meetings.id} <> ${m.id}`));
      table = firstFreeTable(tables, taken.map((x) => x.t!));
      if (table === null) throw new AppError('no_table_free');
    }
  }

  const video = await placeMeetings(tx, ctx, e, [{ meeting: m, to: { slotId, tableNo: table, interpreterUserId: m.interpreterUserId } }], { publish: 'self-booking', bookedBy: ctx.actor?.userId ?? null });
  return { slotId, startsAt: slot.s.startsAt, tableNo: table, videoUrl: video.get(m.id) ?? null };
}

/** The key of a bilateral meeting's pair (smaller id first), backing the one-open-request-per-pair index. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);

/**
 * Checks the organiser's maximum for every person who will count this meeting (requester included),
 * holding each one's registration row lock (taken in id order, so two acceptances cannot deadlock), and
 * throws for the first one who would go over. Counting happens under the locks, so parallel acceptances
 * of one person's meetings cannot both pass.
 */
export async function assertMeetingLimits(tx: Tx, e: { id: string; maxMeetingsPerParticipant: number }, meetingId: string | undefined,
  people: { userId: string; self: boolean }[]) {
  const sorted = [...people].sort((a, b) => (a.userId < b.userId ? -1 : 1));
  for (const p of sorted) {
    await tx.select({ id: eventRegistrations.id }).from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, e.id), eq(eventRegistrations.userId, p.userId))).for('update');
  }
  for (const p of sorted) {
    if ((await activeMeetingCount(tx, e.id, p.userId, meetingId)) >= e.maxMeetingsPerParticipant) {
      throw new AppError(p.self ? 'meeting_limit_reached' : 'partner_meeting_limit_reached', { params: { max: e.maxMeetingsPerParticipant } });
    }
  }
}

/** Accepted and scheduled meetings a person already has at this event (the organiser's maximum applies to them). */
export async function activeMeetingCount(tx: Tx, eventId: string, userId: string, exceptMeetingId?: string): Promise<number> {
  const rows = await tx.select({ id: meetings.id }).from(meetings).innerJoin(meetingParticipants, eq(meetingParticipants.meetingId, meetings.id))
    .where(and(eq(meetings.eventId, eventId), eq(meetingParticipants.userId, userId), inArray(meetings.status, ['accepted', 'scheduled']),
      sql`(${meetingParticipants.isRequester} OR ${meetingParticipants.response} = 'accepted')`));
  return rows.filter((r) => r.id !== exceptMeetingId).length;
}
