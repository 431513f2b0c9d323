// Background work of the events module: expiring unanswered requests and meeting reminders.
// Rows are claimed with SKIP LOCKED, so several server processes never handle one twice.
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import { events, eventSessions, eventSlots, meetings } from '../../db/schema/index.ts';
import { systemContext, type Deps } from '../../platform/context.ts';
import { expireIfOverdue } from './meetings.ts';
import { notify } from './notify.ts';
import { attendeesOf } from './booking.ts';

export async function expireRequests(deps: Deps): Promise<number> {
  const ctx = systemContext(deps);
  return deps.db.transaction(async (tx) => {
    const due = await tx.select().from(meetings)
      .where(and(eq(meetings.status, 'requested'), lte(meetings.expiresAt, deps.clock.now()))).limit(500).for('update', { skipLocked: true });
    let n = 0;
    for (const m of due) {
      const [e] = await tx.select().from(events).where(eq(events.id, m.eventId));
      if (await expireIfOverdue(tx, ctx, e, m)) n++;
    }
    return n;
  });
}

/** Reminds the people of scheduled meetings `reminderMinutes` before the start (once per booking). */
export async function sendReminders(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const due = await tx.select({ m: meetings, startsAt: eventSlots.startsAt, e: events, roomId: eventSessions.roomId }).from(meetings)
      .innerJoin(eventSlots, eq(eventSlots.id, meetings.slotId)).innerJoin(eventSessions, eq(eventSessions.id, eventSlots.sessionId))
      .innerJoin(events, eq(events.id, meetings.eventId))
      .where(and(eq(meetings.status, 'scheduled'), eq(meetings.published, true), isNull(meetings.reminderSentAt), sql`${events.reminderMinutes} > 0`,
        sql`${eventSlots.startsAt} > ${now.toISOString()}`,
        sql`${eventSlots.startsAt} - make_interval(mins => ${events.reminderMinutes}) <= ${now.toISOString()}`))
      .limit(500).for('update', { of: meetings, skipLocked: true });
    for (const { m, startsAt, e, roomId } of due) {
      await tx.update(meetings).set({ reminderSentAt: now }).where(eq(meetings.id, m.id));
      const people = await attendeesOf(tx, m.id);
      if (m.interpreterUserId) people.push(m.interpreterUserId);
      await notify(tx, deps, { userIds: people, kind: 'reminder', eventTitle: e.title, link: `/events/${e.slug}/agenda`, at: startsAt,
        place: { venues: e.venues, roomId, tableNo: m.tableNo, videoUrl: m.videoUrl }, extra: { minutes: e.reminderMinutes } });
    }
    return due.length;
  });
}


export function registerEventJobs(deps: Deps) {
  deps.jobs.register('events.expire-requests', async () => { await expireRequests(deps); }, { cron: '*/5 * * * *' });
  deps.jobs.register('events.reminders', async () => { await sendReminders(deps); }, { cron: '* * * * *' });
}
