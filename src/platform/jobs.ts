// Background jobs on PostgreSQL through pg-boss (the same on PGlite via a SQL adapter).
// Jobs survive restarts and are shared by several server processes; singleton keys keep
// "one run per event at a time" true across processes.
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';

export type JobHandler = (data: Record<string, unknown>, meta: { id: string; name: string }) => Promise<void>;
export type SendOptions = { singletonKey?: string; startAfter?: Date; retryLimit?: number };

export interface Jobs {
  /** Queues a job; returns its id, or null when a singleton with that key is already queued/active. */
  send(name: string, data?: Record<string, unknown>, opts?: SendOptions): Promise<string | null>;
  /** Registers the handler of a queue (before start). `singleton` queues run one job per key at a time. */
  register(name: string, handler: JobHandler, opts?: { singleton?: boolean; cron?: string; batch?: number }): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly running: boolean;
}

type Registration = { handler: JobHandler; singleton: boolean; cron?: string };

export function createPgBossJobs(database: Database, log: Logger, opts: { connectionString?: string } = {}): Jobs {
  const regs = new Map<string, Registration>();
  const boss = database.kind === 'postgres' && opts.connectionString
    ? new PgBoss({ connectionString: opts.connectionString, schema: 'pgboss', max: 4 })
    : new PgBoss({
      schema: 'pgboss',
      db: {
        async executeSql(text: string, values?: unknown[]) {
          if ((!values || values.length === 0) && database.pglite) {
            // pg-boss sends multi-statement scripts without parameters; PGlite runs those through exec().
            const results = await database.pglite.exec(text);
            const last = results[results.length - 1];
            return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? 0 } as never;
          }
          return (await database.sql.query(text, values)) as never;
        },
      },
    } as PgBoss.ConstructorOptions);
  boss.on('error', (err) => log.error({ err }, 'job system error'));
  let running = false;
  let started: Promise<void> | null = null;

  async function ensureStarted() {
    started ??= boss.start().then(() => undefined);
    await started;
  }

  return {
    get running() { return running; },
    register(name, handler, o = {}) { regs.set(name, { handler, singleton: !!o.singleton, cron: o.cron }); },
    async send(name, data = {}, o = {}) {
      await ensureStarted();
      await boss.createQueue(name, { name, policy: regs.get(name)?.singleton ? 'stately' : 'standard' } as never).catch(() => undefined);
      return boss.send(name, data, { singletonKey: o.singletonKey, startAfter: o.startAfter, retryLimit: o.retryLimit ?? 2 });
    },
    async start() {
      await ensureStarted();
      for (const [name, reg] of regs) {
        await boss.createQueue(name, { name, policy: reg.singleton ? 'stately' : 'standard' } as never).catch(() => undefined);
        await boss.work(name, { pollingIntervalSeconds: 1, batchSize: 1 }, async (jobs) => {
          for (const job of jobs) {
            const t0 = performance.now();
            try {
              await reg.handler((job.data ?? {}) as Record<string, unknown>, { id: job.id, name });
              log.debug({ job: name, ms: Math.round(performance.now() - t0) }, 'job done');
            } catch (err) {
              log.error({ err, job: name }, 'job failed');
              throw err;
            }
          }
        });
        if (reg.cron) await boss.schedule(name, reg.cron);
      }
      running = true;
    },
    async stop() {
      running = false;
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
    },
  };
}

/**
 * Jobs run in-process on demand: used by tests and by `JOBS=false` processes that only enqueue.
 * `drain()` runs everything queued so far, in order, like a worker would.
 */
export function createInlineJobs(): Jobs & { drain(): Promise<number>; queued: { name: string; data: Record<string, unknown> }[] } {
  const regs = new Map<string, Registration>();
  const queued: { name: string; data: Record<string, unknown>; key?: string }[] = [];
  return {
    queued,
    running: false,
    register(name, handler, o = {}) { regs.set(name, { handler, singleton: !!o.singleton, cron: o.cron }); },
    async send(name, data = {}, o = {}) {
      if (o.singletonKey && queued.some((q) => q.name === name && q.key === o.singletonKey)) return null;
      queued.push({ name, data, key: o.singletonKey });
      return String(queued.length);
    },
    async start() { /* nothing runs in the background */ },
    async stop() { /* nothing to stop */ },
    async drain() {
      let n = 0;
      while (queued.length) {
        const job = queued.shift()!;
        const reg = regs.get(job.name);
        if (reg) { await reg.handler(job.data, { id: String(n), name: job.name }); n++; }
      }
      return n;
    },
  };
}
