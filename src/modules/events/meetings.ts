// Meeting requests and their life: request → accept (choosing a slot) / decline → cancel, interpreters, outcomes.
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { eventRegistrations, meetingOutcomes, meetingParticipants, meetings, meetingSlotOccupancy, eventSlots, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound, forbidden } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { newId } from '../../platform/tokens.ts';
import { bookingRefusal, canActOnMeeting, canManageEvents, canMoveLockedMeeting, canRecordOutcome, canRequestMeetings, canRespondToRequest } from './policy.ts';
import { loadEvent, myRegistration, type EventRow } from './events.ts';
import { isUniqueViolation } from '../../platform/db-errors.ts';
import { assertMeetingLimits, attendeesOf, bookMeeting, mapBookingConflict, pairKey, releaseSlot, type MeetingRow } from './booking.ts';
import { notify, type NotificationKind } from './notify.ts';
import { slotRoomId } from './place.ts';
import type { meetingRequestBody, outcomeBody } from './schema.ts';

export const MAX_GROUP_ORGANISATIONS = 6;

async function lockMeeting(tx: Tx, id: string) {
  const [m] = await tx.select().from(meetings).where(eq(meetings.id, id)).for('update');
  if (!m) throw notFound('meeting');
  const parts = await tx.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, id));
  const e = await loadEvent(tx, m.eventId);
  return { m, parts, e, participantIds: parts.map((p) => p.userId) };
}

async function nameOf(tx: Tx, userId: string) {
  const [u] = await tx.select({ name: users.name, org: users.organisationName }).from(users).where(eq(users.id, userId));
  return u ? `${u.name}${u.org ? ` (${u.org})` : ''}` : '';
}

async function slotStart(tx: Tx, slotId: string | null) {
  if (!slotId) return null;
  const [s] = await tx.select({ at: eventSlots.startsAt }).from(eventSlots).where(eq(eventSlots.id, slotId));
  return s?.at ?? null;
}

async function tell(tx: Tx, ctx: RequestContext, e: EventRow, m: MeetingRow, userIds: string[], kind: NotificationKind, reason?: string | null) {
  const others = userIds.filter((u) => u !== ctx.actor?.userId);
  const place = m.status === 'scheduled' && m.slotId
    ? { venues: e.venues, roomId: await slotRoomId(tx, m.slotId), tableNo: m.tableNo, videoUrl: m.videoUrl } : null;
  await notify(tx, ctx, {
    userIds: others, kind, eventTitle: e.title, link: `/events/${e.slug}/meetings`, reason,
    partnerName: ctx.actor ? await nameOf(tx, ctx.actor.userId) : '', at: await slotStart(tx, m.slotId), place,
  });
}

/** Inserts a meeting; the index `meetings_open_pair_uq` refuses a second open one for a pair (either direction). */
async function insertMeetingOnce(tx: Tx, values: typeof meetings.$inferInsert) {
  try {
    await tx.insert(meetings).values(values);
  } catch (e) {
    if (isUniqueViolation(e, 'meetings_open_pair_uq')) throw new AppError('meeting_exists');
    throw e;
  }
}

