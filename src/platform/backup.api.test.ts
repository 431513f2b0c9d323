// Backup and restore: a full, consistent copy that restores on PGlite (and on PostgreSQL when TEST_DATABASE_URL is set).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from '../db/pglite-durability.ts';
import { createTestApp, DEMO } from '../testing/test-app.ts';
import { createTestDatabase } from '../testing/test-db.ts';
import { backupDatabase, restoreDatabase, RestoreError } from './backup.ts';
import { fromPglite, openPostgres, type Database } from '../db/client.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../config.ts';
import { ManualClock } from './clock.ts';
import { createInlineJobs } from './jobs.ts';

const TMP = join(process.cwd(), '.tmp', 'backup-tests');
mkdirSync(TMP, { recursive: true });
const tmpFile = (name: string) => join(TMP, `${process.pid}-${randomBytes(3).toString('hex')}-${name}`);

async function canLogIn(database: Database, email: string) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'false' });
  const app = await buildApp({ database, db: database.db, clock: new ManualClock('2026-03-02T08:00:00Z'), config, jobs: createInlineJobs(), log: pino({ level: 'silent' }) });
  try {
    const res = await app.inject({ method: 'GET', url: '/api/csrf' });
    const token = res.json().token as string;
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { cookie, 'x-csrf-token': token }, payload: { email, password: DEMO.password } });
    return login.statusCode;
  } finally { await app.close(); }
}

test('a backup of the demo exchange restores into an empty PGlite database with every row', async () => {
  const t = await createTestApp({ demo: true });
  const file = tmpFile('demo.synergy.gz');
  const written = await backupDatabase(t.deps.database, file);
  await t.close();
  assert.ok(written.users >= 6 && written.organisations >= 20, 'the demo data is in the backup');

  const target = fromPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
  try {
    const restored = await restoreDatabase(target, file);
    for (const [table, n] of Object.entries(written)) assert.equal(restored[table] ?? 0, n, `rows of ${table}`);
    assert.equal(await canLogIn(target, DEMO.admin), 200, 'the restored database serves logins');
  } finally { await target.close(); }
});

test('restore refuses a non-empty target without force, and replaces its data with force', async () => {
  const t = await createTestApp({ demo: true });
  const file = tmpFile('force.synergy.gz');
  const written = await backupDatabase(t.deps.database, file);
  await t.close();
  const target = await createTestDatabase();
  try {
    await target.sql.exec(`INSERT INTO app_meta (key, value, updated_at) VALUES ('stray', '{}', now())`);
    await assert.rejects(restoreDatabase(target, file), (e) => e instanceof RestoreError && /not empty/.test(e.message));
    const restored = await restoreDatabase(target, file, { force: true });
    assert.equal(restored.users, written.users);
    const stray = await target.sql.query(`SELECT 1 FROM app_meta WHERE key = 'stray'`);
    assert.equal(stray.rows.length, 0, 'data that was not in the backup is gone');
  } finally { await target.close(); }
});

test('files that are not Synergy backups are refused with a clear message', async () => {
  const target = await createTestDatabase();
  try {
    const notGzip = tmpFile('plain.txt');
    writeFileSync(notGzip, 'hello');
    await assert.rejects(restoreDatabase(target, notGzip));
    const foreign = tmpFile('foreign.gz');
    writeFileSync(foreign, gzipSync('{"format":"something-else"}\n'));
    await assert.rejects(restoreDatabase(target, foreign, { force: true }), (e) => e instanceof RestoreError && /not a Synergy backup/.test(e.message));
    const newer = tmpFile('newer.gz');
    writeFileSync(newer, gzipSync(JSON.stringify({ format: 'synergy-backup', version: 1, migrations: Array(999).fill('x'), tables: [] }) + '\n'));
    await assert.rejects(restoreDatabase(target, newer, { force: true }), (e) => e instanceof RestoreError && /newer/.test(e.message));
  } finally { await target.close(); }
});

test('PGlite → PostgreSQL → PGlite round trip keeps every row (needs TEST_DATABASE_URL)', { skip: !process.env.TEST_DATABASE_URL && 'TEST_DATABASE_URL not set' }, async () => {
  const url = process.env.TEST_DATABASE_URL!;
  const name = `synergy_restore_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(url); u.pathname = `/${name}`;
  const target = openPostgres(u.toString(), 2);
  try {
    const t = await createTestApp({ demo: true });
    const file = tmpFile('to-pg.synergy.gz');
    const written = await backupDatabase(t.deps.database, file);
    await t.close();
    const restored = await restoreDatabase(target, file);
    assert.deepEqual(restored, Object.fromEntries(Object.entries(written).filter(([, n]) => n > 0)));
    assert.equal(await canLogIn(target, DEMO.participantCn), 200);
    const back = tmpFile('from-pg.synergy.gz');
    const again = await backupDatabase(target, back);
    const loginTables = new Set(['sessions', 'audit_log', 'rate_limits', 'known_devices']); // the login above wrote to these
    for (const [table, n] of Object.entries(written)) if (!loginTables.has(table)) assert.equal(again[table], n, `rows of ${table}`);
    const lite = fromPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
    try {
      const r = await restoreDatabase(lite, back);
      assert.equal(r.users, written.users);
    } finally { await lite.close(); }
  } finally {
    await target.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
});
