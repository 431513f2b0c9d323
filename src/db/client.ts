// One PostgreSQL dialect, two engines: embedded PGlite (a folder) or a real PostgreSQL server.
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { SQL } from 'drizzle-orm';
import * as schema from './schema/index.ts';
import { durableCheckpoint, pgliteStartOptions, type PgliteSync } from './pglite-durability.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: commands accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

/** Minimal SQL runner used by pg-boss, backup/restore and tests; identical on both engines. */
export interface SqlRunner {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
  /** Several statements without parameters. */
  exec(text: string): Promise<void>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  sql: SqlRunner;
  /** Runs fn on one dedicated connection (advisory locks, migrations). */
  withConnection<T>(fn: (conn: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  pglite?: PGlite;
  /** PGlite in durable mode: a checkpoint whose files are then flushed to disk (run by a job). */
  checkpoint?: () => Promise<void>;
}

// node-postgres returns int8 as strings by default; counts and ids here fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export function fromPglite(client: PGlite): Database {
  const run: SqlRunner = {
    async query(text, params) {
      const r = await client.query(text, (params ?? []) as unknown[]);
      return { rows: r.rows as never[], rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(text) { await client.exec(text); },
  };
  return {
    kind: 'pglite',
    db: drizzlePglite(client, { schema }) as unknown as Db,
    sql: run,
    // PGlite has a single connection; its own queue serialises callers.
    withConnection: (fn) => fn(run),
    close: () => client.close(),
    pglite: client,
  };
}

/** Opens the embedded database; `sync` says how commits reach the disk (pglite-durability.ts). */
export async function openPglite(dataDir: string | undefined, sync: PgliteSync = 'full'): Promise<Database> {
  const client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...pgliteStartOptions(dataDir ? sync : 'unsafe-nosync') });
  const database = fromPglite(client);
  if (!dataDir || sync === 'unsafe-nosync') return database;
  const close = database.close;
  return {
    ...database,
    checkpoint: () => durableCheckpoint(client, dataDir),
    close: async () => { if (!client.closed) await durableCheckpoint(client, dataDir).catch(() => undefined); await close(); },
  };
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => { /* idle client errors are reported by the query that meets them */ });
  const wrap = (c: pg.Pool | pg.PoolClient): SqlRunner => ({
    async query(text, params) {
      const r = await c.query(text, params as unknown[]);
      return { rows: r.rows, rowCount: r.rowCount ?? 0 };
    },
    async exec(text) { await c.query(text); },
  });
  return {
    kind: 'postgres',
    db: drizzlePg(pool, { schema }) as unknown as Db,
    sql: wrap(pool),
    async withConnection(fn) {
      const c = await pool.connect();
      try { return await fn(wrap(c)); } finally { c.release(); }
    },
    close: () => pool.end(),
  };
}

/** Rows of a raw SQL query, the same on both engines. */
export async function queryRows<T>(db: Tx, query: SQL): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}
