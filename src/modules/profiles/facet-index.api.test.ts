// The in-memory facet index behind searches without a text query: the same counts as SQL, and
// current at once after changes made through this server, another server, or a late commit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { eq } from 'drizzle-orm';
import { profiles } from '../../db/schema/index.ts';
import { fromPglite, openPostgres, type Database } from '../../db/client.ts';
import { loadConfig } from '../../config.ts';
import { createInlineJobs } from '../../platform/jobs.ts';
import type { Actor } from '../../platform/context.ts';
import { buildApp } from '../../server/app.ts';
import { Client, createTestApp, DEMO, roleClients, type TestApp } from '../../testing/test-app.ts';
import { orgId, publishedProfile, sampleProfile } from './testing.ts';
import { facetCounts, plan, searchProfiles } from './search.ts';
import { searchQuery } from './schema.ts';
import { facetIndex, FacetIndex } from './facet-index.ts';
import { indexProfiles } from './search-index.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
let bntu: string, ciomp: string;
const organiserActor = { userId: '', email: '', name: '', roles: ['organiser'], lang: 'en', timezone: 'UTC', sessionId: '' } as Actor;

before(async () => {
  t = await createTestApp({ demo: true });
  c = await roleClients(t);
  bntu = await orgId(t, 'by-bntu');
  ciomp = await orgId(t, 'cn-ciomp');
  // Beside the demo marketplace: a profile without TRL, sub-areas, several partnership types, a draft.
  await publishedProfile(c.participant, c.organiser, sampleProfile(bntu, {
    trl: null, areas: ['mechanical_engineering', 'instruments_photonics'],
    subAreas: ['mechanical_engineering.coatings'], partnershipTypes: ['licensing', 'rd_cooperation', 'outsourcing'],
  }));
  await c.participantCn.post('/api/profiles', sampleProfile(ciomp, { type: 'BR', trl: 3, title: { zh: '草稿' }, summary: { zh: '草稿摘要' } }));
});
after(async () => { await t.close(); });

const search = async (query: Record<string, string>, client: Client = c.anonymous) => {
  const r = await client.get('/api/profiles/search', { query });
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
};
const sqlFacets = (query: Record<string, string>, actor: Actor | null = null) => facetCounts(t.deps.db, plan(searchQuery.parse(query), actor).where);

/** A second server on the same database with its own memory: its own Drizzle handle (and, on PostgreSQL, its own pool). */
async function secondServer() {
  let database: Database;
  if (t.deps.database.kind === 'postgres') {
    const [{ name }] = (await t.deps.database.sql.query<{ name: string }>('SELECT current_database() AS name')).rows;
    const u = new URL(process.env.TEST_DATABASE_URL!); u.pathname = `/${name}`;
    database = openPostgres(u.toString(), 3);
  } else database = fromPglite(t.deps.database.pglite!); // same PGlite, another handle: another facet index
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'false', PUBLIC_URL: 'http://synergy.test' });
  const app = await buildApp({ database, db: database.db, clock: t.clock, config, jobs: createInlineJobs(), log: pino({ level: 'silent' }) });
  await app.ready();
  return { app, db: database.db, async close() { await app.close(); if (database.kind === 'postgres') await database.close(); } };
}

test('without a text query the counts come from the index and equal the SQL counts', async () => {
  const queries: Record<string, string>[] = [
    {}, { type: 'TO' }, { type: 'TO,TR,BR' }, { country: 'CN' }, { country: 'BY,CN' }, { orgType: 'university' },
    { orgType: 'research_institute,enterprise' }, { area: 'instruments_photonics' }, { subArea: 'mechanical_engineering.coatings' },
    { partnershipType: 'licensing' }, { partnershipType: 'rd_cooperation,outsourcing' }, { trlMin: '4' }, { trlMax: '6' },
    { trlMin: '4', trlMax: '7' }, { type: 'TO', country: 'BY', trlMin: '5' }, { area: 'instruments_photonics', partnershipType: 'licensing', orgType: 'university' },
    { country: 'FR' }, { area: 'no_such_area' },
  ];
  let nonEmpty = 0;
  for (const q of queries) {
    const r = await search(q);
    assert.deepEqual(r.facets, await sqlFacets(q), JSON.stringify(q));
    if (r.facets.total > 0) nonEmpty++;
  }
  assert.ok(nonEmpty >= 12, 'the filters select real profiles');
  assert.ok((await search({})).facets.total >= 10, 'the demo marketplace is there');
  const anyTrl = await search({ trlMin: '1' });
  assert.deepEqual(anyTrl.facets, await sqlFacets({ trlMin: '1' }));
  assert.ok(anyTrl.facets.total < (await search({})).facets.total, 'profiles without TRL fail any TRL filter');
  for (const status of ['draft', 'submitted', 'published']) {
    const r = await search({ status }, c.organiser);
    assert.deepEqual(r.facets, await sqlFacets({ status }, organiserActor), status);
  }
  assert.equal((await search({ status: 'draft' }, c.organiser)).facets.type.BR, 1);
  const ix = facetIndex(t.deps.db)!;
  assert.equal(ix.stats.loads, 1, 'loaded once');
  assert.ok(ix.stats.catchUps >= queries.length, 'caught up before every search');
  // With a text query SQL counts the matches.
  const text = await search({ q: 'лазерной наплавки' });
  assert.deepEqual(text.facets, await sqlFacets({ q: 'лазерной наплавки' }));
});

