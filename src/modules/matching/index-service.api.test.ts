// The index service as two server processes would use it: separate in-memory indexes over one database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { organisations, profiles } from '../../db/schema/index.ts';
import { createTestApp, roleClients, type TestApp } from '../../testing/test-app.ts';
import { orgId, publishedProfile } from '../profiles/testing.ts';
import { LAG_MS, MatchingIndexService } from './index-service.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
let bntu: string, ciomp: string;
before(async () => {
  t = await createTestApp({ demo: 'base' }) // the tests build their own marketplace;
  c = await roleClients(t);
  bntu = await orgId(t, 'by-bntu');
  ciomp = await orgId(t, 'cn-ciomp');
});
after(async () => { await t.close(); });

const profile = (organisationId: string, title: string) => ({
  organisationId, type: 'TO', partnershipTypes: ['licensing'], developmentStage: 'lab_tested', trl: 5, areas: ['instruments_photonics'],
  title: { ru: title }, summary: { ru: `${title}: описание технологии.` },
});

test('two processes each catch up from the database: publish, edit, archive, organisation change', async () => {
  const a = new MatchingIndexService(t.deps.db);
  const b = new MatchingIndexService(t.deps.db);
  const first = await publishedProfile(c.participant, c.organiser, profile(bntu, 'Лазерная наплавка покрытий'));
  assert.ok((await a.current()).get(first), 'process A builds with it');
  t.clock.advance(1000);
  const second = await publishedProfile(c.participantCn, c.organiser, { ...profile(ciomp, 'x'), title: { zh: '激光熔覆设备' }, summary: { zh: '激光熔覆设备与工艺。' } });
  assert.ok((await b.current()).get(second), 'process B builds later and has both');
  assert.ok((await a.current()).get(second), 'process A catches up incrementally');
  assert.equal(a.stats.builds, 1);
  assert.equal(a.stats.upserts, 1);

  // An edit is re-indexed in both.
  t.clock.advance(1000);
  assert.equal((await c.participant.patch(`/api/profiles/${first}`, { technologyKeywords: ['лазерная наплавка', 'покрытия'] })).statusCode, 200);
  assert.deepEqual((await a.current()).get(first)!.profile.technologyKeywords, ['лазерная наплавка', 'покрытия']);
  assert.deepEqual((await b.current()).get(first)!.profile.technologyKeywords, ['лазерная наплавка', 'покрытия']);

  // Nothing changed: no work.
  const upserts = a.stats.upserts;
  await a.current();
  assert.equal(a.stats.upserts, upserts, 'unchanged rows are skipped');

  // The organisation moves country: its profiles are re-indexed with it.
  t.clock.advance(1000);
  await t.deps.db.update(organisations).set({ country: 'KZ', updatedAt: t.clock.now() }).where(eq(organisations.id, ciomp));
  assert.equal((await a.current()).get(second)!.country, 'KZ');
  await t.deps.db.update(organisations).set({ country: 'CN', updatedAt: t.clock.now() }).where(eq(organisations.id, ciomp));

  // Archived: gone from both.
  t.clock.advance(1000);
  assert.equal((await c.participant.post(`/api/profiles/${first}/archive`, {})).statusCode, 200);
  assert.equal((await a.current()).get(first), undefined);
  assert.equal((await b.current()).get(first), undefined);
});

test('a change committed late with an earlier timestamp is still seen (within the lag)', async () => {
  const a = new MatchingIndexService(t.deps.db);
  t.clock.advance(10_000);
  const id = await publishedProfile(c.participant, c.organiser, profile(bntu, 'Оптические датчики'));
  await a.current();
  t.clock.advance(5000);
  const newer = await publishedProfile(c.participantCn, c.organiser, { ...profile(ciomp, 'x'), title: { zh: '光学传感器' }, summary: { zh: '光纤传感器。' } });
  await a.current(); // watermark now at `newer`
  // Another transaction, stamped before the watermark, commits only now.
  const late = new Date(t.clock.now().getTime() - LAG_MS / 2);
  await t.deps.db.update(profiles).set({ technologyKeywords: ['оптоволокно'], updatedAt: late }).where(eq(profiles.id, id));
  assert.deepEqual((await a.current()).get(id)!.profile.technologyKeywords, ['оптоволокно']);
  assert.ok((await a.current()).get(newer));
});
