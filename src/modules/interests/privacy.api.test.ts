// Privacy of anonymous profiles, conversations and notices: who learns what, and that staff reads leave a trace.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, roleClients, type TestApp } from '../../testing/test-app.ts';
import { queryRows } from '../../db/client.ts';
import { orgId, publishedProfile, sampleProfile, clearDemoMarketplace } from '../profiles/testing.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
let bntu: string, ciomp: string;
before(async () => {
  t = await createTestApp({ demo: true });
  c = await roleClients(t);
  await clearDemoMarketplace(t);
  bntu = await orgId(t, 'by-bntu');
  ciomp = await orgId(t, 'cn-ciomp');
});
after(async () => { await t.close(); });

test('an accepted interest in another profile (either direction) does not name the owner of an anonymous profile', async () => {
  const anon = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu, { anonymous: true, title: { ru: 'Анонимный профиль' } }));
  const open = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu, { title: { ru: 'Открытый профиль' } }));
  const theirs = await publishedProfile(c.participantCn, c.organiser, sampleProfile(ciomp, { title: { zh: '对方的资料' } }));

  // CIOMP → BNTU's open profile, accepted; BNTU → CIOMP's profile, accepted.
  const e1 = (await c.participantCn.post(`/api/profiles/${open}/interests`, { message: '感兴趣' })).json().id;
  assert.equal((await c.participant.post(`/api/interests/${e1}/accept`, {})).statusCode, 200);
  const e2 = (await c.participant.post(`/api/profiles/${theirs}/interests`, { message: 'Интересно' })).json().id;
  assert.equal((await c.participantCn.post(`/api/interests/${e2}/accept`, {})).statusCode, 200);

  const view = (await c.participantCn.get(`/api/profiles/${anon}`)).json();
  assert.equal(view.organisation, null, 'still anonymous to CIOMP');
  assert.equal(view.organisationId, null);
  assert.deepEqual(view.contacts, []);
  assert.ok(!JSON.stringify(view).includes(bntu));
  assert.equal((await c.organiser.get(`/api/profiles/${anon}`)).json().organisation.id, bntu, 'staff see it');

  // Only an accepted interest in THIS profile lifts the anonymity.
  const e3 = (await c.participantCn.post(`/api/profiles/${anon}/interests`, { message: '也对这个感兴趣' })).json().id;
  assert.equal((await c.participantCn.get(`/api/profiles/${anon}`)).json().organisation, null, 'not while open');
  assert.equal((await c.participant.post(`/api/interests/${e3}/accept`, {})).statusCode, 200);
  assert.equal((await c.participantCn.get(`/api/profiles/${anon}`)).json().organisation.id, bntu);
});

test('an organiser reading a private conversation is audited (who, what, when); the two sides are not', async () => {
  const p = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu, { title: { ru: 'Переписка' } }));
  const e = (await c.participantCn.post(`/api/profiles/${p}/interests`, { message: 'hello' })).json().id;
  assert.equal((await c.participant.post(`/api/interests/${e}/accept`, {})).statusCode, 200);
  assert.equal((await c.participant.post(`/api/interests/${e}/messages`, { body: 'конфиденциально' })).statusCode, 201);
  const reads = async () => queryRows<{ actor_email: string; at: Date }>(t.deps.db,
    sql`SELECT actor_email, at FROM audit_log WHERE entity_type = 'interest' AND entity_id = ${e} AND action = 'staff_read'`);
  assert.equal((await c.participant.get(`/api/interests/${e}`)).statusCode, 200);
  assert.equal((await c.participantCn.get(`/api/interests/${e}`)).statusCode, 200);
  assert.equal((await reads()).length, 0, 'sides reading their own conversation are not logged');
  assert.equal((await c.organiser.get(`/api/interests/${e}`)).statusCode, 200);
  const rows = await reads();
  assert.equal(rows.length, 1);
  assert.equal(rows[0].actor_email, 'organiser@synergy.demo');
  assert.ok(rows[0].at);
});

