// Placing a meeting into a slot. The database guarantees the invariants: the primary key of
// meeting_slot_occupancy (slot, person) and the partial unique index meetings_slot_table_uq
// (slot, table) reject a second booking whatever the timing; checks in code only make the
// common case's error message precise. Callers run this inside their transaction and wrap
// the transaction with `mapBookingConflict` so a violation becomes a clear 409.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { eventSessions, eventSlots, eventUnavailability, meetingParticipants, meetings, meetingSlotOccupancy } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { EventRow } from './events.ts';
import { isUniqueViolation } from './events.ts';
import { firstFreeTable, jitsiRoomUrl } from './slots.ts';

export type MeetingRow = typeof meetings.$inferSelect;

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
    if (isUniqueViolation(e, 'meeting_slot_occupancy')) throw new AppError('participant_busy', { status: 409 });
    if (isUniqueViolation(e, 'meetings_slot_table_uq')) throw new AppError('table_taken', { status: 409 });
    throw e;
  }
}

export async function releaseSlot(tx: Tx, meetingId: string) {
  await tx.delete(meetingSlotOccupancy).where(eq(meetingSlotOccupancy.meetingId, meetingId));
}

export async function bookMeeting(tx: Tx, ctx: RequestContext, e: EventRow, m: MeetingRow, slotId: string, tableNo?: number, opts: { allowPast?: boolean } = {}) {
  const [slot] = await tx.select({ s: eventSlots, block: eventSessions }).from(eventSlots).innerJoin(eventSessions, eq(eventSessions.id, eventSlots.sessionId))
    .where(and(eq(eventSlots.id, slotId), eq(eventSlots.eventId, e.id)));
  if (!slot) throw new AppError('validation_failed', { fields: [{ path: 'slotId', code: 'invalid' }] });
  if (!opts.allowPast && slot.s.startsAt <= ctx.clock.now()) throw new AppError('slot_past', { status: 409 });
  const people = await attendeesOf(tx, m.id);
  if (m.interpreterUserId) people.push(m.interpreterUserId);

  const unavailable = await tx.select({ userId: eventUnavailability.userId }).from(eventUnavailability)
    .where(and(eq(eventUnavailability.slotId, slotId), inArray(eventUnavailability.userId, people)));
  if (unavailable.length) throw new AppError('slot_unavailable', { status: 409 });
  const busy = await tx.select({ userId: meetingSlotOccupancy.userId }).from(meetingSlotOccupancy)
    .where(and(eq(meetingSlotOccupancy.slotId, slotId), inArray(meetingSlotOccupancy.userId, people), sql`${meetingSlotOccupancy.meetingId} <> ${m.id}`));
  if (busy.length) throw new AppError('participant_busy', { status: 409 });

  const tables = slot.block.tables ?? 0;
  let table: number | null = null;
  let videoUrl: string | null = null;
  if (tables > 0) {
    if (tableNo !== undefined) {
      if (tableNo > tables) throw new AppError('validation_failed', { fields: [{ path: 'tableNo', code: 'too_big', params: { max: tables } }] });
      table = tableNo;
    } else {
      const taken = await tx.select({ t: meetings.tableNo }).from(meetings)
        .where(and(eq(meetings.slotId, slotId), eq(meetings.status, 'scheduled'), isNotNull(meetings.tableNo), sql`${meetings.id} <> ${m.id}`));
      table = firstFreeTable(tables, taken.map((x) => x.t!));
      if (table === null) throw new AppError('no_table_free', { status: 409 });
    }
  } else {
    const room = e.venues.flatMap((v) => v.rooms).find((r) => r.id === slot.block.roomId);
    videoUrl = e.videoProvider === 'link' ? room?.videoUrl ?? e.videoLink : m.videoUrl ?? jitsiRoomUrl(ctx.config.VIDEO_BASE_URL, e.slug);
  }

  await releaseSlot(tx, m.id);
  await tx.update(meetings).set({
    slotId, tableNo: table, videoUrl, status: 'scheduled', published: e.bookingMode === 'self' || m.published,
    selfBooked: !!ctx.actor && people.includes(ctx.actor.userId),
    icsSequence: m.icsSequence + 1, reminderSentAt: null, updatedAt: ctx.clock.now(),
  }).where(eq(meetings.id, m.id));
  await tx.insert(meetingSlotOccupancy).values(people.map((userId) => ({ eventId: e.id, slotId, userId, meetingId: m.id })));
  return { slotId, startsAt: slot.s.startsAt, tableNo: table, videoUrl };
}

/** Accepted and scheduled meetings a person already has at this event (the organiser's maximum applies to them). */
export async function activeMeetingCount(tx: Tx, eventId: string, userId: string, exceptMeetingId?: string): Promise<number> {
  const rows = await tx.select({ id: meetings.id }).from(meetings).innerJoin(meetingParticipants, eq(meetingParticipants.meetingId, meetings.id))
    .where(and(eq(meetings.eventId, eventId), eq(meetingParticipants.userId, userId), inArray(meetings.status, ['accepted', 'scheduled']),
      sql`(${meetingParticipants.isRequester} OR ${meetingParticipants.response} = 'accepted')`));
  return rows.filter((r) => r.id !== exceptMeetingId).length;
}
