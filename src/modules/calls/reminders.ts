// Deadline reminders: 7 days, 1 day and 3 hours before a call closes, to the people of every application
// whose half on their side is not yet submitted. One reminder per person, call and threshold
// (primary key of call_reminders_sent); a late run sends only the tightest reminder due.
import { and, eq, gt, inArray, lte } from 'drizzle-orm';
import { applicationHalves, applicationMembers, applications, callRemindersSent, calls } from '../../db/schema/index.ts';
import type { Deps } from '../../platform/context.ts';
import { notifyCall } from './notify.ts';

export const REMINDERS_JOB = 'calls.reminders';
export const REMINDER_THRESHOLDS = [
  { kind: '7d', ms: 7 * 86400_000 }, { kind: '1d', ms: 86400_000 }, { kind: '3h', ms: 3 * 3600_000 },
] as const;

export async function sendDeadlineReminders(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  let sent = 0;
  await deps.db.transaction(async (tx) => {
    const open = await tx.select().from(calls).where(and(eq(calls.status, 'published'), lte(calls.opensAt, now), gt(calls.closesAt, now),
      lte(calls.closesAt, new Date(now.getTime() + REMINDER_THRESHOLDS[0].ms))));
    for (const c of open) {
      const due = REMINDER_THRESHOLDS.filter((t) => c.closesAt.getTime() - now.getTime() <= t.ms);
      if (!due.length) continue;
      const tightest = due[due.length - 1];
      const rows = await tx.select({ userId: applicationMembers.userId, side: applicationMembers.side, status: applicationHalves.status, appId: applications.id, reference: applications.reference })
        .from(applicationMembers).innerJoin(applications, eq(applications.id, applicationMembers.applicationId))
        .innerJoin(applicationHalves, and(eq(applicationHalves.applicationId, applications.id), eq(applicationHalves.side, applicationMembers.side)))
        .where(and(eq(applications.callId, c.id), inArray(applicationHalves.status, ['draft', 'returned'])));
      const people = new Map<string, { appId: string; reference: string }>();
      for (const r of rows) if (!people.has(r.userId)) people.set(r.userId, { appId: r.appId, reference: r.reference });
      for (const [userId, a] of people) {
        const inserted = await tx.insert(callRemindersSent).values(due.map((t) => ({ callId: c.id, userId, kind: t.kind, sentAt: now })))
          .onConflictDoNothing().returning({ kind: callRemindersSent.kind });
        if (!inserted.some((x) => x.kind === tightest.kind)) continue;
        await notifyCall(tx, deps, { userIds: [userId], kind: 'reminder', link: `/applications/${a.appId}`, callTitle: c.title, reference: a.reference,
          closesAt: c.closesAt, callTimezone: c.timezone, extra: { left: tightest.kind } });
        sent++;
      }
    }
  });
  return sent;
}

export function registerCallJobs(deps: Deps) {
  deps.jobs.register(REMINDERS_JOB, async () => { await sendDeadlineReminders(deps); }, { cron: '*/10 * * * *', singleton: true });
}
