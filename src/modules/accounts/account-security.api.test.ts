// Account security: login throttling (ASVS 2.2.1), reset links, password strength, idle sessions, no enumeration.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, lastMailToken, signUp, type TestApp } from '../../testing/test-app.ts';
import { outboxFor } from '../../platform/mail.ts';
import { delayAfter } from '../../platform/login-throttle.ts';
import { passwordWeakness } from '../../platform/password-strength.ts';

let t: TestApp;
before(async () => { t = await createTestApp({ env: { SESSION_IDLE_HOURS: '12' } }); });
after(async () => { await t.close(); });
const START = '2026-03-02T08:00:00Z';

test('the delay doubles after the free failures and is capped', () => {
  const rule = { free: 3, maxDelayMs: 60_000 };
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 20].map((n) => delayAfter(n, rule)), [0, 0, 0, 1000, 2000, 4000, 8000, 60_000]);
});

test('a venue behind one NAT: many successful logins from one IP are never throttled', async () => {
  const emails = Array.from({ length: 8 }, (_, i) => `nat${i}@example.org`);
  for (const email of emails) await signUp(t, { email, password: 'venue password 2026' });
  const venue = (i: number) => t.client({ ip: '192.0.2.50' }).post('/api/auth/login', { email: emails[i % emails.length], password: 'venue password 2026' });
  for (let i = 0; i < t.deps.config.LOGIN_MAX_PER_IP + 10; i++) assert.equal((await venue(i)).statusCode, 200, `login ${i}`);
});

test("an attack on an account does not lock out its owner's known browser", async () => {
  const owner = await signUp(t, { email: 'owner@example.org', password: 'owner password 2026' });
  await owner.post('/api/auth/logout');
  assert.ok(owner.cookies.has('synergy_device'), 'the browser is remembered');
  const attacker = t.client({ ip: '203.0.113.9' });
  // Twelve wrong guesses, each after waiting out the delay the previous ones imposed.
  for (let i = 0; i < 12;) {
    const r = await attacker.post('/api/auth/login', { email: 'owner@example.org', password: `guess ${i}` });
    if (r.statusCode === 429) t.clock.advance(Number(r.headers['retry-after']) * 1000);
    else { assert.equal(r.statusCode, 401); i++; }
  }
  const stranger = await t.client({ ip: '203.0.113.10' }).post('/api/auth/login', { email: 'owner@example.org', password: 'owner password 2026' });
  assert.equal(stranger.statusCode, 429, 'an unknown browser waits');
  assert.ok(Number(stranger.headers['retry-after']) >= 64, 'the wait has grown with the failures');
  assert.equal((await owner.post('/api/auth/login', { email: 'owner@example.org', password: 'owner password 2026' })).statusCode, 200, 'the owner gets in');
  // The owner's success does not reset the attacker's delay.
  assert.equal((await attacker.post('/api/auth/login', { email: 'owner@example.org', password: 'guess again' })).statusCode, 429);
  // A forged device cookie is just an unknown browser.
  const forged = t.client({ ip: '203.0.113.11' });
  forged.cookies.set('synergy_device', 'forged-device-token-aaaaaaaaaaaaaaaaaaaaaaaa');
  assert.equal((await forged.post('/api/auth/login', { email: 'owner@example.org', password: 'owner password 2026' })).statusCode, 429);
  t.clock.set(START);
});

test('X-Forwarded-For is ignored unless TRUST_PROXY is set', async () => {
  const xff = (c: ReturnType<TestApp['client']>, i: number) =>
    c.post('/api/auth/login', { email: `ghost${i}@example.org`, password: 'wrong wrong' }, { headers: { 'x-forwarded-for': `198.51.100.${i}` } });
  const direct = t.client({ ip: '10.20.30.40' });
  let last = 0;
  for (let i = 0; i <= t.deps.config.LOGIN_MAX_PER_IP; i++) last = (await xff(direct, i)).statusCode;
  assert.equal(last, 429, 'rotating the header does not escape the per-IP count');

  const proxied = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  try {
    const c = proxied.client({ ip: '10.20.30.41' });
    for (let i = 0; i <= proxied.deps.config.LOGIN_MAX_PER_IP; i++) last = (await xff(c, i)).statusCode;
    assert.equal(last, 401, 'behind a trusted proxy each client address counts on its own');
  } finally { await proxied.close(); }
  t.clock.set(START);
});

