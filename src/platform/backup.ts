// Full, consistent copy of the database as gzip'd JSON lines, restorable on PGlite or PostgreSQL.
// Rows are read with to_jsonb() inside one REPEATABLE READ transaction and written back with
// jsonb_populate_recordset(), so every column type round-trips through PostgreSQL itself.
import { createGzip, createGunzip } from 'node:zlib';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';
import type { Database, SqlRunner } from '../db/client.ts';
import { migrate, migrationHashes } from '../db/migrate.ts';

export const BACKUP_FORMAT = 'synergy-backup';
const CHUNK = 500;

type Header = { format: string; version: 1; createdAt: string; migrations: string[]; tables: string[] };

/**
 * Secrets a backup must not carry: single-use mail links (verification, password reset — a restored copy
 * must not revive them; people ask for a new link) and expired sessions or invitations.
 */
const BACKUP_ROW_FILTER: Record<string, string> = {
  email_tokens: 'WHERE false',
  sessions: 'WHERE expires_at > now()',
  invitations: 'WHERE used_at IS NOT NULL OR revoked_at IS NOT NULL OR expires_at > now()',
};

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function appTables(conn: SqlRunner): Promise<string[]> {
  const r = await conn.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
  return r.rows.map((x) => x.table_name);
}

async function appliedMigrations(conn: SqlRunner): Promise<string[]> {
  const r = await conn.query<{ hash: string }>('SELECT hash FROM synergy_meta.migrations ORDER BY created_at, hash');
  return r.rows.map((x) => x.hash);
}

/**
 * Runs `fn` in one read-only REPEATABLE READ snapshot. PGlite has one connection shared by every request,
 * so there the snapshot is PGlite's exclusive transaction (other requests wait until the copy is done);
 * PostgreSQL uses a dedicated connection and nobody waits.
 */
async function inSnapshot(database: Database, fn: (conn: SqlRunner) => Promise<void>) {
  if (database.pglite) {
    await database.pglite.transaction(async (tx) => {
      await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const conn: SqlRunner = {
        async query(text, params) { const r = await tx.query(text, (params ?? []) as unknown[]); return { rows: r.rows as never[], rowCount: r.affectedRows ?? r.rows.length }; },
        async exec(text) { await tx.exec(text); },
      };
      await fn(conn);
    });
    return;
  }
  await database.withConnection(async (conn) => {
    await conn.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try { await fn(conn); await conn.exec('COMMIT'); } catch (e) { await conn.exec('ROLLBACK'); throw e; }
  });
}

/** Writes a backup to `out` (a file path or a writable stream). Returns row counts per table. */
export async function backupDatabase(database: Database, out: string | Writable): Promise<Record<string, number>> {
  const gzip = createGzip();
  // Only the owner may read it: a backup holds password hashes and session hashes.
  const sink = typeof out === 'string' ? createWriteStream(out, { mode: 0o600 }) : out;
  if (typeof out === 'string') await chmod(out, 0o600).catch(() => undefined); // an existing file keeps its mode otherwise
  gzip.pipe(sink);
  const write = async (obj: unknown) => { if (!gzip.write(JSON.stringify(obj) + '\n')) await once(gzip, 'drain'); };
  const counts: Record<string, number> = {};
  await inSnapshot(database, async (conn) => {
    const tables = await appTables(conn);
    const header: Header = { format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), migrations: await appliedMigrations(conn), tables };
    await write(header);
    for (const table of tables) {
      counts[table] = 0;
      for (let offset = 0; ; offset += CHUNK) {
        const r = await conn.query<{ r: Record<string, unknown> }>(
          `SELECT to_jsonb(t) AS r FROM ${ident(table)} t ${BACKUP_ROW_FILTER[table] ?? ''} ORDER BY ctid LIMIT ${CHUNK} OFFSET ${offset}`);
        if (!r.rows.length) break;
        counts[table] += r.rows.length;
        await write({ table, rows: r.rows.map((x) => x.r) });
        if (r.rows.length < CHUNK) break;
      }
    }
    await write({ end: true, counts });
  });
  gzip.end();
  await once(sink, 'finish');
  return counts;
}

