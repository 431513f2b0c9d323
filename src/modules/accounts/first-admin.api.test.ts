// First administrator of a production installation (one-time setup link) and accounts made by
// `synergy create-user` through a running server, with the forced password change at first sign-in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { ensureLocalSecret, issueSetupToken } from './first-admin.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'synergy-first-admin-'));
let t: TestApp;
before(async () => { t = await createTestApp({ env: { DATA_DIR: dataDir, DEMO_MODE: 'false' } }); });
after(async () => { await t.close(); rmSync(dataDir, { recursive: true, force: true }); });

const admin = { email: 'root@example.org', password: 'a long admin passphrase', name: 'Root', country: 'BY', lang: 'ru', timezone: 'Europe/Minsk' };

test('no administrator: the one-time setup link creates the first one, once; wrong or expired tokens are refused', async () => {
  const c = t.client({ lang: 'en' });
  assert.deepEqual((await c.get('/api/setup')).json(), { needed: true, token: null });
  const old = await issueSetupToken(t.deps);
  const { token } = await issueSetupToken(t.deps); // a restart issues a new link; the old one stops working
  assert.equal((await c.get('/api/setup', { query: { token: old.token } })).json().token, 'token_invalid');
  assert.equal((await c.post('/api/setup/admin', { ...admin, token: old.token })).json().error.code, 'token_invalid');
  assert.equal((await c.get('/api/setup', { query: { token } })).json().token, 'ok');

  t.clock.advance(25 * 3600_000);
  const late = await c.post('/api/setup/admin', { ...admin, token });
  assert.equal(late.statusCode, 410);
  assert.equal(late.json().error.code, 'token_expired');

  const fresh = await issueSetupToken(t.deps);
  const made = await c.post('/api/setup/admin', { ...admin, token: fresh.token });
  assert.equal(made.statusCode, 201, made.body);
  const me = await t.client().login(admin.email, admin.password);
  assert.deepEqual(me.roles, ['admin']);
  const again = await c.post('/api/setup/admin', { ...admin, email: 'second@example.org', token: fresh.token });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'setup_done');
  assert.deepEqual((await c.get('/api/setup')).json(), { needed: false, token: null });
});

test('create-user through the running server: loopback and the data folder secret only; the printed password must be changed first', async () => {
  const secret = ensureLocalSecret(dataDir);
  assert.equal(statSync(join(dataDir, 'cli-secret')).mode & 0o077, 0, 'only the server user reads the secret');
  const body = { email: 'Organiser@Example.org', roles: ['organiser'], country: 'CN', lang: 'zh', timezone: 'Asia/Shanghai' };
  const send = (headers: Record<string, string>, ip = '127.0.0.1') => t.app.inject({ method: 'POST', url: '/api/local/create-user', payload: body, headers, remoteAddress: ip });
  assert.equal((await send({})).statusCode, 403);
  assert.equal((await send({ 'x-synergy-local-secret': 'wrong' })).statusCode, 403);
  assert.equal((await send({ 'x-synergy-local-secret': secret }, '10.1.2.3')).statusCode, 403, 'not from another machine');
  assert.equal((await send({ 'x-synergy-local-secret': secret, 'x-forwarded-for': '203.0.113.9' })).statusCode, 403, 'not through a proxy');
  const ok = await send({ 'x-synergy-local-secret': secret });
  assert.equal(ok.statusCode, 200, ok.body);
  const r = ok.json();
  assert.equal(r.created, true);
  assert.deepEqual(r.roles.sort(), ['organiser']);
  assert.ok(r.password && r.password.length >= 12);

  const u = t.client({ lang: 'en' });
  await u.login('organiser@example.org', r.password);
  assert.equal((await u.get('/api/me')).statusCode, 200);
  const blocked = await u.get('/api/organisations');
  assert.equal(blocked.statusCode, 403);
  assert.equal(blocked.json().error.code, 'password_change_required');
  assert.match(blocked.json().error.message, /修改/, 'in the account language');
  const changed = await u.post('/api/me/password', { currentPassword: r.password, newPassword: 'my own long passphrase' });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal((await u.get('/api/organisations')).statusCode, 200);
  const rows = await t.deps.database.sql.query<{ action: string }>(`SELECT action FROM audit_log WHERE action IN ('create_cli', 'setup_first_admin') ORDER BY id`);
  assert.deepEqual(rows.rows.map((x) => x.action), ['setup_first_admin', 'create_cli']);
});