export async function requestMeeting(ctx: RequestContext, eventId: string, input: z.output<typeof meetingRequestBody>) {
  const actor = ctx.actor!;
  return ctx.db.transaction(async (tx) => {
    const e = await loadEvent(tx, eventId);
    const mine = await myRegistration(tx, e.id, actor);
    if (!canRequestMeetings(actor, mine)) throw new AppError('not_registered');
    const invitees = [...new Set(input.inviteeUserIds)].filter((u) => u !== actor.userId);
    if (!invitees.length) throw new AppError('validation_failed', { fields: [{ path: 'inviteeUserIds', code: 'invalid' }] });
    const regs = await tx.select().from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, e.id), inArray(eventRegistrations.userId, invitees), eq(eventRegistrations.status, 'approved')));
    if (regs.length !== invitees.length) throw new AppError('invitee_not_registered');
    // A group meeting brings together at most six organisations (people without one count one each).
    const orgKeys = new Set([mine!.organisationId ?? actor.userId, ...regs.map((r) => r.organisationId ?? r.userId)]);
    if (orgKeys.size > MAX_GROUP_ORGANISATIONS) throw new AppError('group_too_large', { params: { max: MAX_GROUP_ORGANISATIONS } });
    const auto = !e.requestsNeedAcceptance;
    // With automatic acceptance the meeting counts at once for everyone in it, so everyone's maximum applies.
    await assertMeetingLimits(tx, e, undefined, [{ userId: actor.userId, self: true }, ...(auto ? invitees.map((userId) => ({ userId, self: false })) : [])]);
    if (invitees.length === 1) {
      const open = await tx.select({ id: meetings.id }).from(meetings)
        .innerJoin(meetingParticipants, eq(meetingParticipants.meetingId, meetings.id))
        .where(and(eq(meetings.eventId, e.id), eq(meetings.kind, 'bilateral'), inArray(meetings.status, ['requested', 'accepted', 'scheduled']),
          inArray(meetingParticipants.userId, [actor.userId, invitees[0]])));
      const counts = new Map<string, number>();
      for (const r of open) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
      if ([...counts.values()].some((n) => n === 2)) throw new AppError('meeting_exists');
    }
    const now = ctx.clock.now();
    const id = newId();
    await insertMeetingOnce(tx, {
      id, eventId: e.id, requestedBy: actor.userId, kind: invitees.length === 1 ? 'bilateral' : 'group', message: input.message, priority: input.priority,
      pairKey: invitees.length === 1 ? pairKey(actor.userId, invitees[0]) : null,
      status: auto ? 'accepted' : 'requested', expiresAt: auto ? null : new Date(now.getTime() + e.requestExpiryHours * 3600_000), createdAt: now, updatedAt: now,
    });
    await tx.insert(meetingParticipants).values([
      { meetingId: id, userId: actor.userId, organisationId: mine!.organisationId, isRequester: true, response: 'accepted', respondedAt: now },
      ...regs.map((r) => ({ meetingId: id, userId: r.userId, organisationId: r.organisationId, isRequester: false, response: auto ? 'accepted' : 'pending', respondedAt: auto ? now : null })),
    ]);
    await audit(tx, ctx, { entityType: 'meeting', entityId: id, action: 'request', changes: { eventId: e.id, invitees, priority: input.priority } });
    const [m] = await tx.select().from(meetings).where(eq(meetings.id, id));
    await tell(tx, ctx, e, m, invitees, auto ? 'request_accepted' : 'request_received');
    return { id, status: m.status };
  });
}

/** Marks an overdue request expired (used when someone answers too late, and by the expiry job). */
export async function expireIfOverdue(tx: Tx, ctx: RequestContext, e: EventRow, m: MeetingRow): Promise<boolean> {
  if (m.status !== 'requested' || !m.expiresAt || m.expiresAt > ctx.clock.now()) return false;
  await tx.update(meetings).set({ status: 'expired', updatedAt: ctx.clock.now() }).where(eq(meetings.id, m.id));
  await audit(tx, ctx, { entityType: 'meeting', entityId: m.id, action: 'expire' });
  await notify(tx, ctx, { userIds: [m.requestedBy], kind: 'request_expired', eventTitle: e.title, link: `/events/${e.slug}/meetings` });
  return true;
}

