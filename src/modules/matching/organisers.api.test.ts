import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { notifications, users } from '../../db/schema/index.ts';
import { createTestApp, roleClients, DEMO, type TestApp } from '../../testing/test-app.ts';
import { outboxFor } from '../../platform/mail.ts';
import { publishedProfile } from '../profiles/testing.ts';
import { matchingScenario, type Rec, type Scenario } from './testing.ts';
import { DIGEST_JOB } from './digest.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
let s: Scenario;
before(async () => {
  t = await createTestApp({ demo: 'base' }) // the tests build their own marketplace;
  c = await roleClients(t);
  s = await matchingScenario(t, c);
});
after(async () => { await t.close(); });

type Cell = { area: string; country: string; offers: number; requests: number };
type Pair = { score: number; a: Rec; b: Rec; reasons: { text: string }[] };

test('organiser tools refuse participants, experts and anonymous callers', async () => {
  for (const [url, method] of [['/api/matching/supply-demand', 'GET'], ['/api/matching/top-pairs', 'GET'], ['/api/matching/settings', 'GET'], ['/api/matching/settings', 'PUT'], ['/api/matching/introductions', 'POST']] as const) {
    const body = method === 'PUT' ? { crossBorder: [], sameCountry: true } : method === 'POST' ? { profileAId: s.request, profileBId: s.offer } : undefined;
    assert.equal((await c.anonymous.request(method, url, body)).statusCode, 401, url);
    assert.equal((await c.participant.request(method, url, body)).statusCode, 403, url);
    assert.equal((await c.expert.request(method, url, body)).statusCode, 403, url);
  }
});

test('supply–demand counts offers and requests of published profiles per area and country', async () => {
  const r = await c.organiser.get('/api/matching/supply-demand');
  assert.equal(r.statusCode, 200);
  const body = r.json() as { areas: { code: string }[]; countries: string[]; cells: Cell[] };
  const cell = (area: string, country: string) => body.cells.find((x) => x.area === area && x.country === country);
  // CN: offer, battery, anonymous offer published (the draft is not); BY: the request (БНТУ) and the look-alike offer (НАН).
  assert.deepEqual(cell('energy_efficiency', 'CN'), { area: 'energy_efficiency', country: 'CN', offers: 3, requests: 0 });
  assert.deepEqual(cell('energy_efficiency', 'BY'), { area: 'energy_efficiency', country: 'BY', offers: 1, requests: 1 });
  assert.deepEqual(body.countries, ['BY', 'CN']);
  assert.ok(body.areas.some((a) => a.code === 'energy_efficiency'));
  // A newly published request is counted at once.
  await publishedProfile(c.participantCn, c.organiser, {
    organisationId: s.org.ciomp, type: 'TR', partnershipTypes: ['rd_cooperation'], areas: ['energy_efficiency', 'advanced_materials'],
    title: { zh: '寻求氢气传感器技术' }, summary: { zh: '需要用于氢气泄漏检测的传感器。' },
  });
  const after = (await c.admin.get('/api/matching/supply-demand')).json() as { cells: Cell[] };
  assert.equal(after.cells.find((x) => x.area === 'energy_efficiency' && x.country === 'CN')!.requests, 1);
  assert.equal(after.cells.find((x) => x.area === 'advanced_materials' && x.country === 'CN')!.requests, 1);
});

test('top pairs are cross-border, ranked, paged, and an introduction removes the pair', async () => {
  const r = await c.organiser.get('/api/matching/top-pairs', { query: { limit: '50' } });
  assert.equal(r.statusCode, 200, r.body);
  const { total, items } = r.json() as { total: number; items: Pair[] };
  assert.ok(total >= 2 && items.length === total);
  for (const p of items) assert.notEqual(p.a.country, p.b.country, 'cross-border only by default');
  for (let i = 1; i < items.length; i++) assert.ok(items[i - 1].score >= items[i].score, 'ranked');
  const key = (p: Pair) => [p.a.profileId, p.b.profileId].sort().join('|');
  const target = [s.request, s.offer].sort().join('|');
  assert.ok(items.some((p) => key(p) === target), 'the hydrogen pair is among the strongest');
  const page2 = (await c.organiser.get('/api/matching/top-pairs', { query: { limit: '1', offset: '1' } })).json() as { items: Pair[] };
  assert.equal(key(page2.items[0]), key(items[1]));

  // Introduce the pair: both sides hear in their own language, by mail and in the inbox.
  assert.equal((await c.organiser.post('/api/matching/introductions', { profileAId: s.request, profileBId: s.request })).statusCode, 400);
  assert.equal((await c.organiser.post('/api/matching/introductions', { profileAId: s.request, profileBId: s.draft })).statusCode, 404, 'not published');
  const intro = await c.organiser.post('/api/matching/introductions', { profileAId: s.request, profileBId: s.offer, message: 'Рекомендуем обсудить / 建议讨论' });
  assert.equal(intro.statusCode, 201, intro.body);
  const ru = (await outboxFor(t.deps.db, DEMO.participant)).find((m) => m.template === 'matching_introduction');
  const zh = (await outboxFor(t.deps.db, DEMO.participantCn)).find((m) => m.template === 'matching_introduction');
  assert.ok(ru && /Знакомство/.test(ru.subject) && ru.subject.includes('氢燃料电池电堆'), ru?.subject);
  assert.ok(zh && /对接推荐/.test(zh.subject) && zh.subject.includes('водородных'), zh?.subject);
  assert.ok(ru.text.includes(`/marketplace/profiles/${s.offer}`));
  assert.ok(zh.text.includes('建议讨论'));
  const [cnUser] = await t.deps.db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.participantCn));
  const notes = await t.deps.db.select().from(notifications).where(and(eq(notifications.userId, cnUser.id), eq(notifications.kind, 'matching_introduction')));
  assert.equal(notes.length, 1);
  assert.equal(notes[0].data.partnerProfileId, s.request);
  const afterIntro = (await c.organiser.get('/api/matching/top-pairs', { query: { limit: '50' } })).json() as { items: Pair[] };
  assert.ok(!afterIntro.items.some((p) => key(p) === target), 'introduced pairs are in contact');
});

