// Test databases start from a migrated template, never from a fresh init:
//  - PGlite: the data directory of a migrated database, dumped once to .tmp/ and loaded per test file;
//  - PostgreSQL (SYNERGY_TEST_DB=postgres with TEST_DATABASE_URL): CREATE DATABASE … TEMPLATE a migrated one.
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from '../db/pglite-durability.ts';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { fromPglite, openPostgres, type Database } from '../db/client.ts';
import { migrate, migrationHashes } from '../db/migrate.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TMP = join(ROOT, '.tmp');

export const testDbKind = (): 'pglite' | 'postgres' => (process.env.SYNERGY_TEST_DB === 'postgres' ? 'postgres' : 'pglite');
const templateKey = () => createHash('sha256').update(migrationHashes().join(',')).digest('hex').slice(0, 12);

async function pgliteTemplate(): Promise<Blob> {
  const file = join(TMP, `pglite-template-${templateKey()}.tar.gz`);
  if (!existsSync(file)) {
    mkdirSync(TMP, { recursive: true });
    const db = fromPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
    await migrate(db);
    const dump = await db.pglite!.dumpDataDir('gzip');
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file); // atomic: parallel test files may race to create it
    await db.close();
  }
  return new Blob([readFileSync(file)]);
}

async function postgresFromTemplate(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('SYNERGY_TEST_DB=postgres needs TEST_DATABASE_URL');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const tpl = `synergy_tpl_${templateKey()}`;
  const name = `synergy_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    await admin.query('SELECT pg_advisory_lock(720210931)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [tpl]);
    if (!exists.rowCount) {
      await admin.query(`CREATE DATABASE ${tpl}`);
      const u = new URL(url); u.pathname = `/${tpl}`;
      const t = openPostgres(u.toString(), 1);
      await migrate(t);
      await t.close();
    }
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${tpl}`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(720210931)').catch(() => undefined);
    await admin.end();
  }
  const u = new URL(url); u.pathname = `/${name}`;
  const database = openPostgres(u.toString(), 5);
  const close = database.close;
  return {
    ...database,
    async close() {
      await close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => undefined);
      await a.end();
    },
  };
}

/** A migrated, empty database for one test file. */
export async function createTestDatabase(): Promise<Database> {
  if (testDbKind() === 'postgres') return postgresFromTemplate();
  const client = await PGlite.create({ loadDataDir: await pgliteTemplate(), extensions: PGLITE_EXTENSIONS });
  return fromPglite(client);
}