export async function respond(ctx: RequestContext, meetingId: string, accept: boolean, opts: { slotId?: string; reason?: string } = {}) {
  const actor = ctx.actor!;
  let expired = false;
  const result = await mapBookingConflict(() => ctx.db.transaction(async (tx) => {
    const { m, parts, e } = await lockMeeting(tx, meetingId);
    if (!canRespondToRequest(actor, parts)) throw forbidden();
    const me = parts.find((p) => p.userId === actor.userId && !p.isRequester)!;
    if (await expireIfOverdue(tx, ctx, e, m)) { expired = true; return null; }
    if (m.status !== 'requested' || me.response !== 'pending') throw new AppError('meeting_not_pending');
    const now = ctx.clock.now();
    await tx.update(meetingParticipants).set({ response: accept ? 'accepted' : 'declined', respondedAt: now })
      .where(and(eq(meetingParticipants.meetingId, m.id), eq(meetingParticipants.userId, actor.userId)));
    const after = parts.map((p) => (p.userId === actor.userId ? { ...p, response: accept ? 'accepted' : 'declined' } : p));
    const invitees = after.filter((p) => !p.isRequester);
    const pending = invitees.some((p) => p.response === 'pending');
    const anyAccepted = invitees.some((p) => p.response === 'accepted');
    let status = m.status;
    if (!pending) status = anyAccepted ? 'accepted' : 'declined';
    // Accepting makes the meeting count for the acceptor and, if it was not counting yet, for the requester
    // and the invitees who had accepted: all of them are checked under their registration locks.
    if (accept) {
      const counted = m.status === 'requested' && status === 'accepted'
        ? after.filter((p) => p.isRequester || p.response === 'accepted').map((p) => ({ userId: p.userId, self: p.userId === actor.userId }))
        : [{ userId: actor.userId, self: true }];
      await assertMeetingLimits(tx, e, m.id, counted);
    }
    await tx.update(meetings).set({ status, reason: accept ? m.reason : opts.reason || m.reason, updatedAt: now }).where(eq(meetings.id, m.id));
    await audit(tx, ctx, { entityType: 'meeting', entityId: m.id, action: accept ? 'accept' : 'decline', changes: { status, reason: opts.reason ?? null } });
    let booked = null;
    if (accept && opts.slotId) {
      if (e.bookingMode !== 'self') throw new AppError('booking_by_organiser');
      if (status !== 'accepted') throw new AppError('meeting_not_pending');
      booked = await bookMeeting(tx, ctx, e, { ...m, status }, opts.slotId);
    }
    const [fresh] = await tx.select().from(meetings).where(eq(meetings.id, m.id));
    const everyone = parts.map((p) => p.userId);
    await tell(tx, ctx, e, fresh, everyone, accept ? (booked ? 'meeting_scheduled' : 'request_accepted') : 'request_declined', opts.reason);
    return { status: fresh.status, slotId: fresh.slotId, tableNo: fresh.tableNo, videoUrl: fresh.videoUrl };
  }));
  if (expired) throw new AppError('request_expired');
  return result!;
}

/** Books (or moves) an accepted meeting into a slot: a participant in self-booking mode, or an organiser. */
export async function book(ctx: RequestContext, meetingId: string, slotId: string, tableNo?: number) {
  return mapBookingConflict(() => ctx.db.transaction(async (tx) => {
    const { m, e, participantIds } = await lockMeeting(tx, meetingId);
    const refusal = bookingRefusal(ctx.actor, { participantIds }, e, { tableNo });
    if (refusal) throw new AppError(refusal);
    if (!['accepted', 'scheduled'].includes(m.status)) throw new AppError('meeting_not_accepted');
    if (m.locked && !canMoveLockedMeeting(ctx.actor)) throw new AppError('meeting_locked');
    const r = await bookMeeting(tx, ctx, e, m, slotId, tableNo);
    await audit(tx, ctx, { entityType: 'meeting', entityId: m.id, action: 'book', changes: { slotId, tableNo: r.tableNo } });
    const [fresh] = await tx.select().from(meetings).where(eq(meetings.id, m.id));
    // In organiser-scheduled mode people hear about it when the schedule is published, not per draft move.
    if (fresh.published) await tell(tx, ctx, e, fresh, await attendeesOf(tx, m.id), 'meeting_scheduled');
    return { status: 'scheduled', slotId: r.slotId, tableNo: r.tableNo, videoUrl: r.videoUrl };
  }));
}

export async function cancel(ctx: RequestContext, meetingId: string, reason: string) {
  return ctx.db.transaction(async (tx) => {
    const { m, parts, e, participantIds } = await lockMeeting(tx, meetingId);
    if (!canActOnMeeting(ctx.actor, { participantIds })) throw forbidden();
    if (!['requested', 'accepted', 'scheduled'].includes(m.status)) throw new AppError('meeting_not_active');
    const now = ctx.clock.now();
    const me = parts.find((p) => p.userId === ctx.actor!.userId);
    const othersIn = parts.filter((p) => !p.isRequester && p.userId !== me?.userId && p.response !== 'declined');
    // In a group meeting an invitee withdraws alone; the meeting goes on for the others.
    if (m.kind === 'group' && me && !me.isRequester && othersIn.length > 0) {
      await tx.update(meetingParticipants).set({ response: 'declined', respondedAt: now }).where(and(eq(meetingParticipants.meetingId, m.id), eq(meetingParticipants.userId, me.userId)));
      await tx.delete(meetingSlotOccupancy).where(and(eq(meetingSlotOccupancy.meetingId, m.id), eq(meetingSlotOccupancy.userId, me.userId)));
      await audit(tx, ctx, { entityType: 'meeting', entityId: m.id, action: 'withdraw', changes: { reason } });
      await tell(tx, ctx, e, m, participantIds, 'meeting_cancelled', reason);
      return { status: m.status };
    }
    await releaseSlot(tx, m.id);
    await tx.update(meetings).set({ status: 'cancelled', reason: reason || null, icsSequence: m.icsSequence + 1, updatedAt: now }).where(eq(meetings.id, m.id));
    await audit(tx, ctx, { entityType: 'meeting', entityId: m.id, action: 'cancel', changes: { reason } });
    await tell(tx, ctx, e, m, [...participantIds, ...(m.interpreterUserId ? [m.interpreterUserId] : [])], 'meeting_cancelled', reason);
    return { status: 'cancelled' };
  });
}

