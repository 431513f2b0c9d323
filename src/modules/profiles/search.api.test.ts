import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, roleClients, type TestApp } from '../../testing/test-app.ts';
import { orgId, publishedProfile, sampleProfile, clearDemoMarketplace } from './testing.ts';
import { HL_START, HL_END } from '../../engines/text-search/segment.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
const ids: Record<string, string> = {};
before(async () => {
  t = await createTestApp({ demo: true });
  c = await roleClients(t);
  await clearDemoMarketplace(t);
  const bntu = await orgId(t, 'by-bntu');
  const ciomp = await orgId(t, 'cn-ciomp');
  ids.ru = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu, {
    title: { ru: 'Лазерная наплавка износостойких покрытий' }, summary: { ru: 'Восстановление изношенных деталей сельскохозяйственных машин лазерной наплавкой.' },
    areas: ['mechanical_engineering'], subAreas: ['mechanical_engineering.coatings'], trl: 6, partnershipTypes: ['licensing', 'rd_cooperation'],
  }));
  t.clock.advance(3600_000);
  ids.zh = await publishedProfile(c.participantCn, c.organiser, sampleProfile(ciomp, {
    type: 'TR', developmentStage: null, trl: 4, partnershipTypes: ['rd_cooperation'], areas: ['instruments_photonics'],
    title: { zh: '寻求高功率激光焊接设备合作伙伴' }, summary: { zh: '长春光机所寻求用于汽车制造的高功率激光焊接技术，希望开展联合研发。' },
    technologyKeywords: ['激光焊接'],
  }));
  t.clock.advance(3600_000);
  ids.en = await publishedProfile(c.participantCn, c.organiser, sampleProfile(ciomp, {
    type: 'BO', developmentStage: null, trl: 8, partnershipTypes: ['commercial_technical_assistance'], areas: ['instruments_photonics'],
    title: { en: 'Laser welded optical assemblies', ru: 'Оптические узлы на лазерной сварке' }, summary: { en: 'We manufacture laser-welded optical assemblies for space instruments.', ru: 'Производим оптические узлы для космических приборов.' },
  }));
  ids.draft = (await c.participant.post('/api/profiles', sampleProfile(bntu, { title: { ru: 'Черновик про лазерную наплавку' } }))).json().id;
});
after(async () => { await t.close(); });

const search = async (query: Record<string, string>, client = c.anonymous) => {
  const r = await client.get('/api/profiles/search', { query });
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
};
const found = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);

test('Russian: an inflected form finds the profile (stemming); highlights mark the words', async () => {
  const r = await search({ q: 'лазерной наплавкой' });
  assert.equal(r.lang, 'ru');
  assert.deepEqual(found(r), [ids.ru], 'the draft is never public');
  assert.ok(r.items[0].highlight.title.includes(`${HL_START}Лазерная${HL_END}`), r.items[0].highlight.title);
  assert.ok(r.items[0].highlight.summary.includes(HL_START));
  const plural = await search({ q: 'покрытие' });
  assert.deepEqual(found(plural), [ids.ru]);
});

test('Chinese: a query is segmented and matches words inside unspaced text', async () => {
  const r = await search({ q: '激光焊接技术' });
  assert.equal(r.lang, 'zh');
  assert.deepEqual(found(r), [ids.zh]);
  const part = await search({ q: '汽车制造' });
  assert.deepEqual(found(part), [ids.zh]);
  assert.ok(part.items[0].highlight.summary.includes(`${HL_START}汽车${HL_END}`) || part.items[0].highlight.summary.includes(`${HL_START}汽车制造${HL_END}`), part.items[0].highlight.summary);
  assert.deepEqual(found(await search({ q: '光机' })).length <= 1, true);
});

test('English: stemming across forms; a query only finds profiles filled in its language', async () => {
  assert.deepEqual(found(await search({ q: 'welding' })), [ids.en]);
  assert.deepEqual(found(await search({ q: 'лазерная сварка' })), [ids.en], 'Russian text of the English profile');
  assert.deepEqual(found(await search({ q: 'satellite' })), []);
});

test('filters, facets, sorting and keyset pagination', async () => {
  const all = await search({});
  assert.equal(all.facets.total, 3);
  assert.deepEqual(all.facets.type, { TO: 1, TR: 1, BO: 1 });
  assert.deepEqual(all.facets.country, { BY: 1, CN: 2 });
  assert.equal(all.facets.area.instruments_photonics, 2);
  assert.equal(all.facets.partnershipType.rd_cooperation, 2);
  assert.equal(Object.values(all.facets.orgType).reduce((a: number, b) => a + Number(b), 0), 3);
  assert.equal(all.facets.subArea['mechanical_engineering.coatings'], 1);
  assert.equal(Object.values(all.facets.trl).reduce((a: number, b) => a + Number(b), 0), 3, 'every profile has a TRL');
  assert.deepEqual(found(all), [ids.en, ids.zh, ids.ru], 'newest first without a query');
  assert.deepEqual(found(await search({ type: 'TR,BO' })).sort(), [ids.zh, ids.en].sort());
  assert.deepEqual(found(await search({ country: 'BY' })), [ids.ru]);
  assert.deepEqual(found(await search({ trlMin: '5', trlMax: '7' })), [ids.ru]);
  assert.deepEqual(found(await search({ partnershipType: 'licensing' })), [ids.ru]);
  assert.deepEqual(found(await search({ area: 'instruments_photonics', orgType: 'research_institute' })).sort(), [ids.zh, ids.en].sort());
  assert.deepEqual(found(await search({ subArea: 'mechanical_engineering.coatings' })), [ids.ru]);
  assert.equal((await c.anonymous.get('/api/profiles/search', { query: { type: 'XX' } })).statusCode, 400);

  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: { id: string }[]; nextCursor: string | null } = await search({ limit: '1', ...(cursor ? { cursor } : {}) });
    seen.push(...found(page));
    cursor = page.nextCursor;
  } while (cursor);
  assert.deepEqual(seen, [ids.en, ids.zh, ids.ru]);
  const rel1 = await search({ q: 'лазерный', limit: '1', sort: 'relevance' });
  assert.equal(rel1.items.length, 1);
  const rel2 = await search({ q: 'лазерный', limit: '1', sort: 'relevance', cursor: rel1.nextCursor });
  assert.equal(rel2.items.length, 1);
  assert.notEqual(rel2.items[0].id, rel1.items[0].id);
  assert.equal(rel2.nextCursor, null);
  // Date order with a text query (matches found first, then ordered): newest first, paged.
  const d1 = await search({ q: 'лазерный', limit: '1', sort: 'date' });
  const d2 = await search({ q: 'лазерный', limit: '1', sort: 'date', cursor: d1.nextCursor });
  assert.deepEqual([...found(d1), ...found(d2)], found(await search({ q: 'лазерный', sort: 'date' })));
  assert.equal(d2.nextCursor, null);
  assert.equal(d1.facets.total, 2, 'facets count the text matches only');
  assert.equal((await c.anonymous.get('/api/profiles/search', { query: { cursor: 'garbage' } })).statusCode, 400);
});

test('status filter is for organisers only', async () => {
  assert.deepEqual(found(await search({ status: 'draft' })).includes(ids.draft), false);
  assert.deepEqual(found(await search({ status: 'draft' }, c.participant)).includes(ids.draft), false);
  assert.ok(found(await search({ status: 'draft' }, c.organiser)).includes(ids.draft));
});