async function isEmpty(conn: SqlRunner): Promise<boolean> {
  const r = await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
  return Number(r.rows[0].n) === 0;
}

export class RestoreError extends Error {}

/**
 * Restores a backup into `database`. The target must be empty unless `force` (then all data is dropped).
 * Migrations are applied up to the backup's version, rows are loaded, then newer migrations run.
 */
export async function restoreDatabase(database: Database, input: string | Readable, opts: { force?: boolean } = {}): Promise<Record<string, number>> {
  const stream = typeof input === 'string' ? createReadStream(input) : input;
  const lines = createInterface({ input: stream.pipe(createGunzip()), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) throw new RestoreError('The backup file is empty.');
  let header: Header;
  try { header = JSON.parse(first.value); } catch { throw new RestoreError('This is not a Synergy backup file.'); }
  if (header.format !== BACKUP_FORMAT || header.version !== 1) throw new RestoreError('This is not a Synergy backup file (unknown format).');

  const ours = migrationHashes();
  if (header.migrations.length > ours.length) throw new RestoreError('The backup comes from a newer Synergy version; upgrade first.');
  if (header.migrations.some((h, i) => h !== ours[i])) throw new RestoreError('The backup was made by a different line of Synergy migrations.');

  const counts: Record<string, number> = {};
  await database.withConnection(async (conn) => {
    if (!(await isEmpty(conn))) {
      if (!opts.force) throw new RestoreError('The target database is not empty; use --force to replace its data.');
      await conn.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS synergy_meta CASCADE; DROP SCHEMA IF EXISTS pgboss CASCADE;');
    }
  });
  await migrate(database, { upTo: header.migrations.length });
  await database.withConnection(async (conn) => {
    const fks = await conn.query<{ tbl: string; name: string }>(`SELECT conrelid::regclass::text AS tbl, conname AS name FROM pg_constraint
      WHERE contype = 'f' AND connamespace = 'public'::regnamespace`);
    const columns = new Map<string, string[]>();
    for (const table of header.tables) {
      const r = await conn.query<{ attname: string }>(`SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0
        AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`, [`public.${ident(table)}`]);
      columns.set(table, r.rows.map((x) => x.attname));
    }
    // Foreign keys are checked at commit, so rows can be loaded in file order (self-references included).
    for (const fk of fks.rows) await conn.exec(`ALTER TABLE ${fk.tbl} ALTER CONSTRAINT ${ident(fk.name)} DEFERRABLE INITIALLY DEFERRED`);
    try {
      await conn.exec('BEGIN');
      try {
        for (let next = await it.next(); !next.done; next = await it.next()) {
          const rec = JSON.parse(next.value) as { table?: string; rows?: unknown[]; end?: boolean };
          if (rec.end) break;
          if (!rec.table || !rec.rows) continue;
          const cols = columns.get(rec.table);
          if (!cols) throw new RestoreError(`The backup has an unknown table ${rec.table}.`);
          const list = cols.map(ident).join(', ');
          await conn.query(`INSERT INTO ${ident(rec.table)} (${list}) OVERRIDING SYSTEM VALUE
            SELECT ${list} FROM jsonb_populate_recordset(NULL::${ident(rec.table)}, $1::jsonb)`, [JSON.stringify(rec.rows)]);
          counts[rec.table] = (counts[rec.table] ?? 0) + rec.rows.length;
        }
        const ids = await conn.query<{ tbl: string; col: string }>(`SELECT table_name AS tbl, column_name AS col FROM information_schema.columns
          WHERE table_schema = 'public' AND is_identity = 'YES'`);
        for (const { tbl, col } of ids.rows) {
          await conn.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${ident(col)}) FROM ${ident(tbl)}), 0) + 1, false)`, [`public.${ident(tbl)}`, col]);
        }
        await conn.exec('COMMIT');
      } catch (e) {
        await conn.exec('ROLLBACK');
        throw e;
      }
    } finally {
      for (const fk of fks.rows) await conn.exec(`ALTER TABLE ${fk.tbl} ALTER CONSTRAINT ${ident(fk.name)} NOT DEFERRABLE`);
    }
  });
  await migrate(database);
  return counts;
}
