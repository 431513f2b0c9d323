// Long computations run as background jobs with progress, a best-so-far result, and at most one active run per
// (kind, scope) across all server processes (a partial unique index in the database, not a lock in memory).
// A run whose process died is noticed by its stale heartbeat and may be replaced.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { taskRuns } from '../db/schema/index.ts';
import type { Deps } from './context.ts';
import { newId } from './tokens.ts';
import { isUniqueViolation } from './db-errors.ts';

export type TaskRun = typeof taskRuns.$inferSelect;
export type RunContext = {
  run: TaskRun;
  /** Reports progress (0..1) and optionally the best result so far; written at most every `PROGRESS_EVERY_MS`. */
  progress(fraction: number, best?: Record<string, unknown>): Promise<void>;
  /** True once someone cancelled the run; runners should stop soon and return their best. */
  cancelled(): Promise<boolean>;
};
export type Runner = (params: Record<string, unknown>, ctx: RunContext) => Promise<Record<string, unknown>>;

const JOB = 'task-runs.execute';
const PROGRESS_EVERY_MS = 500;
export const STALE_AFTER_MS = 2 * 60_000;
const runners = new Map<string, Runner>();

export function registerTaskRunner(kind: string, runner: Runner) { runners.set(kind, runner); }

export type StartResult = { ok: true; run: TaskRun } | { ok: false; code: 'run_in_progress'; run: TaskRun };

/** Queues a run unless one is active for the same kind and scope (a stale one is failed and replaced). */
export async function startTaskRun(deps: Deps, o: { kind: string; scope: string; params?: Record<string, unknown>; userId?: string | null }): Promise<StartResult> {
  const now = deps.clock.now();
  for (let attempt = 0; attempt < 2; attempt++) {
    const active = await activeRun(deps, o.kind, o.scope);
    if (active) {
      const beat = (active.heartbeatAt ?? active.startedAt ?? active.createdAt).getTime();
      if (now.getTime() - beat < STALE_AFTER_MS) return { ok: false, code: 'run_in_progress', run: active };
      await deps.db.update(taskRuns).set({ status: 'failed', error: 'stale: the worker stopped reporting', finishedAt: now })
        .where(and(eq(taskRuns.id, active.id), inArray(taskRuns.status, ['queued', 'running'])));
    }
    try {
      const [run] = await deps.db.insert(taskRuns).values({
        id: newId(), kind: o.kind, scope: o.scope, status: 'queued', params: o.params ?? {}, createdBy: o.userId ?? null, createdAt: now, heartbeatAt: now,
      }).returning();
      await deps.jobs.send(JOB, { runId: run.id });
      return { ok: true, run };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e; // another process queued one at the same moment: report it
    }
  }
  const active = await activeRun(deps, o.kind, o.scope);
  return { ok: false, code: 'run_in_progress', run: active! };
}

export async function activeRun(deps: Pick<Deps, 'db'>, kind: string, scope: string): Promise<TaskRun | null> {
  const [r] = await deps.db.select().from(taskRuns)
    .where(and(eq(taskRuns.kind, kind), eq(taskRuns.scope, scope), inArray(taskRuns.status, ['queued', 'running'])));
  return r ?? null;
}

export async function getTaskRun(deps: Pick<Deps, 'db'>, id: string): Promise<TaskRun | null> {
  const [r] = await deps.db.select().from(taskRuns).where(eq(taskRuns.id, id));
  return r ?? null;
}

export async function latestTaskRuns(deps: Pick<Deps, 'db'>, kind: string, scope: string, limit = 10): Promise<TaskRun[]> {
  return deps.db.select().from(taskRuns).where(and(eq(taskRuns.kind, kind), eq(taskRuns.scope, scope))).orderBy(desc(taskRuns.createdAt)).limit(limit);
}

export async function cancelTaskRun(deps: Deps, id: string): Promise<boolean> {
  const r = await deps.db.update(taskRuns).set({ status: 'cancelled', finishedAt: deps.clock.now() })
    .where(and(eq(taskRuns.id, id), eq(taskRuns.status, 'queued'))).returning({ id: taskRuns.id });
  if (r.length) return true;
  // A running run is asked to stop; it records its best result and ends as cancelled.
  const s = await deps.db.update(taskRuns).set({ params: sql`${taskRuns.params} || '{"cancelRequested": true}'::jsonb` })
    .where(and(eq(taskRuns.id, id), eq(taskRuns.status, 'running'))).returning({ id: taskRuns.id });
  return s.length > 0;
}

/** The job handler: claims the run, runs it, stores the result. Exported for tests. */
export async function executeTaskRun(deps: Deps, runId: string): Promise<void> {
  const now = () => deps.clock.now();
  const [run] = await deps.db.update(taskRuns).set({ status: 'running', startedAt: now(), heartbeatAt: now() })
    .where(and(eq(taskRuns.id, runId), eq(taskRuns.status, 'queued'))).returning();
  if (!run) return; // cancelled, or claimed by another worker
  const runner = runners.get(run.kind);
  if (!runner) {
    await deps.db.update(taskRuns).set({ status: 'failed', error: `no runner for ${run.kind}`, finishedAt: now() }).where(eq(taskRuns.id, run.id));
    return;
  }
  let last = 0;
  let cancelRequested = false;
  const ctx: RunContext = {
    run,
    async progress(fraction, best) {
      const t = Date.now();
      if (t - last < PROGRESS_EVERY_MS && fraction < 1) return;
      last = t;
      await deps.db.update(taskRuns).set({ progress: Math.max(0, Math.min(1, fraction)), heartbeatAt: now(), ...(best ? { best } : {}) })
        .where(eq(taskRuns.id, run.id));
    },
    async cancelled() {
      if (cancelRequested) return true;
      const [r] = await deps.db.select({ params: taskRuns.params }).from(taskRuns).where(eq(taskRuns.id, run.id));
      cancelRequested = !!r?.params?.cancelRequested;
      return cancelRequested;
    },
  };
  try {
    const result = await runner(run.params, ctx);
    await deps.db.update(taskRuns).set({ status: cancelRequested ? 'cancelled' : 'done', progress: 1, result, finishedAt: now(), heartbeatAt: now() })
      .where(eq(taskRuns.id, run.id));
  } catch (e) {
    deps.log.error({ err: e, runId: run.id, kind: run.kind }, 'task run failed');
    await deps.db.update(taskRuns).set({ status: 'failed', error: (e as Error).message.slice(0, 2000), finishedAt: now() }).where(eq(taskRuns.id, run.id));
  }
}

export function registerTaskRunJob(deps: Deps) {
  deps.jobs.register(JOB, async (data) => executeTaskRun(deps, String(data.runId)));
}