test("marking someone else's notice read answers 404 and leaves it unread; one's own answers 200 twice", async () => {
  const p = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu, { title: { ru: 'Уведомление' } }));
  await c.participantCn.post(`/api/profiles/${p}/interests`, { message: 'ping' });
  const notice = (await c.participant.get('/api/inbox', { query: { unread: 'true' } })).json().items[0];
  const stranger = await c.participantCn.post(`/api/inbox/${notice.id}/read`);
  assert.equal(stranger.statusCode, 404);
  assert.equal(stranger.json().error.code, 'not_found');
  assert.equal((await c.participant.get('/api/inbox')).json().items.find((n: { id: string }) => n.id === notice.id).readAt, null);
  assert.equal((await c.participant.post(`/api/inbox/${notice.id}/read`)).statusCode, 200);
  assert.equal((await c.participant.post(`/api/inbox/${notice.id}/read`)).statusCode, 200, 'idempotent for the owner');
  assert.equal((await c.participant.post('/api/inbox/0190a0a0-0000-7000-8000-000000000000/read')).statusCode, 404);
});

test('a retried "Send" with the same client key posts once and mails once; posting is rate-limited per person', async () => {
  const p = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu, { title: { ru: 'Повтор' } }));
  const e = (await c.participantCn.post(`/api/profiles/${p}/interests`, { message: 'hello' })).json().id;
  assert.equal((await c.participant.post(`/api/interests/${e}/accept`, {})).statusCode, 200);
  const mailsBefore = (await queryRows<{ n: number }>(t.deps.db, sql`SELECT count(*)::int AS n FROM mail_outbox WHERE template = 'interest_message'`))[0].n;
  const key = 'send-0190aa00-retry-key';
  const tries = await Promise.all([1, 2, 3].map(() => c.participant.post(`/api/interests/${e}/messages`, { body: 'Один раз', clientKey: key })));
  const ids = new Set(tries.map((r) => r.json().id));
  assert.equal(ids.size, 1, 'one message id for all retries');
  assert.deepEqual(tries.map((r) => r.statusCode).sort(), [200, 200, 201]);
  const again = await c.participant.post(`/api/interests/${e}/messages`, { body: 'Один раз', clientKey: key });
  assert.equal(again.statusCode, 200);
  assert.equal((await c.participant.get(`/api/interests/${e}`)).json().messages.length, 1);
  const mails = async () => (await queryRows<{ n: number }>(t.deps.db, sql`SELECT count(*)::int AS n FROM mail_outbox WHERE template = 'interest_message'`))[0].n;
  const mailsAfter = await mails();
  // What one new message mails (one per member of the other organisation), to compare the retries with.
  assert.equal((await c.participant.post(`/api/interests/${e}/messages`, { body: 'Контроль' })).statusCode, 201);
  const perMessage = (await mails()) - mailsAfter;
  assert.ok(perMessage >= 1);
  assert.equal(mailsAfter - mailsBefore, perMessage, 'the other side is mailed once for the retried message');
  // The web app sends the key as the standard Idempotency-Key header instead.
  const headerKey = '0190aa00-1111-4000-8000-header000001';
  const mailsBeforeHeader = await mails();
  const viaHeader = await Promise.all([1, 2].map(() => c.participant.post(`/api/interests/${e}/messages`, { body: 'Через заголовок' }, { headers: { 'idempotency-key': headerKey } })));
  assert.equal(new Set(viaHeader.map((r) => r.json().id)).size, 1, 'one message for both header retries');
  assert.deepEqual(viaHeader.map((r) => r.statusCode).sort(), [200, 201]);
  assert.equal((await c.participant.get(`/api/interests/${e}`)).json().messages.length, 3);
  assert.equal((await mails()) - mailsBeforeHeader, perMessage, 'a header retry mails no one again');

  let last = null as Awaited<ReturnType<typeof c.participant.post>> | null;
  for (let i = 0; i < 25; i++) {
    last = await c.participantCn.post(`/api/interests/${e}/messages`, { body: `消息 ${i}` });
    if (last.statusCode === 429) break;
  }
  assert.equal(last!.statusCode, 429);
  assert.match(last!.json().error.message, /尝试次数过多/, 'in the sender\'s language');
  assert.ok(Number(last!.headers['retry-after']) > 0);
  t.clock.advance(61_000);
  assert.equal((await c.participantCn.post(`/api/interests/${e}/messages`, { body: 'снова можно' })).statusCode, 201);
});
