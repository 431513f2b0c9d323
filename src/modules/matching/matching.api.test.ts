import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { auditLog, matchFeedback } from '../../db/schema/index.ts';
import { createTestApp, roleClients, type TestApp } from '../../testing/test-app.ts';
import { publishedProfile } from '../profiles/testing.ts';
import { matchingScenario, type Rec, type Scenario } from './testing.ts';
import { matchingIndex } from './index-service.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
let s: Scenario;
before(async () => {
  t = await createTestApp({ demo: 'base' }) // the tests build their own marketplace;
  c = await roleClients(t);
  s = await matchingScenario(t, c);
});
after(async () => { await t.close(); });

const recs = async (client = c.participant, id = s.request) => {
  const r = await client.get(`/api/profiles/${id}/recommendations`);
  assert.equal(r.statusCode, 200, r.body);
  return r.json() as { indexed: boolean; items: Rec[] };
};

test('who may see a profile\'s recommendations: members and organisers; anonymous callers get 401', async () => {
  assert.equal((await c.anonymous.get(`/api/profiles/${s.request}/recommendations`)).statusCode, 401);
  assert.equal((await c.anonymous.get(`/api/organisations/${s.org.bntu}/recommendations`)).statusCode, 401);
  assert.equal((await c.participantCn.get(`/api/profiles/${s.request}/recommendations`)).statusCode, 403, 'another organisation');
  assert.equal((await c.participantCn.get(`/api/organisations/${s.org.bntu}/recommendations`)).statusCode, 403, 'another organisation');
  assert.equal((await c.expert.get(`/api/profiles/${s.request}/recommendations`)).statusCode, 403);
  assert.equal((await c.organiser.get(`/api/profiles/${s.request}/recommendations`)).statusCode, 200);
  assert.equal((await c.admin.get(`/api/organisations/${s.org.bntu}/recommendations`)).statusCode, 200);
  assert.equal((await c.participant.get(`/api/profiles/00000000-0000-0000-0000-000000000000/recommendations`)).statusCode, 404);
  assert.equal((await c.participant.get(`/api/profiles/${s.draft}/recommendations`)).statusCode, 404, 'an outsider does not learn a draft exists');
  const own = await c.organiser.get(`/api/profiles/${s.draft}/recommendations`);
  assert.deepEqual(own.json(), { indexed: false, items: [] }, 'a draft has no recommendations yet');
});

test('a Russian request is matched with the Chinese offer, reasons in the viewer\'s language; only published other-country profiles', async () => {
  const r = await recs();
  assert.equal(r.indexed, true);
  const ids = r.items.map((i) => i.profileId);
  assert.equal(ids[0] === s.offer || ids[0] === s.anonymous, true, `best match is a hydrogen offer: ${ids}`);
  assert.ok(ids.includes(s.offer));
  assert.ok(!ids.includes(s.draft), 'drafts are never recommended');
  assert.ok(!ids.includes(s.lookalike), 'same country is off by default');
  assert.ok(!ids.includes(s.request));
  const offer = r.items.find((i) => i.profileId === s.offer)!;
  assert.ok(offer.reasons.some((x) => x.kind === 'type'));
  for (const reason of offer.reasons) assert.match(reason.text, /[А-Яа-яё]/, `Russian reason: ${reason.text}`);
  const zh = await recs(c.organiser);
  assert.ok(zh.items.length > 0);
  // The Chinese participant sees the request from its offer, in Chinese.
  const back = await recs(c.participantCn, s.offer);
  const req = back.items.find((i) => i.profileId === s.request)!;
  assert.ok(req, 'the match is mutual');
  assert.ok(req.reasons.every((x) => /[\u4e00-\u9fff]/.test(x.text)), JSON.stringify(req.reasons));
});

test('anonymous recommended profiles stay anonymous (organisers still see who it is)', async () => {
  const r = await recs();
  const anon = r.items.find((i) => i.profileId === s.anonymous);
  assert.ok(anon, 'the anonymous offer is recommended');
  assert.equal(anon.anonymous, true);
  assert.equal(anon.organisation, null);
  const raw = (await c.participant.get(`/api/profiles/${s.request}/recommendations`)).body;
  assert.equal(raw.includes(s.org.ciac), false, 'the organisation id does not leak');
  const known = (await recs(c.participant)).items.find((i) => i.profileId === s.offer)!;
  assert.equal(known.organisation?.id, s.org.ciomp, 'named profiles show their organisation');
  const staff = (await recs(c.organiser)).items.find((i) => i.profileId === s.anonymous)!;
  assert.equal(staff.organisation?.id, s.org.ciac);
});

test('organisation recommendations cover all its profiles', async () => {
  const r = await c.participant.get(`/api/organisations/${s.org.bntu}/recommendations`);
  assert.equal(r.statusCode, 200);
  const items = r.json().items as Rec[];
  assert.ok(items.some((i) => i.profileId === s.offer && i.forProfileId === s.request));
  const none = (await c.organiser.get(`/api/organisations/${s.org.jlu}/recommendations`)).json();
  assert.deepEqual(none, { indexed: false, items: [] }, 'an organisation without published profiles');
});

