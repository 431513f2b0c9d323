import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, lastMailToken, signUp, type TestApp } from '../../testing/test-app.ts';
import { outboxFor } from '../../platform/mail.ts';

let t: TestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

const reg = (email: string, extra: Record<string, unknown> = {}) => ({
  email, password: 'long enough pw', name: 'Ivan', organisationName: 'BNTU', country: 'BY', lang: 'ru', timezone: 'Europe/Minsk', acceptTerms: true, acceptPrivacy: true, ...extra,
});

test('register → verification mail in the user language → verify → login → me', async () => {
  const c = t.client();
  const r = await c.post('/api/auth/register', reg('Ivan@Example.org'));
  assert.equal(r.statusCode, 201);
  assert.equal(r.json().needsVerification, true);
  const mails = await outboxFor(t.deps.db, 'ivan@example.org');
  assert.equal(mails.length, 1);
  assert.match(mails[0].subject, /Подтвердите/);
  assert.equal(mails[0].status, 'kept');

  const early = await c.post('/api/auth/login', { email: 'ivan@example.org', password: 'long enough pw' });
  assert.equal(early.statusCode, 403);
  assert.equal(early.json().error.code, 'email_not_verified');

  const token = await lastMailToken(t, 'ivan@example.org', 'verify-email');
  assert.equal((await c.post('/api/auth/verify-email', { token })).statusCode, 200);
  assert.equal((await c.post('/api/auth/verify-email', { token })).json().error.code, 'token_invalid', 'single use');

  const me = await c.login('IVAN@example.org', 'long enough pw');
  assert.equal(me.email, 'ivan@example.org');
  assert.deepEqual(me.roles, ['participant']);
  assert.equal(me.lang, 'ru');
  const again = await c.get('/api/me');
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().name, 'Ivan');
});

