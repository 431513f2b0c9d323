// Wires configuration, database, jobs and the HTTP app together for `synergy serve` and the CLI.
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from '../config.ts';
import { openPglite, openPostgres, type Database } from '../db/client.ts';
import { lockDataDir } from '../db/data-dir-lock.ts';
import { migrate } from '../db/migrate.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { createInlineJobs, createPgBossJobs, type Jobs } from '../platform/jobs.ts';
import type { Deps } from '../platform/context.ts';
import { registerJobs } from './jobs-registry.ts';

/** JSON lines in production (for log collectors); human-readable lines in development or with `serve --dev`. */
export function createLogger(config: Config, o: { pretty?: boolean } = {}): Logger {
  const options = { level: config.LOG_LEVEL, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  if (!(o.pretty ?? config.NODE_ENV === 'development')) return pino(options);
  // In-process and synchronous (no worker thread), so the last lines are never lost at exit.
  return pino(options, pretty({ colorize: process.stdout.isTTY, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }));
}

/** Opens the configured database; for PGlite, takes the data folder's lock first. */
export async function openDatabase(config: Config): Promise<Database & { release?: () => void }> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  const release = await lockDataDir(config.dataDir);
  try {
    const database = await openPglite(join(config.dataDir, 'pgdata'), config.PGLITE_SYNC);
    const close = database.close;
    return { ...database, close: async () => { await close(); release(); }, release };
  } catch (e) {
    release();
    throw e;
  }
}

export async function createDeps(config: Config, o: { log?: Logger; clock?: Clock; database?: Database; jobs?: Jobs } = {}): Promise<Deps> {
  const log = o.log ?? createLogger(config);
  const database = o.database ?? (await openDatabase(config));
  await migrate(database);
  const jobs = o.jobs ?? (config.JOBS
    ? createPgBossJobs(database, log, { connectionString: config.DATABASE_URL })
    : createInlineJobs());
  const deps: Deps = { database, db: database.db, clock: o.clock ?? systemClock, config, jobs, log };
  registerJobs(deps);
  return deps;
}