test('publishing, editing and status changes show in the next search at once', async () => {
  const start = (await search({})).facets;
  const id = await publishedProfile(c.participantCn, c.organiser, sampleProfile(ciomp, {
    type: 'TR', trl: 8, areas: ['instruments_photonics'], partnershipTypes: ['outsourcing'], title: { zh: '激光器' }, summary: { zh: '激光器合作。' },
  }));
  let f = (await search({})).facets;
  assert.equal(f.total, start.total + 1);
  assert.equal(f.type.TR ?? 0, (start.type.TR ?? 0) + 1);
  assert.equal(f.trl['8'] ?? 0, (start.trl['8'] ?? 0) + 1);

  assert.equal((await c.participantCn.patch(`/api/profiles/${id}`, { trl: 2, areas: ['energy'] })).statusCode, 200);
  f = (await search({})).facets;
  assert.equal(f.trl['8'] ?? 0, start.trl['8'] ?? 0, 'the old TRL no longer counts');
  assert.equal(f.trl['2'] ?? 0, (start.trl['2'] ?? 0) + 1);
  assert.equal(f.area.energy ?? 0, (start.area.energy ?? 0) + 1);
  assert.equal((await search({ area: 'energy', trlMax: '2' })).facets.total, 1);

  // The organisation moves country: its profiles' documents are rebuilt in the same transaction.
  const [{ n }] = (await t.deps.database.sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM profiles WHERE organisation_id = $1 AND status = 'published'`, [ciomp])).rows;
  assert.equal((await c.organiser.patch(`/api/organisations/${ciomp}`, { country: 'KZ' })).statusCode, 200);
  const moved = (await search({})).facets;
  assert.equal(moved.country.CN ?? 0, f.country.CN - n);
  assert.equal(moved.country.KZ, (f.country.KZ ?? 0) + n);
  assert.equal((await c.organiser.patch(`/api/organisations/${ciomp}`, { country: 'CN' })).statusCode, 200);

  assert.equal((await c.organiser.post(`/api/moderation/profiles/${id}/hold`, { reason: 'check' })).statusCode, 200);
  assert.equal((await search({})).facets.total, start.total);
  assert.equal((await search({ status: 'on_hold' }, c.organiser)).facets.total, 1);
  assert.equal((await c.organiser.post(`/api/moderation/profiles/${id}/resume`)).statusCode, 200);
  assert.equal((await search({})).facets.total, start.total + 1);
  assert.equal((await c.participantCn.post(`/api/profiles/${id}/archive`)).statusCode, 200);
  assert.deepEqual((await search({})).facets, start);
  assert.deepEqual((await search({})).facets, await sqlFacets({}));
});

test('a change made through a second server shows at once on the other, both ways', async () => {
  const b = await secondServer();
  try {
    const onB = new Client(b.app);
    await onB.login(DEMO.participant, DEMO.password);
    const anonB = new Client(b.app);
    const start = (await search({}, anonB)).facets; // B's index loads now
    assert.deepEqual(start, (await search({})).facets);

    const id = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu, { type: 'BO', trl: 9, areas: ['energy'] }));
    let f = (await search({}, anonB)).facets;
    assert.equal(f.total, start.total + 1, 'published on A, counted on B');
    assert.equal(f.type.BO ?? 0, (start.type.BO ?? 0) + 1);

    assert.equal((await onB.patch(`/api/profiles/${id}`, { type: 'TO' })).statusCode, 200);
    f = (await search({})).facets;
    assert.equal(f.type.BO ?? 0, start.type.BO ?? 0, 'edited on B, counted on A');
    assert.equal(f.type.TO ?? 0, (start.type.TO ?? 0) + 1);

    assert.equal((await c.participant.post(`/api/profiles/${id}/archive`)).statusCode, 200);
    assert.deepEqual((await search({}, anonB)).facets, start, 'archived on A, gone on B');
    assert.ok(facetIndex(b.db)!.stats.loads === 1 && facetIndex(b.db) !== facetIndex(t.deps.db));
  } finally { await b.close(); }
});

test('a transaction open during a catch-up is counted once it commits', async () => {
  const ix = new FacetIndex(t.deps.db);
  const before = (await ix.current()).count({ status: 'published' }).total;
  const id = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu, { type: 'RDR', trl: 4, programme: 'Horizon Europe' }));
  assert.equal((await ix.current()).count({ status: 'published' }).total, before + 1);

  let release!: () => void;
  const gate = new Promise<void>((r) => { release = r; });
  let written!: () => void;
  const wrote = new Promise<void>((r) => { written = r; });
  const tx = t.deps.db.transaction(async (tx) => {
    await tx.update(profiles).set({ status: 'on_hold' }).where(eq(profiles.id, id));
    await indexProfiles(tx, [id]); // the transaction has its id now and keeps it open until released
    written();
    await gate;
  });
  await wrote;
  if (t.deps.database.kind === 'postgres') {
    // A later transaction commits while the first is still open, so the next snapshot's xmax is past
    // the open one's id; only its xmin stays at or below it.
    const [other] = await t.deps.db.select({ id: profiles.id }).from(profiles).where(eq(profiles.status, 'published')).limit(1);
    await t.deps.db.transaction(async (tx2) => { await indexProfiles(tx2, [other.id]); });
    assert.equal((await ix.current()).count({ status: 'published' }).total, before + 1, 'not committed yet');
    release();
    await tx;
    assert.equal((await ix.current()).count({ status: 'published' }).total, before, 'seen by the next catch-up');
  } else {
    // PGlite has one connection: the catch-up waits for the transaction, and then sees its change.
    const during = ix.current().then((table) => table.count({ status: 'published' }).total);
    const raced = await Promise.race([during, new Promise((r) => setTimeout(() => r('waiting'), 200))]);
    assert.equal(raced, 'waiting');
    release();
    await tx;
    assert.equal(await during, before);
  }
  assert.equal((await ix.current()).count({ status: 'on_hold' }).total, 1);
});

test('inside a transaction the SQL path counts, including the transaction\'s own changes', async () => {
  const total = (await search({})).facets.total;
  const [p] = await t.deps.db.select({ id: profiles.id }).from(profiles).where(eq(profiles.status, 'published')).limit(1);
  const rollback = new Error('rollback');
  await assert.rejects(t.deps.db.transaction(async (tx) => {
    assert.equal(facetIndex(tx), null);
    await tx.update(profiles).set({ status: 'archived' }).where(eq(profiles.id, p.id));
    await indexProfiles(tx, [p.id]);
    const r = await searchProfiles(tx, searchQuery.parse({}), null, { lang: 'en', myOrgIds: [] });
    assert.equal(r.total, total - 1);
    throw rollback;
  }), (e) => e === rollback);
  assert.equal((await search({})).facets.total, total);
});

test('concurrent callers share one load and one catch-up at a time', async () => {
  const ix = new FacetIndex(t.deps.db);
  const tables = await Promise.all(Array.from({ length: 8 }, () => ix.current()));
  assert.ok(tables.every((x) => x === tables[0]));
  assert.equal(ix.stats.loads, 1);
  assert.ok(ix.stats.catchUps <= 1, `catch-ups: ${ix.stats.catchUps}`);
  const n = ix.stats.catchUps;
  await Promise.all(Array.from({ length: 8 }, () => ix.current()));
  assert.ok(ix.stats.catchUps - n <= 2, 'the running one and one more shared by all who came meanwhile');
});

test('a periodic reload drops rows deleted behind the app\'s back', async () => {
  const ix = new FacetIndex(t.deps.db, { reloadMs: 0 });
  const id = await publishedProfile(c.participant, c.organiser, sampleProfile(bntu, { type: 'BR' }));
  const count = async () => (await ix.current()).count({ status: 'published' }).total;
  const before = await count();
  await t.deps.database.sql.query('DELETE FROM profiles WHERE id = $1', [id]); // cascades to profile_search
  await count(); // starts the reload in the background
  await ix.settled();
  assert.equal(await count(), before - 1);
  assert.ok(ix.stats.loads >= 2);
  assert.deepEqual((await ix.current()).count({ status: 'published' }), await sqlFacets({}));
});
