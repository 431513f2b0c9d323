// Background jobs of every module, registered in one place.
import type { Deps } from '../platform/context.ts';
import { deliverPendingMail } from '../platform/mail.ts';
import { purgeExpiredSessions } from '../modules/accounts/sessions.ts';
import { registerTaskRunJob } from '../platform/task-runs.ts';
import { EXPIRY_JOB, runProfileExpiry } from '../modules/profiles/expiry.ts';
import { registerEventJobs } from '../modules/events/jobs.ts';
// Task runners register themselves on import: every process that runs jobs must know them.
import '../modules/scheduling/runner.ts';
import { registerMatchingJobs } from '../modules/matching/digest.ts';
import { registerCallJobs } from '../modules/calls/reminders.ts';
import { registerReviewJobs } from '../modules/review/reminders.ts';

export function registerJobs(deps: Deps) {
  deps.jobs.register('mail.deliver', async () => { while ((await deliverPendingMail(deps)) > 0) { /* drain */ } }, { cron: '* * * * *' });
  registerTaskRunJob(deps);
  deps.jobs.register('sessions.purge', async () => purgeExpiredSessions(deps.db, deps.clock.now()), { cron: '17 * * * *' });
  deps.jobs.register(EXPIRY_JOB, async () => { await runProfileExpiry(deps); }, { cron: '7 * * * *', singleton: true });
  // PGlite has no autovacuum: without fresh statistics the planner misjudges searches once data has grown
  // (e.g. after an import). PostgreSQL's autovacuum does this itself.
  if (deps.database.kind === 'pglite') deps.jobs.register('db.analyze', async () => { await deps.database.sql.exec('ANALYZE'); }, { cron: '37 * * * *', singleton: true });
  // Durable PGlite: checkpoints are ours, each followed by a flush of the folder to disk (pglite-durability.ts).
  const checkpoint = deps.database.checkpoint;
  if (checkpoint) deps.jobs.register('db.checkpoint', async () => { await checkpoint(); }, { cron: '*/5 * * * *', singleton: true });
  registerEventJobs(deps);
  registerMatchingJobs(deps);
  registerCallJobs(deps);
  registerReviewJobs(deps);
}
