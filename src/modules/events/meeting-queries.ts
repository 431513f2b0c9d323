// Reads of meetings: one's own, an event's (organisers), free common slots, the personal agenda.
import { and, asc, eq, gt, inArray, ne, notInArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { eventRegistrations, events, eventSessions, eventSlots, eventUnavailability, meetingOutcomes, meetingParticipants, meetings, meetingSlotOccupancy, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notFound, forbidden } from '../../platform/errors.ts';
import { canManageEvents, canSeeMeeting, canViewEvent } from './policy.ts';
import { loadEvent, myRegistration } from './events.ts';
import { attendeesOf } from './booking.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function presentMeetings(tx: Tx, ids: string[], viewerId: string | null) {
  if (!ids.length) return [];
  const ms = await tx.select({ m: meetings, startsAt: eventSlots.startsAt, endsAt: eventSlots.endsAt }).from(meetings)
    .leftJoin(eventSlots, eq(eventSlots.id, meetings.slotId)).where(inArray(meetings.id, ids));
  const parts = await tx.select({ p: meetingParticipants, name: users.name, org: users.organisationName, country: users.country, timezone: users.timezone })
    .from(meetingParticipants).innerJoin(users, eq(users.id, meetingParticipants.userId)).where(inArray(meetingParticipants.meetingId, ids));
  const interpreterIds = ms.map((x) => x.m.interpreterUserId).filter((x): x is string => !!x);
  const interpreters = interpreterIds.length ? await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, interpreterIds)) : [];
  const outcomes = viewerId ? await tx.select().from(meetingOutcomes).where(and(inArray(meetingOutcomes.meetingId, ids), eq(meetingOutcomes.userId, viewerId))) : [];
  return ms.map(({ m, startsAt, endsAt }) => {
    const o = outcomes.find((x) => x.meetingId === m.id);
    const interp = interpreters.find((x) => x.id === m.interpreterUserId);
    return {
      id: m.id, eventId: m.eventId, kind: m.kind, status: m.status, priority: m.priority, message: m.message, reason: m.reason, requestedBy: m.requestedBy,
      expiresAt: iso(m.expiresAt), slotId: m.slotId, startsAt: iso(startsAt), endsAt: iso(endsAt), tableNo: m.tableNo,
      videoUrl: m.status === 'scheduled' ? m.videoUrl : null, locked: m.locked, published: m.published,
      interpreter: interp ? { userId: interp.id, name: interp.name } : null,
      participants: parts.filter((p) => p.p.meetingId === m.id).map((p) => ({
        userId: p.p.userId, name: p.name, organisationName: p.org, organisationId: p.p.organisationId, country: p.country, timezone: p.timezone,
        isRequester: p.p.isRequester, response: p.p.response,
      })),
      myOutcome: o ? { attendance: o.attendance, outcomes: o.outcomes, note: o.note } : null,
    };
  }).sort((a, b) => (a.startsAt ?? '9').localeCompare(b.startsAt ?? '9') || a.id.localeCompare(b.id));
}

export async function getMeeting(ctx: RequestContext, id: string) {
  const [m] = await ctx.db.select().from(meetings).where(eq(meetings.id, id));
  if (!m) throw notFound('meeting');
  const participantIds = (await ctx.db.select({ u: meetingParticipants.userId }).from(meetingParticipants).where(eq(meetingParticipants.meetingId, id))).map((r) => r.u);
  if (!canSeeMeeting(ctx.actor, { participantIds, interpreterUserId: m.interpreterUserId })) throw notFound('meeting');
  return (await presentMeetings(ctx.db, [id], ctx.actor!.userId))[0];
}

/** The viewer's meetings at an event (as participant or interpreter). */
export async function myMeetings(ctx: RequestContext, eventId: string) {
  const e = await loadEvent(ctx.db, eventId);
  const me = ctx.actor!.userId;
  const mine = await ctx.db.selectDistinct({ id: meetings.id }).from(meetings).leftJoin(meetingParticipants, eq(meetingParticipants.meetingId, meetings.id))
    .where(and(eq(meetings.eventId, e.id), or(eq(meetingParticipants.userId, me), eq(meetings.interpreterUserId, me))));
  return presentMeetings(ctx.db, mine.map((r) => r.id), me);
}

/** Every meeting of the event, for organisers. */
export async function eventMeetings(ctx: RequestContext, eventId: string) {
  if (!canManageEvents(ctx.actor)) throw forbidden();
  const e = await loadEvent(ctx.db, eventId);
  const rows = await ctx.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.eventId, e.id));
  return presentMeetings(ctx.db, rows.map((r) => r.id), ctx.actor!.userId);
}

/**
 * Slots where every attendee of the meeting is free (no other meeting, not marked unavailable), that
 * have not started, and, in blocks with tables, still have a free table.
 */
