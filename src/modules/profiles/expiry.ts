// The daily job: reminds owners two weeks before a profile expires and expires profiles whose
// validity (or RDR call) has ended. It reads "now" from deps.clock, so tests drive it with a ManualClock.
import { and, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import { profiles } from '../../db/schema/index.ts';
import type { Deps } from '../../platform/context.ts';
import { systemContext } from '../../platform/context.ts';
import { memberIds, notifyUsers } from '../directory/notify.ts';
import { applyTransition, history } from './commands.ts';
import { reminderDue, REMINDER_DAYS } from './policy.ts';

export const EXPIRY_JOB = 'profiles.expiry';

export async function runProfileExpiry(deps: Deps): Promise<{ reminded: number; expired: number }> {
  const now = deps.clock.now();
  const ctx = systemContext(deps);
  let reminded = 0;
  let expired = 0;
  const soon = new Date(now.getTime() + REMINDER_DAYS * 86400_000);
  const candidates = await deps.db.select().from(profiles)
    .where(and(eq(profiles.status, 'published'), isNotNull(profiles.expiresAt), lte(profiles.expiresAt, soon), sql`${profiles.expiresAt} > ${now}`));
  for (const p of candidates) {
    if (!reminderDue(p, now)) continue;
    await deps.db.transaction(async (tx) => {
      await tx.update(profiles).set({ reminderSentAt: now }).where(eq(profiles.id, p.id));
      await history(tx, ctx, p.id, { action: 'expiry_reminder' });
      await notifyUsers(tx, deps, await memberIds(tx, p.organisationId), {
        kind: 'profile_expiring', template: 'profile_expiring', link: `/marketplace/profiles/${p.id}`,
        data: { profileId: p.id, expiresAt: p.expiresAt!.toISOString(), canExtend: p.extensionCount < 1 },
        ml: { title: p.title }, params: { date: p.expiresAt!.toISOString().slice(0, 10) },
      });
    });
    reminded++;
  }
  const due = await deps.db.select({ id: profiles.id }).from(profiles).where(and(
    inArray(profiles.status, ['published', 'on_hold']),
    or(lte(profiles.expiresAt, now), lte(profiles.callDeadline, now)),
  ));
  for (const { id } of due) {
    await deps.db.transaction(async (tx) => applyTransition(ctx, tx, id, 'expire'));
    expired++;
  }
  return { reminded, expired };
}
