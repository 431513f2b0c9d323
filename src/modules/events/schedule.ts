// Organisers' actions on the whole schedule: publish it (the scheduler of issue 6 places meetings,
// this makes them visible and tells everyone), send the follow-up survey. Locking a meeting is the
// scheduling console's (src/modules/scheduling: POST /api/events/:id/meetings/:meetingId/lock|unlock).
import { and, eq, inArray } from 'drizzle-orm';
import { events, meetingParticipants, meetings } from '../../db/schema/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { canManageEvents } from './policy.ts';
import { loadEvent } from './events.ts';
import { notify } from './notify.ts';

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
    const people = ids.length ? await tx.selectDistinct({ userId: meetingParticipants.userId }).from(meetingParticipants)
      .where(and(inArray(meetingParticipants.meetingId, ids), inArray(meetingParticipants.response, ['accepted']))) : [];
    await notify(tx, ctx, { userIds: people.map((p) => p.userId), kind: 'schedule_published', eventTitle: e.title, link: `/events/${e.slug}/agenda` });
    await audit(tx, ctx, { entityType: 'event', entityId: e.id, action: 'publish_schedule', changes: { version, meetings: ids.length } });
    return { version, meetings: ids.length, notified: people.length };
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
