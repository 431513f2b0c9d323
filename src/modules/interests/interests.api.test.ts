import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, roleClients, signUp, DEMO, type TestApp } from '../../testing/test-app.ts';
import { orgId, publishedProfile, sampleProfile, clearDemoMarketplace } from '../profiles/testing.ts';
import { outboxFor } from '../../platform/mail.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
let bntu: string, ciomp: string;
before(async () => {
  t = await createTestApp({ demo: true });
  c = await roleClients(t);
  await clearDemoMarketplace(t);
  bntu = await orgId(t, 'by-bntu');
  ciomp = await orgId(t, 'cn-ciomp');
  await c.participant.put(`/api/organisations/${bntu}/contacts`, { contacts: [
    { name: 'Приёмная', email: 'info@bntu.example', visibility: 'public' },
    { name: 'Андрей Мельников', email: 'am@bntu.example', visibility: 'after_eoi' },
  ] });
  await c.participantCn.put(`/api/organisations/${ciomp}/contacts`, { contacts: [{ name: '李明', email: 'liming@ciomp.example', visibility: 'after_eoi' }] });
});
after(async () => { await t.close(); });

test('an anonymous profile hides its organisation and contacts until an accepted expression of interest', async () => {
  const id = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu, { anonymous: true }));
  const anon = (await c.anonymous.get(`/api/profiles/${id}`)).json();
  assert.equal(anon.organisation, null);
  assert.equal(anon.organisationId, null);
  assert.deepEqual(anon.contacts, []);
  assert.ok(!JSON.stringify(anon).includes(bntu));
  const search = (await c.anonymous.get('/api/profiles/search', { query: { q: 'наплавка' } })).json();
  const card = search.items.find((i: { id: string }) => i.id === id);
  assert.equal(card.organisation, null);
  assert.equal(JSON.stringify(card).includes(bntu), false);
  assert.equal((await c.anonymous.post(`/api/profiles/${id}/interests`, { message: 'x' })).statusCode, 401);

  // The Chinese participant sends an EoI; the owner gets mail in Russian and an inbox notice.
  const before = (await c.participantCn.get(`/api/profiles/${id}`)).json();
  assert.equal(before.canExpressInterest, true);
  assert.ok(!JSON.stringify(before).includes('am@bntu.example'));
  const sent = await c.participantCn.post(`/api/profiles/${id}/interests`, { message: '我们对激光熔覆技术很感兴趣。' });
  assert.equal(sent.statusCode, 201);
  const eoi = sent.json().id;
  const dup = await c.participantCn.post(`/api/profiles/${id}/interests`, { message: 'again' });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().error.code, 'interest_open');
  const mail = (await outboxFor(t.deps.db, DEMO.participant)).find((m) => m.template === 'interest_received');
  assert.ok(mail && /интереса/.test(mail.subject), 'in the recipient\'s language');
  const inbox = (await c.participant.get('/api/inbox', { query: { unread: 'true' } })).json();
  const notice = inbox.items.find((n: { kind: string }) => n.kind === 'interest_received');
  assert.ok(notice && notice.link === `/marketplace/interests/${eoi}`);
  assert.ok(inbox.unread >= 1);
  assert.deepEqual((await c.participant.post(`/api/inbox/${notice.id}/read`)).json(), { ok: true });
  const reread = (await c.participant.get('/api/inbox')).json();
  assert.equal(reread.unread, inbox.unread - 1);
  assert.ok(reread.items.find((n: { id: string }) => n.id === notice.id).readAt, 'the notice is marked read');

  // Before acceptance: no contacts, no messages; an outsider cannot read it.
  const pending = (await c.participant.get(`/api/interests/${eoi}`)).json();
  assert.equal(pending.contacts, null);
  assert.equal(pending.sender.email, null);
  assert.equal((await c.participant.post(`/api/interests/${eoi}/messages`, { body: 'hi' })).statusCode, 409);
  assert.equal((await c.expert.get(`/api/interests/${eoi}`)).statusCode, 403);
  assert.equal((await c.participantCn.post(`/api/interests/${eoi}/accept`, {})).statusCode, 403, 'the sender cannot accept');
  assert.equal((await c.participantCn.get(`/api/interests/${eoi}`)).json().profileOrganisation, null, 'still anonymous to the sender');

  // Acceptance reveals contacts both ways and opens the conversation.
  assert.equal((await c.participant.post(`/api/interests/${eoi}/accept`, { note: 'Давайте созвонимся' })).statusCode, 200);
  const accepted = (await c.participantCn.get(`/api/interests/${eoi}`)).json();
  assert.equal(accepted.status, 'accepted');
  assert.equal(accepted.profileOrganisation.id, bntu);
  assert.ok(accepted.contacts.owner.some((x: { email: string }) => x.email === 'am@bntu.example'));
  const ownerView = (await c.participant.get(`/api/interests/${eoi}`)).json();
  assert.ok(ownerView.contacts.from.some((x: { email: string }) => x.email === 'liming@ciomp.example'));
  assert.equal(ownerView.sender.email, DEMO.participantCn);
  const profileNow = (await c.participantCn.get(`/api/profiles/${id}`)).json();
  assert.equal(profileNow.organisation.id, bntu);
  assert.ok(profileNow.contacts.some((x: { email: string }) => x.email === 'am@bntu.example'));
  const orgCard = (await c.participant.get(`/api/organisations/${ciomp}`)).json();
  assert.ok(orgCard.contacts.some((x: { email: string }) => x.email === 'liming@ciomp.example'), 'both ways');
  assert.ok((await outboxFor(t.deps.db, DEMO.participantCn)).some((m) => m.template === 'interest_accepted' && /接受/.test(m.subject)));

  assert.equal((await c.participantCn.post(`/api/interests/${eoi}/messages`, { body: '下周二北京时间15:00可以吗？' })).statusCode, 201);
  t.clock.advance(60_000);
  assert.equal((await c.participant.post(`/api/interests/${eoi}/messages`, { body: 'Да, подходит.' })).statusCode, 201);
  const thread = (await c.participant.get(`/api/interests/${eoi}`)).json();
  assert.deepEqual(thread.messages.map((m: { mine: boolean }) => m.mine), [false, true]);
  assert.ok((await outboxFor(t.deps.db, DEMO.participant)).some((m) => m.template === 'interest_message'));
  assert.equal((await c.participantCn.post(`/api/interests/${eoi}/accept`, {})).statusCode, 403);

  const lists = (await c.participant.get('/api/interests', { query: { box: 'received' } })).json();
  assert.ok(lists.some((x: { id: string; messages: number }) => x.id === eoi && x.messages === 2));
  assert.ok((await c.participantCn.get('/api/interests', { query: { box: 'sent' } })).json().some((x: { id: string }) => x.id === eoi));
  assert.equal((await c.participant.post('/api/inbox/read-all')).statusCode, 200);
  assert.equal((await c.participant.get('/api/inbox')).json().unread, 0);
});

