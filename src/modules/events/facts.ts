// Facts other modules need about meetings (the review module's conflict rules): meetings that took
// place (a participant recorded "took place"), with their participants and organisations.
import { eq, gte, and, inArray } from 'drizzle-orm';
import { eventSlots, meetingOutcomes, meetingParticipants, meetings } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';

export type HeldMeeting = { id: string; at: Date; participants: { userId: string; organisationId: string | null }[] };

/** Meetings held since `since` that any of these people took part in. */
export async function heldMeetingsOf(db: Tx, userIds: string[], since: Date): Promise<HeldMeeting[]> {
  if (!userIds.length) return [];
  const mine = await db.selectDistinct({ id: meetingParticipants.meetingId }).from(meetingParticipants).where(inArray(meetingParticipants.userId, userIds));
  if (!mine.length) return [];
  const held = await db.selectDistinct({ id: meetings.id, at: eventSlots.startsAt }).from(meetings)
    .innerJoin(eventSlots, eq(eventSlots.id, meetings.slotId))
    .innerJoin(meetingOutcomes, and(eq(meetingOutcomes.meetingId, meetings.id), eq(meetingOutcomes.attendance, 'took_place')))
    .where(and(inArray(meetings.id, mine.map((m) => m.id)), gte(eventSlots.startsAt, since)));
  if (!held.length) return [];
  const parts = await db.select().from(meetingParticipants).where(inArray(meetingParticipants.meetingId, held.map((h) => h.id)));
  return held.map((h) => ({ id: h.id, at: h.at, participants: parts.filter((p) => p.meetingId === h.id).map((p) => ({ userId: p.userId, organisationId: p.organisationId })) }));
}
