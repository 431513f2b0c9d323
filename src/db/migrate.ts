// Applies the committed SQL migrations (src/db/migrations, written by drizzle-kit) in order.
// The same files run on PGlite and PostgreSQL. On PostgreSQL an advisory lock makes
// concurrent starts of several processes safe: one migrates, the others wait and find nothing to do.
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { fileURLToPath } from 'node:url';
import type { Database, SqlRunner } from './client.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
const LOCK_ID = 720_210_929; // arbitrary, stable

export type MigrationState = { applied: number; total: number; pending: string[]; latest: string | null };

// Read and hashed once per process: the files ship with the code, and /api/health asks for them on every
// call (reading and hashing them synchronously each time blocked the event loop under load).
let cached: ReturnType<typeof readMigrationFiles> | null = null;
function files() {
  return (cached ??= readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR }));
}

async function ensureTable(conn: SqlRunner) {
  await conn.exec(`CREATE SCHEMA IF NOT EXISTS synergy_meta;
    CREATE TABLE IF NOT EXISTS synergy_meta.migrations (
      hash text PRIMARY KEY, tag text NOT NULL, created_at bigint NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());`);
}

export const migrationHashes = (): string[] => files().map((m) => m.hash);

function tags(): string[] {
  // drizzle's journal order equals file order; tags are the file names without .sql
  return files().map((m, i) => `${String(i).padStart(4, '0')}:${m.hash.slice(0, 12)}`);
}

export async function migrationState(database: Database): Promise<MigrationState> {
  const all = files();
  let appliedHashes = new Set<string>();
  try {
    const r = await database.sql.query<{ hash: string }>('SELECT hash FROM synergy_meta.migrations');
    appliedHashes = new Set(r.rows.map((x) => x.hash));
  } catch { /* not migrated yet */ }
  const t = tags();
  const pending = all.map((m, i) => (appliedHashes.has(m.hash) ? null : t[i])).filter((x): x is string => x !== null);
  return { applied: all.length - pending.length, total: all.length, pending, latest: t[t.length - 1] ?? null };
}

/** Applies pending migrations; `upTo` stops after that many in total (used by restore). */
export async function migrate(database: Database, opts: { upTo?: number } = {}): Promise<{ applied: number }> {
  return database.withConnection(async (conn) => {
    if (database.kind === 'postgres') await conn.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    try {
      await ensureTable(conn);
      const done = new Set((await conn.query<{ hash: string }>('SELECT hash FROM synergy_meta.migrations')).rows.map((r) => r.hash));
      const t = tags();
      let applied = 0;
      for (const [i, m] of files().entries()) {
        if (opts.upTo !== undefined && i >= opts.upTo) break;
        if (done.has(m.hash)) continue;
        await conn.exec('BEGIN');
        try {
          for (const stmt of m.sql) if (stmt.trim()) await conn.exec(stmt);
          await conn.query('INSERT INTO synergy_meta.migrations (hash, tag, created_at) VALUES ($1, $2, $3)', [m.hash, t[i], m.folderMillis]);
          await conn.exec('COMMIT');
          applied++;
        } catch (e) {
          await conn.exec('ROLLBACK');
          throw e;
        }
      }
      return { applied };
    } finally {
      if (database.kind === 'postgres') await conn.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]);
    }
  });
}