test('reset links: a newer one retires the older, and using one retires all', async () => {
  await signUp(t, { email: 'links@example.org', password: 'first strong pass' });
  const forgot = () => t.client().post('/api/auth/forgot-password', { email: 'links@example.org' });
  await forgot();
  const first = await lastMailToken(t, 'links@example.org', 'reset-password');
  await forgot();
  const second = await lastMailToken(t, 'links@example.org', 'reset-password');
  assert.notEqual(first, second);
  const old = await t.client().post('/api/auth/reset-password', { token: first, password: 'second strong pass' });
  assert.equal(old.statusCode, 400);
  assert.equal(old.json().error.code, 'token_invalid');
  await forgot();
  const third = await lastMailToken(t, 'links@example.org', 'reset-password');
  // `second` was retired by `third`; `third` works once and then nothing older works either.
  assert.equal((await t.client().post('/api/auth/reset-password', { token: second, password: 'second strong pass' })).statusCode, 400);
  assert.equal((await t.client().post('/api/auth/reset-password', { token: third, password: 'second strong pass' })).statusCode, 200);
  assert.equal((await t.client().post('/api/auth/reset-password', { token: third, password: 'third strong pass!' })).statusCode, 400);
});

test('weak passwords are refused with a message in the user language; strong ones pass', async () => {
  assert.equal(await passwordWeakness('password12'), 'common');
  assert.equal(await passwordWeakness('aaaaaaaaaa'), 'guessable');
  assert.equal(await passwordWeakness('qwertyuiop'), 'common');
  assert.equal(await passwordWeakness('petrovivan1'), null);
  assert.equal(await passwordWeakness('petrovivan1', ['ivan.petrov@example.org', 'Ivan Petrov']), 'guessable', 'own name');
  assert.equal(await passwordWeakness('correct horse battery'), null);
  for (const [lang, re] of [['ru', /легко подобрать/], ['zh', /容易被猜到/], ['en', /too easy to guess/]] as const) {
    for (const pw of ['password12', 'aaaaaaaaaa']) {
      const r = await t.client({ lang }).post('/api/auth/register', { email: `weak-${lang}@example.org`, password: pw, name: 'W', organisationName: 'W',
        country: 'BY', lang, timezone: 'Europe/Minsk', acceptTerms: true, acceptPrivacy: true });
      assert.equal(r.statusCode, 400, pw);
      assert.equal(r.json().error.fields[0].path, 'password');
      assert.equal(r.json().error.fields[0].code, 'weak_password');
      assert.match(r.json().error.fields[0].message, re);
    }
  }
  const c = await signUp(t, { email: 'strong@example.org', password: 'a strong passphrase' });
  const change = await c.post('/api/me/password', { currentPassword: 'a strong passphrase', newPassword: 'aaaaaaaaaa' });
  assert.equal(change.statusCode, 400);
  assert.equal(change.json().error.fields[0].path, 'newPassword');
  await t.client().post('/api/auth/forgot-password', { email: 'strong@example.org' });
  const token = await lastMailToken(t, 'strong@example.org', 'reset-password');
  assert.equal((await t.client().post('/api/auth/reset-password', { token, password: 'password12' })).statusCode, 400);
});

test('a session ends after the idle timeout although its absolute lifetime is not over, and use does not extend the lifetime', async () => {
  const idleMs = t.deps.config.SESSION_IDLE_HOURS * 3600_000;
  const c = await signUp(t, { email: 'idle@example.org' });
  t.clock.advance(idleMs - 60_000);
  assert.equal((await c.get('/api/me')).statusCode, 200, 'used just before the idle limit');
  t.clock.advance(idleMs - 60_000);
  assert.equal((await c.get('/api/me')).statusCode, 200, 'use restarts the idle clock');
  t.clock.advance(idleMs + 60_000);
  const idle = await c.get('/api/me');
  assert.equal(idle.statusCode, 401);
  assert.equal(idle.json().error.code, 'session_expired');
  t.clock.set(START);

  const busy = await signUp(t, { email: 'busy-user@example.org' });
  const steps = Math.ceil((t.deps.config.SESSION_TTL_HOURS * 3600_000) / (idleMs / 2)) + 1;
  let status = 200;
  for (let i = 0; i < steps && status === 200; i++) { t.clock.advance(idleMs / 2); status = (await busy.get('/api/me')).statusCode; }
  assert.equal(status, 401, 'the absolute lifetime is not extended by use');
  t.clock.set(START);
});

test('forgot-password answers the same for known and unknown addresses, mailing only the owner', async () => {
  await signUp(t, { email: 'known@example.org' });
  const known = await t.client().post('/api/auth/forgot-password', { email: 'known@example.org' });
  const unknown = await t.client().post('/api/auth/forgot-password', { email: 'unknown-person@example.org' });
  assert.equal(known.statusCode, unknown.statusCode);
  assert.equal(known.body, unknown.body);
  assert.equal((await outboxFor(t.deps.db, 'unknown-person@example.org')).length, 0);
  assert.ok((await outboxFor(t.deps.db, 'known@example.org')).some((m) => m.template === 'password_reset'));
});