test('own organisation cannot express interest; unpublished profiles refuse; decline and withdraw', async () => {
  const id = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu));
  assert.equal((await c.participant.post(`/api/profiles/${id}/interests`, { message: 'self' })).statusCode, 403);
  const draft = (await c.participant.post('/api/profiles', sampleProfile(bntu))).json().id;
  assert.equal((await c.participantCn.post(`/api/profiles/${draft}/interests`, { message: 'x' })).statusCode, 404);
  const e1 = (await c.participantCn.post(`/api/profiles/${id}/interests`, { message: 'first' })).json().id;
  assert.equal((await c.participant.post(`/api/interests/${e1}/decline`, { note: 'Не наш профиль' })).statusCode, 200);
  const e2 = await c.participantCn.post(`/api/profiles/${id}/interests`, { message: 'second try' });
  assert.equal(e2.statusCode, 201, 'a new one after a declined one');
  assert.equal((await c.participantCn.post(`/api/interests/${e2.json().id}/withdraw`)).statusCode, 200);
  assert.equal((await c.participant.get(`/api/interests/${e1}`)).json().contacts, null);
});

test('sending is rate-limited per person', async () => {
  const u = await signUp(t, { email: 'busy@example.org', lang: 'en' });
  await u.post('/api/organisations', { name: { en: 'Busy Ltd' }, country: 'CN', type: 'enterprise' });
  const ids: string[] = [];
  for (let i = 0; i < 11; i++) ids.push(await publishedProfile(c.participant, c.organiser, sampleProfile(bntu, { title: { ru: `Профиль ${i}` } })));
  for (let i = 0; i < 10; i++) assert.equal((await u.post(`/api/profiles/${ids[i]}/interests`, { message: 'hello' })).statusCode, 201);
  const r = await u.post(`/api/profiles/${ids[10]}/interests`, { message: 'hello' });
  assert.equal(r.statusCode, 429);
  assert.ok(Number(r.headers['retry-after']) > 0);
});