test('introducing an anonymous profile does not name its organisation', async () => {
  const r = await c.organiser.post('/api/matching/introductions', { profileAId: s.request, profileBId: s.anonymous, message: '' });
  assert.equal(r.statusCode, 201);
  const mails = (await outboxFor(t.deps.db, DEMO.participant)).filter((m) => m.template === 'matching_introduction');
  const last = mails[mails.length - 1];
  assert.match(last.text, /анонимной/);
  assert.ok(!/Институт прикладной химии|应用化学/.test(last.text));
});

test('pairing settings: same-country partners appear when enabled', async () => {
  const rec = async () => ((await c.participant.get(`/api/profiles/${s.request}/recommendations`)).json().items as Rec[]).map((i) => i.profileId);
  assert.deepEqual((await c.organiser.get('/api/matching/settings')).json(), { crossBorder: [['BY', 'CN']], sameCountry: false });
  assert.ok(!(await rec()).includes(s.lookalike));
  assert.equal((await c.organiser.put('/api/matching/settings', { crossBorder: [['by', 'cn']], sameCountry: 'yes' })).statusCode, 400);
  const put = await c.organiser.put('/api/matching/settings', { crossBorder: [['by', 'cn']], sameCountry: true });
  assert.equal(put.statusCode, 200, put.body);
  assert.deepEqual(put.json(), { crossBorder: [['BY', 'CN']], sameCountry: true });
  assert.ok((await rec()).includes(s.lookalike), 'same-country look-alike is now recommended');
  await c.organiser.put('/api/matching/settings', { crossBorder: [], sameCountry: true });
  assert.ok(!(await rec()).some((id) => id === s.offer), 'no cross-border pairs: the Chinese offer goes');
  await c.organiser.put('/api/matching/settings', { crossBorder: [['BY', 'CN']], sameCountry: false });
});

test('weekly digest: new recommendations only, in the recipient\'s language, opt-out respected', async () => {
  const digests = async (email: string) => (await outboxFor(t.deps.db, email)).filter((m) => m.template === 'matching_digest');
  await t.deps.jobs.send(DIGEST_JOB);
  await t.jobs.drain();
  const ru = await digests(DEMO.participant);
  const zh = await digests(DEMO.participantCn);
  assert.equal(ru.length, 1);
  assert.equal(zh.length, 1);
  assert.match(ru[0].subject, /рекомендован/);
  assert.ok(ru[0].text.includes('氢燃料电池电堆') || ru[0].text.includes('固态储氢'), 'lists the Chinese offers');
  assert.match(zh[0].subject, /推荐/);
  assert.ok(zh[0].text.includes('водородных'), 'lists the Russian request');
  assert.equal((await c.participant.get('/api/me/digest')).json().lastSentAt, t.clock.now().toISOString());

  // Next week: nothing new → no mail.
  t.clock.advance(7 * 86400_000);
  c = await roleClients(t);
  await t.deps.jobs.send(DIGEST_JOB);
  await t.jobs.drain();
  assert.equal((await digests(DEMO.participant)).length, 1);

  // A new Chinese offer is published: the next digest lists it and nothing sent before.
  const fresh = await publishedProfile(c.organiser, c.organiser, {
    organisationId: s.org.jlu, type: 'TO', developmentStage: 'demonstration', trl: 7, partnershipTypes: ['licensing'],
    areas: ['energy_efficiency'], subAreas: ['energy_efficiency.hydrogen'],
    title: { zh: '车用氢燃料电池发动机' }, summary: { zh: '氢燃料电池发动机系统及储氢瓶，用于备用电源。' },
  });
  await c.participantCn.put('/api/me/digest', { optOut: true });
  t.clock.advance(7 * 86400_000);
  await t.deps.jobs.send(DIGEST_JOB);
  await t.jobs.drain();
  const ru2 = await digests(DEMO.participant);
  assert.equal(ru2.length, 2);
  assert.ok(ru2[1].text.includes(`/marketplace/profiles/${fresh}`));
  assert.ok(!ru2[1].text.includes(`/marketplace/profiles/${s.offer}`), 'only new recommendations');
  assert.equal((await digests(DEMO.participantCn)).length, 1, 'opted out');
});
