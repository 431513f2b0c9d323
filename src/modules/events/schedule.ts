// Organisers' actions on the whole schedule: publish it (the scheduling console places meetings, this makes them
// visible and tells everyone), send the follow-up survey; and the writes the scheduling console needs on this
// module's tables (apply a set of placements as a new schedule version, lock a meeting) — the console never writes
// meetings or events itself.
import { and, eq, inArray } from 'drizzle-orm';
import { events, meetingParticipants, meetings } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { canManageEvents } from './policy.ts';
import { loadEvent, type EventRow } from './events.ts';
import { notify } from './notify.ts';
import { attendeesOfMany, placeMeetings, type MeetingRow, type PlaceItem } from './placement.ts';
import { addToAudience, type Audience } from './schedule-notices.ts';

/** A meeting of the event, row-locked for a change by the organiser. */
export async function meetingOfEventForUpdate(tx: Tx, eventId: string, meetingId: string): Promise<MeetingRow> {
  const [m] = await tx.select().from(meetings).where(and(eq(meetings.id, meetingId), eq(meetings.eventId, eventId))).for('update');
  if (!m) throw notFound('meeting');
  return m;
}

/** Meetings of the event by id, row-locked (the console's apply reads them once for all changes). */
export async function meetingsForUpdate(tx: Tx, eventId: string, ids: string[]): Promise<MeetingRow[]> {
  const out: MeetingRow[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    out.push(...await tx.select().from(meetings).where(and(eq(meetings.eventId, eventId), inArray(meetings.id, ids.slice(i, i + 5000)))).for('update'));
  }
  return out;
}

/** Who hears of a change of these meetings: attendees plus interpreters before (`was`) and after the change. */
export async function audienceOfChange(tx: Tx, changes: { meeting: MeetingRow; interpreters: (string | null | undefined)[] }[]): Promise<Audience> {
  const attendees = await attendeesOfMany(tx, changes.map((c) => c.meeting.id));
  const audience: Audience = new Map();
  for (const c of changes) addToAudience(audience, c.meeting.id, attendees.get(c.meeting.id) ?? [], [c.meeting.interpreterUserId, ...c.interpreters]);
  return audience;
}

/**
 * Writes a whole schedule change as version N+1 of the event's schedule: placed meetings become published, every
 * changed meeting gets a new calendar SEQUENCE, and the event records when its schedule was published.
 */
export async function applySchedulePlacements(tx: Tx, ctx: RequestContext, e: EventRow, items: PlaceItem[]): Promise<{ version: number }> {
  const version = e.scheduleVersion + 1;
  const now = ctx.clock.now();
  await placeMeetings(tx, ctx, e, items, { publish: 'always', scheduleVersion: version });
  await tx.update(events).set({ scheduleVersion: version, schedulePublishedAt: now, updatedAt: now }).where(eq(events.id, e.id));
  return { version };
}

/** Locks or unlocks a meeting for the scheduling runs; `published` (when given) marks it visible to participants. */
export async function setMeetingLock(tx: Tx, ctx: RequestContext, meetingId: string, o: { locked: boolean; published?: boolean }) {
  await tx.update(meetings).set({ locked: o.locked, ...(o.published === undefined ? {} : { published: o.published }), updatedAt: ctx.clock.now() })
    .where(eq(meetings.id, meetingId));
}

/** Publishes every scheduled meeting as schedule version N+1 and notifies each person once. */
export async function publishSchedule(ctx: RequestContext, eventId: string) {
  if (!canManageEvents(ctx.actor)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const e = await loadEvent(tx, eventId, true);
    const version = e.scheduleVersion + 1;
    const scheduled = await tx.select().from(meetings).where(and(eq(meetings.eventId, e.id), eq(meetings.status, 'scheduled'))).for('update');
    for (const m of scheduled) {
      // A meeting first shown now, or changed since, gets a new SEQUENCE so calendars update it.
      const changed = !m.published || m.scheduleVersion < version;
      await tx.update(meetings).set({ published: true, scheduleVersion: version, icsSequence: changed ? m.icsSequence + 1 : m.icsSequence, updatedAt: ctx.clock.now() })
        .where(eq(meetings.id, m.id));
    }
    await tx.update(events).set({ scheduleVersion: version, schedulePublishedAt: ctx.clock.now(), updatedAt: ctx.clock.now() }).where(eq(events.id, e.id));
    const ids = scheduled.map((m) => m.id);
    const audience = await audienceOfChange(tx, scheduled.map((m) => ({ meeting: m, interpreters: [] })));
    const notified = await notify(tx, ctx, { userIds: [...audience.keys()], kind: 'schedule_published', eventTitle: e.title, link: `/events/${e.slug}/agenda` });
    await audit(tx, ctx, { entityType: 'event', entityId: e.id, action: 'publish_schedule', changes: { version, meetings: ids.length } });
    return { version, meetings: ids.length, notified };
  });
}

/** Asks everyone who had a scheduled meeting to fill in the organisers' follow-up survey (e.g. months later). */
export async function sendFollowUp(ctx: RequestContext, eventId: string) {
  if (!canManageEvents(ctx.actor)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const e = await loadEvent(tx, eventId);
    if (!e.followUpUrl) throw new AppError('validation_failed', { fields: [{ path: 'followUpUrl', code: 'required' }] });
    const people = await tx.selectDistinct({ userId: meetingParticipants.userId }).from(meetingParticipants)
      .innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
      .where(and(eq(meetings.eventId, e.id), eq(meetings.status, 'scheduled'), eq(meetingParticipants.response, 'accepted')));
    await notify(tx, ctx, { userIds: people.map((p) => p.userId), kind: 'follow_up', eventTitle: e.title, link: `/events/${e.slug}/meetings`, extra: { survey: e.followUpUrl } });
    await audit(tx, ctx, { entityType: 'event', entityId: e.id, action: 'send_follow_up', changes: { recipients: people.length } });
    return { notified: people.length };
  });
}
