// Review deadline reminders (3 days and 1 day before the panel's deadline) and one "late" notice after
// it, to each expert with an unsubmitted active assignment, in their language with the deadline in their
// zone. One notice per assignment and kind (primary key of review_reminders_sent): the job is idempotent.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { reviewAssignments, reviewPanels, reviewRemindersSent } from '../../db/schema/index.ts';
import type { Deps } from '../../platform/context.ts';
import { loadCall } from '../calls/facts.ts';
import { notifyReview } from './notify.ts';

export const REVIEW_REMINDERS_JOB = 'review.reminders';
const THRESHOLDS = [{ kind: '3d', ms: 3 * 86400_000 }, { kind: '1d', ms: 86400_000 }] as const;

export async function sendReviewReminders(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  let sent = 0;
  await deps.db.transaction(async (tx) => {
    const panels = await tx.select().from(reviewPanels).where(isNotNull(reviewPanels.reviewDeadline));
    for (const p of panels) {
      const left = p.reviewDeadline!.getTime() - now.getTime();
      if (left > THRESHOLDS[0].ms || left < -7 * 86400_000) continue;
      const kind = left <= 0 ? 'late' : left <= THRESHOLDS[1].ms ? '1d' : '3d';
      const open = await tx.select().from(reviewAssignments).where(and(eq(reviewAssignments.callId, p.callId), eq(reviewAssignments.side, p.side), inArray(reviewAssignments.status, ['assigned', 'confirmed'])));
      if (!open.length) continue;
      const call = await loadCall(tx, p.callId);
      for (const a of open) {
        const due = kind === 'late' ? ['3d', '1d', 'late'] : kind === '1d' ? ['3d', '1d'] : ['3d'];
        const inserted = await tx.insert(reviewRemindersSent).values(due.map((k) => ({ assignmentId: a.id, kind: k, sentAt: now }))).onConflictDoNothing().returning({ kind: reviewRemindersSent.kind });
        if (!inserted.some((x) => x.kind === kind)) continue;
        await notifyReview(tx, deps, { userIds: [a.expertUserId], kind: kind === 'late' ? 'late' : 'reminder', link: '/review', callTitle: call.title, deadline: p.reviewDeadline, extra: { left: kind } });
        sent++;
      }
    }
  });
  return sent;
}

export function registerReviewJobs(deps: Deps) {
  deps.jobs.register(REVIEW_REMINDERS_JOB, async () => { await sendReviewReminders(deps); }, { cron: '*/10 * * * *', singleton: true });
}
