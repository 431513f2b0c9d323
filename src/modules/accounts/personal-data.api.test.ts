// Consent at registration, the download of one's own data, and account deletion that erases
// personal data while shared records (organisations, messages, interests) stay, showing "deleted user".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, roleClients, DEMO, type TestApp } from '../../testing/test-app.ts';
import { PRIVACY_VERSION, TERMS_VERSION } from '../../shared/legal.ts';
import { DELETED_USER_NAME } from './personal-data.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: true }); c = await roleClients(t); });
after(async () => { await t.close(); });

const body = (email: string, extra: Record<string, unknown> = {}) => ({ email, password: 'correct horse battery', name: 'Olga', organisationName: 'BSU',
  country: 'BY', lang: 'ru', timezone: 'Europe/Minsk', ...extra });

test('registration requires accepting the terms and the privacy notice; versions and time are stored', async () => {
  const anon = t.client({ lang: 'ru' });
  const missing = await anon.post('/api/auth/register', body('consent@example.org'));
  assert.equal(missing.statusCode, 400);
  assert.deepEqual(missing.json().error.fields.map((f: { path: string }) => f.path).sort(), ['acceptPrivacy', 'acceptTerms']);
  const refused = await anon.post('/api/auth/register', body('consent@example.org', { acceptTerms: true, acceptPrivacy: false }));
  assert.equal(refused.json().error.fields[0].code, 'consent_required');
  assert.match(refused.json().error.fields[0].message, /согласие/);
  const ok = await anon.post('/api/auth/register', body('consent@example.org', { acceptTerms: true, acceptPrivacy: true }));
  assert.equal(ok.statusCode, 201, ok.body);
  const [u] = (await t.deps.database.sql.query<{ terms_version: string; privacy_version: string; consented_at: Date }>(
    `SELECT terms_version, privacy_version, consented_at FROM users WHERE email = 'consent@example.org'`)).rows;
  assert.deepEqual([u.terms_version, u.privacy_version], [TERMS_VERSION, PRIVACY_VERSION]);
  assert.equal(new Date(u.consented_at).getTime(), t.clock.now().getTime());
});

test('a person downloads everything about them, without password or token hashes', async () => {
  const res = await c.participant.get('/api/me/data');
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-disposition']), /attachment/);
  const data = res.json();
  assert.equal(data.account.email, DEMO.participant);
  assert.equal(data.account.password_hash, undefined);
  assert.ok(data.records['user_roles.user_id'].length >= 1);
  assert.ok(data.records['organisation_members.user_id'].length >= 1);
  assert.ok(data.records['conversation_messages.author_id'].length >= 1, 'messages they wrote');
  assert.ok(data.records['expressions_of_interest.from_user_id'].length >= 1);
  assert.ok(data.records.sessions.length >= 1);
  assert.doesNotMatch(res.body, /scrypt\$/);
  assert.equal((await c.anonymous.get('/api/me/data')).statusCode, 401);
});

test('deleting the account erases personal data; shared records stay with "deleted user"; the last admin cannot leave', async () => {
  const u = c.participantCn; // wrote a message and an expression of interest in the demo
  const id = (await u.get('/api/me')).json().id;
  const wrong = await u.post('/api/me/delete', { password: 'not my password' });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().error.fields[0].code, 'wrong_password');
  const del = await u.post('/api/me/delete', { password: DEMO.password });
  assert.equal(del.statusCode, 200, del.body);
  assert.equal((await u.get('/api/me')).statusCode, 401, 'signed out everywhere');
  await assert.rejects(t.client().login(DEMO.participantCn, DEMO.password));

  const q = (s: string) => t.deps.database.sql.query<Record<string, unknown>>(s, [id]).then((r) => r.rows);
  const [row] = await q(`SELECT email, name, organisation_name, deleted_at, disabled_at FROM users WHERE id = $1`);
  assert.equal(row.name, DELETED_USER_NAME);
  assert.doesNotMatch(String(row.email), /participant\.cn/);
  assert.ok(row.deleted_at && row.disabled_at);
  assert.equal((await q(`SELECT 1 FROM organisation_members WHERE user_id = $1`)).length, 0);
  assert.equal((await q(`SELECT 1 FROM mail_outbox WHERE to_user_id = $1`)).length, 0);
  assert.equal((await q(`SELECT 1 FROM audit_log WHERE actor_id = $1 AND actor_email IS NOT NULL`)).length, 0);
  assert.ok((await q(`SELECT 1 FROM conversation_messages WHERE author_id = $1`)).length >= 1, 'their messages stay in the conversation');
  assert.ok((await q(`SELECT 1 FROM expressions_of_interest WHERE from_user_id = $1`)).length >= 1);
  const contacts = await t.deps.database.sql.query(`SELECT 1 FROM organisation_contacts WHERE email = $1`, [DEMO.participantCn]);
  assert.equal(contacts.rows.length, 0, 'their contact entry is gone');

  const last = await c.admin.post('/api/me/delete', { password: DEMO.password });
  assert.equal(last.statusCode, 409);
  assert.equal(last.json().error.code, 'last_admin');
});