test('registering a taken address answers like a new one and tells the owner by mail, in their language', async () => {
  const c = t.client({ lang: 'zh-CN,zh;q=0.9' });
  const first = await c.post('/api/auth/register', reg('dup@example.org', { lang: 'zh' }));
  const again = await t.client({ lang: 'en' }).post('/api/auth/register', reg('DUP@example.org', { lang: 'en', name: 'Someone else' }));
  assert.equal(again.statusCode, first.statusCode);
  assert.deepEqual(again.json(), first.json());
  const mails = await outboxFor(t.deps.db, 'dup@example.org');
  assert.deepEqual(mails.map((m) => m.template), ['verify_email', 'account_exists']);
  assert.match(mails[1].subject, /注册/, 'the owner reads it in the language of the account');
  const users = await t.deps.database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE lower(email) = 'dup@example.org'`);
  assert.equal(users.rows[0].n, 1);
});

test('validation errors name the field, in the user language', async () => {
  const c = t.client({ lang: 'ru' });
  const r = await c.post('/api/auth/register', { ...reg('x@example.org'), email: 'not-an-email', timezone: 'Mars/Olympus', extra: 1 });
  assert.equal(r.statusCode, 400);
  const e = r.json().error;
  assert.equal(e.code, 'validation_failed');
  const paths = e.fields.map((f: { path: string }) => f.path).sort();
  assert.deepEqual(paths, ['email', 'extra', 'timezone']);
  assert.equal(e.fields.find((f: { path: string }) => f.path === 'extra').code, 'unknown_field');
  assert.match(e.message, /Некоторые поля/);
  const missing = await c.post('/api/auth/register', { email: 'y@example.org' });
  assert.equal(missing.statusCode, 400);
  assert.ok(missing.json().error.fields.some((f: { path: string; code: string }) => f.path === 'password' && f.code === 'required'));
  const wrongType = await c.post('/api/auth/register', { ...reg('z@example.org'), name: 42 });
  assert.equal(wrongType.json().error.fields[0].code, 'invalid_type');
});

test('malformed JSON, oversized bodies and wrong content types get 4xx, never 500', async () => {
  const c = t.client();
  await c.refreshCsrf();
  const bad = await c.post('/api/auth/login', '{"email": ', { headers: { 'content-type': 'application/json' } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'malformed_json');
  const big = await c.post('/api/auth/login', JSON.stringify({ email: 'a@b.cd', password: 'x'.repeat(2 * 1024 * 1024) }), { headers: { 'content-type': 'application/json' } });
  assert.equal(big.statusCode, 413);
  const xml = await c.post('/api/auth/login', '<login/>', { headers: { 'content-type': 'application/xml' } });
  assert.equal(xml.statusCode, 415);
  const arr = await c.post('/api/auth/login', [1, 2]);
  assert.equal(arr.statusCode, 400);
});

test('script tags are stored as text and returned unchanged (escaped by the renderer)', async () => {
  const name = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const c = await signUp(t, { email: 'xss@example.org', name });
  const me = (await c.get('/api/me')).json();
  assert.equal(me.name, name);
});

test('state-changing requests without or with a forged CSRF token are refused', async () => {
  const c = await signUp(t, { email: 'csrf@example.org' });
  const none = await c.patch('/api/me', { name: 'New' }, { csrf: false });
  assert.equal(none.statusCode, 403);
  assert.equal(none.json().error.code, 'csrf_invalid');
  const forged = await c.patch('/api/me', { name: 'New' }, { csrf: false, headers: { 'x-csrf-token': 'forged-token-value' } });
  assert.equal(forged.statusCode, 403);
  const ok = await c.patch('/api/me', { name: 'New' });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().name, 'New');
  // A token from another browser (another csrf secret cookie) does not work either.
  const other = t.client();
  await other.refreshCsrf();
  const stolen = await c.patch('/api/me', { name: 'Stolen' }, { csrf: false, headers: { 'x-csrf-token': other.csrfToken! } });
  assert.equal(stolen.statusCode, 403);
});

test('forged and expired session cookies get 401 and are cleared', async () => {
  const forged = t.client();
  forged.cookies.set('synergy_session', 'forged-session-token-aaaaaaaaaaaaaaaaaaaa');
  const r = await forged.get('/api/me');
  assert.equal(r.statusCode, 401);
  assert.equal(r.json().error.code, 'session_expired');
  assert.equal(forged.cookies.has('synergy_session'), false);

  const c = await signUp(t, { email: 'expire@example.org' });
  assert.equal((await c.get('/api/me')).statusCode, 200);
  t.clock.advance((t.deps.config.SESSION_TTL_HOURS + 1) * 3600_000);
  const expired = await c.get('/api/me');
  assert.equal(expired.statusCode, 401);
  t.clock.set('2026-03-02T08:00:00Z');
});

test('login failures are throttled per account and per IP with growing delays, not a hard lock', async () => {
  await signUp(t, { email: 'brute@example.org', password: 'the right password' });
  const attacker = t.client({ ip: '10.0.0.1' });
  const free = t.deps.config.LOGIN_MAX_PER_ACCOUNT;
  for (let i = 0; i < free; i++) {
    const r = await attacker.post('/api/auth/login', { email: 'brute@example.org', password: `wrong ${i}` });
    assert.equal(r.statusCode, 401);
  }
  // A new browser must wait too (the delay is short, not a 15-minute lock) …
  const blocked = await t.client({ ip: '10.0.0.2' }).post('/api/auth/login', { email: 'brute@example.org', password: 'the right password' });
  assert.equal(blocked.statusCode, 429);
  assert.equal(blocked.json().error.code, 'rate_limited');
  assert.equal(Number(blocked.headers['retry-after']), 1);
  t.clock.advance(1000);
  assert.equal((await t.client({ ip: '10.0.0.3' }).post('/api/auth/login', { email: 'brute@example.org', password: 'the right password' })).statusCode, 200);

  // Failures from one IP are counted across accounts; successes are not.
  const ipClient = t.client({ ip: '10.9.9.9' });
  let last = 0;
  for (let i = 0; i <= t.deps.config.LOGIN_MAX_PER_IP; i++) {
    last = (await ipClient.post('/api/auth/login', { email: `nobody${i}@example.org`, password: 'whatever' })).statusCode;
  }
  assert.equal(last, 429);
  t.clock.set('2026-03-02T08:00:00Z');
});

test('password reset: mail, new password, all sessions revoked; unknown emails look the same', async () => {
  const c = await signUp(t, { email: 'reset@example.org', password: 'old password 1' });
  const unknown = await t.client().post('/api/auth/forgot-password', { email: 'nobody@example.org' });
  assert.equal(unknown.statusCode, 200);
  const r = await t.client().post('/api/auth/forgot-password', { email: 'reset@example.org' });
  assert.equal(r.statusCode, 200);
  const token = await lastMailToken(t, 'reset@example.org', 'reset-password');
  const short = await t.client().post('/api/auth/reset-password', { token, password: 'short' });
  assert.equal(short.statusCode, 400);
  assert.equal((await t.client().post('/api/auth/reset-password', { token, password: 'new password 2' })).statusCode, 200);
  assert.equal((await c.get('/api/me')).statusCode, 401, 'old session revoked');
  assert.equal((await t.client().post('/api/auth/login', { email: 'reset@example.org', password: 'old password 1' })).statusCode, 401);
  await t.client().login('reset@example.org', 'new password 2');
  const expiredToken = await (async () => {
    await t.client().post('/api/auth/forgot-password', { email: 'reset@example.org' });
    return lastMailToken(t, 'reset@example.org', 'reset-password');
  })();
  t.clock.advance(2 * 3600_000);
  const late = await t.client().post('/api/auth/reset-password', { token: expiredToken, password: 'new password 3' });
  assert.equal(late.statusCode, 410);
  t.clock.set('2026-03-02T08:00:00Z');
});

test('change password keeps this session, ends the others; logout and logout everywhere', async () => {
  const a = await signUp(t, { email: 'multi@example.org', password: 'first password' });
  const b = t.client();
  await b.login('multi@example.org', 'first password');
  const wrong = await a.post('/api/me/password', { currentPassword: 'nope nope nope', newPassword: 'second password' });
  assert.equal(wrong.statusCode, 401);
  assert.equal(wrong.json().error.fields[0].path, 'currentPassword');
  assert.equal((await a.post('/api/me/password', { currentPassword: 'first password', newPassword: 'second password' })).statusCode, 200);
  assert.equal((await a.get('/api/me')).statusCode, 200);
  assert.equal((await b.get('/api/me')).statusCode, 401);

  const c = t.client();
  await c.login('multi@example.org', 'second password');
  const sessions = (await a.get('/api/me/sessions')).json();
  assert.equal(sessions.length, 2);
  assert.equal(sessions.filter((s: { current: boolean }) => s.current).length, 1);
  assert.equal((await a.post('/api/auth/logout', { everywhere: true })).statusCode, 200);
  assert.equal((await a.get('/api/me')).statusCode, 401);
  assert.equal((await c.get('/api/me')).statusCode, 401);
});

test('language: Accept-Language first, then the saved choice', async () => {
  const anon = t.client({ lang: 'zh' });
  assert.match((await anon.get('/api/me')).json().error.message, /请先登录/);
  await anon.post('/api/lang', { lang: 'ru' });
  assert.match((await anon.get('/api/me')).json().error.message, /Войдите/);

  const c = await signUp(t, { email: 'lang@example.org', lang: 'en' });
  c.lang = 'ru';
  assert.equal((await c.post('/api/lang', { lang: 'zh' })).statusCode, 200);
  assert.equal((await c.get('/api/me')).json().lang, 'zh');
  const err = await c.patch('/api/me', { timezone: 'Nowhere/City' });
  assert.match(err.json().error.message, /字段/);
});

test('profile update validates time zones and records the change in the audit log', async () => {
  const c = await signUp(t, { email: 'tz@example.org' });
  const r = await c.patch('/api/me', { timezone: 'Asia/Shanghai' });
  assert.equal(r.json().timezone, 'Asia/Shanghai');
  const rows = await t.deps.database.sql.query<{ action: string; changes: Record<string, unknown> }>(
    `SELECT action, changes FROM audit_log WHERE entity_type = 'user' AND action = 'update' ORDER BY id DESC LIMIT 1`);
  assert.deepEqual(rows.rows[0].changes.timezone, { from: 'Europe/Minsk', to: 'Asia/Shanghai' });
});
