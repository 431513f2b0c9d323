// Mail delivery leases, the data-folder lock and backups: what survives a crash and what a backup holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createTestApp, signUp, lastMailToken } from '../testing/test-app.ts';
import { deliverPendingMail, MAIL_LEASE_MS } from './mail.ts';
import { lockDataDir, DataDirLockedError } from '../db/data-dir-lock.ts';
import { backupDatabase } from './backup.ts';

test('mail: a crash mid-batch resends at most the one message in flight, after its lease', async () => {
  const t = await createTestApp({ env: { SMTP_URL: 'smtp://localhost:2525' } });
  try {
    for (let i = 0; i < 6; i++) await t.client().post('/api/auth/register', { email: `m${i}@example.org`, password: 'mail lease test pw', name: 'M', organisationName: 'O', country: 'BY', lang: 'en', timezone: 'Europe/Minsk', acceptTerms: true, acceptPrivacy: true });
    const sent: string[] = [];
    let calls = 0;
    // The "process" dies while handing the fourth message to SMTP.
    const crashing = async (m: { to: string }) => { if (++calls === 4) throw Object.assign(new Error('killed'), { crash: true }); sent.push(m.to); };
    const crash = deliverPendingMail(t.deps, 20, async (m) => {
      if (calls === 3) { calls++; await new Promise(() => {}); } // hangs forever: the worker is gone
      return crashing(m);
    });
    void crash;
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(sent.length, 3);
    const states = await t.deps.database.sql.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM mail_outbox GROUP BY status ORDER BY status`);
    assert.deepEqual(states.rows, [{ status: 'pending', n: 2 }, { status: 'sending', n: 1 }, { status: 'sent', n: 3 }]);
    // Another worker: the leased message waits; after the lease it is sent once more (at-least-once).
    const second: string[] = [];
    assert.equal(await deliverPendingMail(t.deps, 20, async (m) => { second.push(m.to); }), 2);
    t.clock.advance(MAIL_LEASE_MS + 1000);
    assert.equal(await deliverPendingMail(t.deps, 20, async (m) => { second.push(m.to); }), 1);
    assert.equal(second.length + sent.length, 6, 'every message once, the in-flight one possibly twice');
    assert.equal(new Set([...sent, ...second]).size, 6);
  } finally { await t.close(); }
});

test('data-folder lock: held by a live process, free after it is killed even if its pid is reused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'synergy-lock-'));
  try {
    const release = await lockDataDir(dir);
    await assert.rejects(lockDataDir(dir), DataDirLockedError, 'a second opener is refused');
    release();
    const again = await lockDataDir(dir);
    again();
    // A child takes the lock and is killed with SIGKILL; the stale pid file names a live process (us).
    const child = spawn(process.execPath, ['--import', 'tsx', '-e',
      `import('${join(process.cwd(), 'src/db/data-dir-lock.ts')}').then(async (m) => { await m.lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000); })`],
    { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout!.on('data', (d) => { if (String(d).includes('locked')) resolve(); }));
    await assert.rejects(lockDataDir(dir), DataDirLockedError);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    writeFileSync(join(dir, 'synergy.lock'), String(process.pid));
    const after = await lockDataDir(dir);
    after();
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('backups are written 0600 and hold no mail links and no expired sessions', async () => {
  const t = await createTestApp();
  const dir = mkdtempSync(join(tmpdir(), 'synergy-backup-'));
  try {
    await signUp(t, { email: 'b@example.org' });
    await t.client().post('/api/auth/forgot-password', { email: 'b@example.org' });
    assert.ok(await lastMailToken(t, 'b@example.org', 'reset-password'));
    const old = await signUp(t, { email: 'old@example.org' });
    void old;
    t.clock.advance((t.deps.config.SESSION_TTL_HOURS + 1) * 3600_000);
    await signUp(t, { email: 'fresh@example.org' });
    const file = join(dir, 'b.jsonl.gz');
    writeFileSync(file, 'old', { mode: 0o644 });
    // The backup filters by the database's real clock, not the test clock: place the two sessions around it.
    await t.deps.database.sql.query(`UPDATE sessions SET expires_at = now() - interval '1 hour' WHERE user_id = (SELECT id FROM users WHERE email = 'old@example.org')`);
    await t.deps.database.sql.query(`UPDATE sessions SET expires_at = now() + interval '1 day' WHERE user_id = (SELECT id FROM users WHERE email = 'fresh@example.org')`);
    await backupDatabase(t.deps.database, file);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const tables: Record<string, Record<string, unknown>[]> = {};
    for await (const line of createInterface({ input: createReadStream(file).pipe(createGunzip()) })) {
      const o = JSON.parse(line);
      if (o.table) (tables[o.table] ??= []).push(...o.rows);
    }
    assert.equal((tables.email_tokens ?? []).length, 0, 'no verification or reset links');
    const users = Object.fromEntries((tables.users ?? []).map((u) => [u.id as string, u.email as string]));
    const sessionOwners = (tables.sessions ?? []).map((s) => users[s.user_id as string]);
    assert.ok(sessionOwners.includes('fresh@example.org'));
    assert.ok(!sessionOwners.includes('old@example.org'), 'expired sessions are left out');
  } finally { rmSync(dir, { recursive: true, force: true }); await t.close(); }
});
