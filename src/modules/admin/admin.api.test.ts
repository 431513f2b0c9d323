import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, roleClients, signUp, DEMO, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: true }); c = await roleClients(t); });
after(async () => { await t.close(); });

test('administrators list and filter users', async () => {
  const all = (await c.admin.get('/api/admin/users')).json();
  assert.ok(all.total >= 6);
  const experts = (await c.admin.get('/api/admin/users', { query: { role: 'expert' } })).json();
  // The filter keeps only experts: the demo expert and the review panels' experts, nobody else.
  const expertEmails: string[] = experts.items.map((u: { email: string }) => u.email);
  assert.ok(expertEmails.includes(DEMO.expert));
  assert.ok(!expertEmails.includes(DEMO.participant) && !expertEmails.includes(DEMO.organiser) && !expertEmails.includes(DEMO.admin));
  assert.ok(experts.items.every((u: { roles: string[] }) => u.roles.includes('expert')));
  const q = (await c.admin.get('/api/admin/users', { query: { q: '李明' } })).json();
  assert.equal(q.items[0].email, DEMO.participantCn);
  const bad = await c.admin.get('/api/admin/users', { query: { role: 'king' } });
  assert.equal(bad.statusCode, 400);
});

test('roles can be granted and removed; the change is audited; own admin role is kept', async () => {
  const u = await signUp(t, { email: 'roles@example.org' });
  const me = (await u.get('/api/me')).json();
  const r = await c.admin.put(`/api/admin/users/${me.id}/roles`, { roles: ['participant', 'expert'] });
  assert.equal(r.statusCode, 200);
  assert.deepEqual((await u.get('/api/me')).json().roles, ['expert', 'participant']);
  const audit = (await c.admin.get('/api/admin/audit', { query: { entityType: 'user', entityId: me.id, action: 'set_roles' } })).json();
  assert.equal(audit.items.length, 1);
  assert.deepEqual(audit.items[0].changes.roles.to, ['expert', 'participant']);
  assert.equal(audit.items[0].actorEmail, DEMO.admin);
  assert.ok(audit.items[0].ip);

  const adminMe = (await c.admin.get('/api/me')).json();
  const self = await c.admin.put(`/api/admin/users/${adminMe.id}/roles`, { roles: ['organiser'] });
  assert.equal(self.statusCode, 403);
  const unknown = await c.admin.put('/api/admin/users/0190a0a0-0000-7000-8000-000000000000/roles', { roles: ['expert'] });
  assert.equal(unknown.statusCode, 404);
});

test('disabling a user ends their sessions and blocks login', async () => {
  const u = await signUp(t, { email: 'disable@example.org', password: 'disable me please' });
  const id = (await u.get('/api/me')).json().id;
  assert.equal((await c.admin.put(`/api/admin/users/${id}/disabled`, { disabled: true })).statusCode, 200);
  assert.equal((await u.get('/api/me')).statusCode, 401);
  const login = await t.client().post('/api/auth/login', { email: 'disable@example.org', password: 'disable me please' });
  assert.equal(login.json().error.code, 'account_disabled');
  await c.admin.put(`/api/admin/users/${id}/disabled`, { disabled: false });
  await t.client().login('disable@example.org', 'disable me please');
});

test('the outbox shows mail to administrators', async () => {
  await signUp(t, { email: 'outbox@example.org', lang: 'zh' });
  const r = (await c.admin.get('/api/admin/outbox', { query: { to: 'outbox@example.org' } })).json();
  assert.equal(r.total, 1);
  assert.equal(r.items[0].template, 'verify_email');
  assert.match(r.items[0].subject, /确认/);
});