test('incremental update: a newly published profile appears; archived or expired ones disappear', async () => {
  await recs(); // the index exists
  const builds = matchingIndex(t.deps.db).stats.builds;
  t.clock.advance(60_000);
  const fresh = await publishedProfile(c.organiser, c.organiser, {
    organisationId: s.org.jlu, type: 'TO', developmentStage: 'demonstration', trl: 7, partnershipTypes: ['licensing'],
    areas: ['energy_efficiency'], subAreas: ['energy_efficiency.hydrogen'],
    title: { zh: '车用氢燃料电池发动机' }, summary: { zh: '氢燃料电池发动机系统及储氢瓶，用于备用电源。' },
  });
  assert.ok((await recs()).items.some((i) => i.profileId === fresh), 'published → recommended');
  assert.equal(matchingIndex(t.deps.db).stats.builds, builds, 'no rebuild, an upsert');
  t.clock.advance(60_000);
  assert.equal((await c.organiser.post(`/api/profiles/${fresh}/archive`, {})).statusCode, 200);
  assert.ok(!(await recs()).items.some((i) => i.profileId === fresh), 'archived → gone');

  // Expiry: past its expiry date a profile is no longer recommended, even before the hourly job runs.
  const offerNow = (await c.participantCn.get(`/api/profiles/${s.offer}`)).json();
  const clockBefore = t.clock.now();
  t.clock.set(new Date(new Date(offerNow.expiresAt).getTime() + 3600_000));
  c = await roleClients(t); // sessions do not live a year
  assert.ok(!(await recs()).items.some((i) => i.profileId === s.offer), 'expired → gone');
  t.clock.set(clockBefore);
  c = await roleClients(t);
  assert.ok((await recs()).items.some((i) => i.profileId === s.offer), 'and back when the clock is');
});

test('feedback "not relevant" drops the candidate, is audited, and only members may give it', async () => {
  const before = await recs();
  const target = before.items.find((i) => i.profileId === s.battery) ?? before.items[before.items.length - 1];
  const body = { organisationId: s.org.bntu, profileId: s.request, candidateProfileId: target.profileId, kind: 'not_relevant' };
  assert.equal((await c.participantCn.post('/api/matching/feedback', body)).statusCode, 403, 'not a member of БНТУ');
  assert.equal((await c.organiser.post('/api/matching/feedback', body)).statusCode, 403, 'organisers do not judge for an organisation');
  assert.equal((await c.anonymous.post('/api/matching/feedback', body)).statusCode, 401);
  const r = await c.participant.post('/api/matching/feedback', body);
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().recorded, true);
  assert.equal((await c.participant.post('/api/matching/feedback', body)).json().recorded, false, 'once per organisation and candidate');
  assert.ok(!(await recs()).items.some((i) => i.profileId === target.profileId));
  const [row] = await t.deps.db.select().from(matchFeedback).where(eq(matchFeedback.candidateProfileId, target.profileId));
  assert.equal(row.kind, 'not_relevant');
  const logged = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'match_feedback'), eq(auditLog.entityId, row.id)));
  assert.equal(logged.length, 1);
});

test('feedback "already in contact" drops it for the organisation and lowers the pair for the other side', async () => {
  const mineBefore = (await recs()).items.find((i) => i.profileId === s.anonymous)!;
  const theirsBefore = (await recs(c.organiser, s.anonymous)).items.find((i) => i.profileId === s.request)!;
  assert.ok(mineBefore && theirsBefore);
  const r = await c.participant.post('/api/matching/feedback', { organisationId: s.org.bntu, candidateProfileId: s.anonymous, kind: 'in_contact' });
  assert.equal(r.statusCode, 200);
  assert.ok(!(await recs()).items.some((i) => i.profileId === s.anonymous));
  const theirsAfter = (await recs(c.organiser, s.anonymous)).items.find((i) => i.profileId === s.request);
  assert.ok(!theirsAfter || theirsAfter.score < theirsBefore.score, 'the other side sees the pair in contact');
  if (theirsAfter) assert.ok(theirsAfter.reasons.some((x) => x.kind === 'history'));
});

test('an expression of interest sent from a recommendation marks the pair as in contact', async () => {
  const before = (await recs(c.participantCn, s.offer)).items.find((i) => i.profileId === s.request)!;
  assert.equal((await c.participantCn.post(`/api/profiles/${s.request}/interests`, { message: '我们可以提供氢燃料电池。' })).statusCode, 201);
  const after = (await recs(c.participantCn, s.offer)).items.find((i) => i.profileId === s.request);
  assert.ok(!after || after.score < before.score);
});

test('the digest subscription is per user', async () => {
  assert.equal((await c.anonymous.put('/api/me/digest', { optOut: true })).statusCode, 401);
  assert.deepEqual((await c.participant.get('/api/me/digest')).json(), { optOut: false, lastSentAt: null });
  const r = await c.participant.put('/api/me/digest', { optOut: true });
  assert.equal(r.statusCode, 200);
  assert.equal(r.json().optOut, true);
  assert.equal((await c.participantCn.get('/api/me/digest')).json().optOut, false);
  assert.equal((await c.participant.put('/api/me/digest', { optOut: 'yes' })).statusCode, 400);
});
