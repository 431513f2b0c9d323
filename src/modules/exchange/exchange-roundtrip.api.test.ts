// Moving a directory between databases: export from one, import into another twice, export again.
// Records created in the web UI (no external id) travel as "synergy:<uuid>" and must be recognised
// on the second import, so the target never gets copies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, roleClients, signUp, type TestApp } from '../../testing/test-app.ts';
import { systemContext } from '../../platform/context.ts';
import { exportData } from './export.ts';
import { importSource, readSource } from './import.ts';
import { publishedProfile, sampleProfile } from '../profiles/testing.ts';

let source: TestApp;
let target: TestApp;
before(async () => {
  source = await createTestApp({ demo: true });
  target = await createTestApp();
});
after(async () => { await source.close(); await target.close(); });

type Row = { externalId: string };
const byExt = <T extends Row>(list: T[]) => [...list].sort((a, b) => a.externalId.localeCompare(b.externalId));

test('export → import → import → export: equal counts and content, the second import creates nothing', async () => {
  // A record of web-UI origin on the source: an organisation and a published profile without external ids.
  const c = await roleClients(source);
  const u = await signUp(source, { email: 'web.origin@example.org' });
  const org = await u.post('/api/organisations', { name: { en: 'Web Origin Ltd', ru: 'ООО «Веб»' }, country: 'CN', type: 'enterprise', areas: ['ict_ai'] });
  assert.equal(org.statusCode, 201, org.body);
  await publishedProfile(u, c.organiser, sampleProfile(org.json().id, { targetCountries: ['BY'] }));

  const exported = await exportData(source.deps.db, { now: source.clock.now() });
  assert.ok(exported.organisations.some((o) => o.externalId.startsWith('synergy:')), 'the export holds records of web-UI origin');
  const file = Buffer.from(JSON.stringify(exported));
  const ctx = systemContext(target.deps);

  const first = await importSource(ctx, await readSource(file, 'export.json'), { dryRun: false });
  assert.equal(first.ok, true, JSON.stringify(first.problems.slice(0, 3)));
  assert.equal(first.organisations.create, exported.organisations.length);
  assert.equal(first.profiles.create, exported.profiles.length);

  const second = await importSource(ctx, await readSource(file, 'export.json'), { dryRun: false });
  assert.equal(second.ok, true);
  assert.deepEqual(second.organisations, { total: exported.organisations.length, create: 0, update: exported.organisations.length });
  assert.deepEqual(second.profiles, { total: exported.profiles.length, create: 0, update: exported.profiles.length });

  const again = await exportData(target.deps.db, { now: target.clock.now() });
  assert.equal(again.organisations.length, exported.organisations.length);
  assert.equal(again.profiles.length, exported.profiles.length);
  assert.deepEqual(byExt(again.organisations), byExt(exported.organisations));
  assert.deepEqual(byExt(again.profiles), byExt(exported.profiles));

  // And back into the source: its own records are recognised by id, nothing is created.
  const back = await importSource(systemContext(source.deps), await readSource(Buffer.from(JSON.stringify(again)), 'back.json'), { dryRun: false });
  assert.equal(back.ok, true);
  assert.equal(back.organisations.create, 0);
  assert.equal(back.profiles.create, 0);
  const sourceAgain = await exportData(source.deps.db, { now: source.clock.now() });
  assert.deepEqual(byExt(sourceAgain.organisations), byExt(exported.organisations));
  assert.deepEqual(byExt(sourceAgain.profiles), byExt(exported.profiles));
});