/** Organisers attach an interpreter registered for the event; the occupancy key keeps them from being double-booked. */
export async function setInterpreter(ctx: RequestContext, meetingId: string, userId: string | null) {
  if (!canManageEvents(ctx.actor)) throw forbidden();
  return mapBookingConflict(() => ctx.db.transaction(async (tx) => {
    const { m, e, participantIds } = await lockMeeting(tx, meetingId);
    if (userId) {
      const [r] = await tx.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, e.id), eq(eventRegistrations.userId, userId),
        eq(eventRegistrations.status, 'approved'), eq(eventRegistrations.role, 'interpreter')));
      if (!r || participantIds.includes(userId)) throw new AppError('validation_failed', { fields: [{ path: 'userId', code: 'not_interpreter' }] });
    }
    if (m.interpreterUserId && m.slotId) {
      await tx.delete(meetingSlotOccupancy).where(and(eq(meetingSlotOccupancy.meetingId, m.id), eq(meetingSlotOccupancy.userId, m.interpreterUserId)));
    }
    if (userId && m.slotId && m.status === 'scheduled') {
      const [busy] = await tx.select().from(meetingSlotOccupancy).where(and(eq(meetingSlotOccupancy.slotId, m.slotId), eq(meetingSlotOccupancy.userId, userId)));
      if (busy) throw new AppError('interpreter_busy');
      await tx.insert(meetingSlotOccupancy).values({ eventId: e.id, slotId: m.slotId, userId, meetingId: m.id });
    }
    await tx.update(meetings).set({ interpreterUserId: userId, icsSequence: m.icsSequence + 1, updatedAt: ctx.clock.now() }).where(eq(meetings.id, m.id));
    await audit(tx, ctx, { entityType: 'meeting', entityId: m.id, action: 'set_interpreter', changes: { from: m.interpreterUserId, to: userId } });
    return { interpreterUserId: userId };
  })).catch((err) => {
    if (err instanceof AppError && err.code === 'participant_busy') throw new AppError('interpreter_busy');
    throw err;
  });
}

export async function recordOutcome(ctx: RequestContext, meetingId: string, input: z.output<typeof outcomeBody>) {
  return ctx.db.transaction(async (tx) => {
    const { m, parts, participantIds } = await lockMeeting(tx, meetingId);
    if (!canRecordOutcome(ctx.actor, { participantIds })) throw forbidden();
    const start = await slotStart(tx, m.slotId);
    if (m.status !== 'scheduled' || !start || start > ctx.clock.now()) throw new AppError('meeting_not_held');
    const now = ctx.clock.now();
    const me = parts.find((p) => p.userId === ctx.actor!.userId)!;
    const values = { attendance: input.attendance, outcomes: input.attendance === 'no_show' ? [] : input.outcomes, note: input.note, linkedOrganisationIds: input.linkedOrganisationIds, updatedAt: now };
    await tx.insert(meetingOutcomes).values({ meetingId: m.id, userId: me.userId, organisationId: me.organisationId, createdAt: now, ...values })
      .onConflictDoUpdate({ target: [meetingOutcomes.meetingId, meetingOutcomes.userId], set: values });
    await audit(tx, ctx, { entityType: 'meeting', entityId: m.id, action: 'record_outcome', changes: { attendance: input.attendance, outcomes: input.outcomes } });
    return { ok: true as const };
  });
}