export async function freeSlots(ctx: RequestContext, meetingId: string) {
  const [m] = await ctx.db.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!m) throw notFound('meeting');
  const parts = await ctx.db.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, m.id));
  if (!canSeeMeeting(ctx.actor, { participantIds: parts.map((p) => p.userId), interpreterUserId: m.interpreterUserId })) throw notFound('meeting');
  // Before acceptance the invitees are counted too: the slot offered must suit everyone asked.
  const people = m.status === 'requested' ? parts.filter((p) => p.response !== 'declined').map((p) => p.userId) : await attendeesOf(ctx.db, m.id);
  if (m.interpreterUserId) people.push(m.interpreterUserId);
  const busy = ctx.db.select({ s: meetingSlotOccupancy.slotId }).from(meetingSlotOccupancy)
    .where(and(inArray(meetingSlotOccupancy.userId, people), sql`${meetingSlotOccupancy.meetingId} <> ${m.id}`));
  const unavailable = ctx.db.select({ s: eventUnavailability.slotId }).from(eventUnavailability).where(inArray(eventUnavailability.userId, people));
  const rows = await ctx.db.select({ id: eventSlots.id, startsAt: eventSlots.startsAt, endsAt: eventSlots.endsAt, tables: eventSessions.tables,
    used: sql<number>`(SELECT count(*)::int FROM ${meetings} x WHERE x.slot_id = ${eventSlots.id} AND x.status = 'scheduled' AND x.table_no IS NOT NULL AND x.id <> ${m.id})` })
    .from(eventSlots).innerJoin(eventSessions, eq(eventSessions.id, eventSlots.sessionId))
    .where(and(eq(eventSlots.eventId, m.eventId), sql`${eventSlots.startsAt} > ${ctx.clock.now().toISOString()}`,
      notInArray(eventSlots.id, busy), notInArray(eventSlots.id, unavailable)))
    .orderBy(asc(eventSlots.startsAt));
  return rows
    .map((r) => ({ id: r.id, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(), freeTables: r.tables ? r.tables - Number(r.used) : null }))
    .filter((r) => r.freeTables === null || r.freeTables > 0);
}

/** Sessions of the event and the viewer's scheduled meetings, in time order. */
export async function myAgenda(ctx: RequestContext, eventId: string) {
  const e = await loadEvent(ctx.db, eventId);
  if (!canViewEvent(ctx.actor, e, await myRegistration(ctx.db, e.id, ctx.actor))) throw notFound('event');
  const sessions = await ctx.db.select().from(eventSessions).where(and(eq(eventSessions.eventId, e.id), sql`${eventSessions.kind} <> 'meeting_block'`));
  const ms = (await myMeetings(ctx, e.id)).filter((m) => m.status === 'scheduled' && m.startsAt);
  // A meeting takes place in the room of its meeting block (if the organisers gave the block one).
  const blockRooms = new Map((await ctx.db.select({ slotId: eventSlots.id, roomId: eventSessions.roomId }).from(eventSlots)
    .innerJoin(eventSessions, eq(eventSessions.id, eventSlots.sessionId)).where(eq(eventSlots.eventId, e.id))).map((r) => [r.slotId, r.roomId]));
  const items = [
    ...sessions.map((s) => ({ type: 'session' as const, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), kind: s.kind, title: s.title, roomId: s.roomId, meeting: null })),
    ...ms.map((m) => ({ type: 'meeting' as const, startsAt: m.startsAt!, endsAt: m.endsAt!, kind: m.kind, title: {}, roomId: blockRooms.get(m.slotId!) ?? null, meeting: m })),
  ].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return { event: { id: e.id, slug: e.slug, title: e.title, timezone: e.timezone }, items };
}

/**
 * Where the signed-in person can ask people of `organisationId` for a meeting (from a marketplace profile
 * or a recommendation): coming events at which both are approved registrants, with those people.
 */
export async function meetingPartners(ctx: RequestContext, organisationId: string) {
  const me = ctx.actor!.userId;
  const mine = alias(eventRegistrations, 'mine');
  const rows = await ctx.db.select({
    eventId: events.id, slug: events.slug, title: events.title, timezone: events.timezone, startsAt: events.startsAt, endsAt: events.endsAt,
    userId: eventRegistrations.userId, name: users.name, organisationName: eventRegistrations.organisationName, organisationId: eventRegistrations.organisationId,
    country: users.country, personTimezone: users.timezone,
  }).from(mine)
    .innerJoin(events, eq(events.id, mine.eventId))
    .innerJoin(eventRegistrations, and(eq(eventRegistrations.eventId, events.id), eq(eventRegistrations.status, 'approved'),
      eq(eventRegistrations.organisationId, organisationId), ne(eventRegistrations.userId, me)))
    .innerJoin(users, eq(users.id, eventRegistrations.userId))
    .where(and(eq(mine.userId, me), eq(mine.status, 'approved'), eq(events.status, 'published'), gt(events.endsAt, ctx.clock.now())))
    .orderBy(asc(events.startsAt), asc(users.name));
  const out = new Map<string, { event: { id: string; slug: string; title: Record<string, string>; timezone: string; startsAt: string; endsAt: string }; people: { userId: string; name: string; organisationName: string; organisationId: string | null; country: string; timezone: string }[] }>();
  for (const r of rows) {
    const entry = out.get(r.eventId) ?? { event: { id: r.eventId, slug: r.slug, title: r.title as Record<string, string>, timezone: r.timezone, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString() }, people: [] };
    entry.people.push({ userId: r.userId, name: r.name, organisationName: r.organisationName, organisationId: r.organisationId, country: r.country, timezone: r.personTimezone });
    out.set(r.eventId, entry);
  }
  return [...out.values()];
}