test('the audit log pages backwards and filters by actor and time', async () => {
  const page1 = (await c.admin.get('/api/admin/audit', { query: { limit: '2' } })).json();
  assert.equal(page1.items.length, 2);
  assert.ok(page1.nextBefore);
  const page2 = (await c.admin.get('/api/admin/audit', { query: { limit: '2', before: String(page1.nextBefore) } })).json();
  assert.ok(page2.items[0].id < page1.items[1].id + 1);
  const byActor = (await c.admin.get('/api/admin/audit', { query: { actor: DEMO.admin } })).json();
  assert.ok(byActor.items.every((i: { actorEmail: string }) => i.actorEmail === DEMO.admin));
  const future = (await c.admin.get('/api/admin/audit', { query: { from: '2030-01-01T00:00:00Z' } })).json();
  assert.equal(future.items.length, 0);
});

test('organisers invite experts by a single-use expiring link', async () => {
  const r = await c.organiser.post('/api/invitations', { role: 'expert', email: 'new.expert@example.org', note: 'Review for the 2022 call', lang: 'ru' });
  assert.equal(r.statusCode, 201);
  const inv = r.json();
  const token = new URL(inv.link).searchParams.get('token')!;
  const mail = (await c.admin.get('/api/admin/outbox', { query: { to: 'new.expert@example.org' } })).json();
  assert.match(mail.items[0].text, /эксперта/);
  assert.equal((await t.client().post('/api/invitations/lookup', { token })).json().role, 'expert');

  const forbidden = await c.organiser.post('/api/invitations', { role: 'admin' });
  assert.equal(forbidden.statusCode, 403);

  const wrongEmail = await t.client().post('/api/auth/register', { email: 'other@example.org', password: 'expert password', name: 'E', organisationName: 'X', country: 'CN', lang: 'zh', timezone: 'Asia/Shanghai', invitation: token, acceptTerms: true, acceptPrivacy: true });
  assert.equal(wrongEmail.json().error.code, 'token_invalid');
  const ok = await t.client().post('/api/auth/register', { email: 'new.expert@example.org', password: 'expert password', name: 'E', organisationName: 'X', country: 'CN', lang: 'zh', timezone: 'Asia/Shanghai', invitation: token, acceptTerms: true, acceptPrivacy: true });
  assert.equal(ok.statusCode, 201);
  assert.equal(ok.json().needsVerification, false, 'the invitation mail proved the address');
  const me = await t.client().login('new.expert@example.org', 'expert password');
  assert.deepEqual(me.roles, ['expert', 'participant']);
  const reuse = await t.client().post('/api/invitations/lookup', { token });
  assert.equal(reuse.json().error.code, 'token_invalid');
  const list = (await c.organiser.get('/api/invitations')).json();
  assert.equal(list.find((i: { id: string }) => i.id === inv.id).status, 'used');
});

test('open invitation links expire and can be revoked; existing users accept them', async () => {
  const inv = (await c.organiser.post('/api/invitations', { role: 'expert', ttlDays: 1 })).json();
  const token = new URL(inv.link).searchParams.get('token')!;
  t.clock.advance(2 * 86400_000);
  assert.equal((await t.client().post('/api/invitations/lookup', { token })).statusCode, 410);
  t.clock.set('2026-03-02T08:00:00Z');

  const inv2 = (await c.organiser.post('/api/invitations', { role: 'expert' })).json();
  const token2 = new URL(inv2.link).searchParams.get('token')!;
  const other = t.client();
  await other.login(DEMO.organiserCn, DEMO.password);
  assert.equal((await other.delete(`/api/invitations/${inv2.id}`)).statusCode, 403, 'only its author or an admin');
  assert.equal((await c.organiser.delete(`/api/invitations/${inv2.id}`)).statusCode, 200);
  assert.equal((await c.participant.post('/api/invitations/accept', { token: token2 })).json().error.code, 'token_invalid');

  const inv3 = (await c.organiser.post('/api/invitations', { role: 'expert' })).json();
  const token3 = new URL(inv3.link).searchParams.get('token')!;
  assert.deepEqual((await c.participant.post('/api/invitations/accept', { token: token3 })).json(), { role: 'expert' });
  assert.ok((await c.participant.get('/api/me')).json().roles.includes('expert'));
});
