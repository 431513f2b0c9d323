// Countries are stored as real ISO 3166-1 alpha-2 codes wherever they are stored (organisations,
// people, target countries of profiles, imports), refused otherwise with a message in the user's
// language; the country list gives names in ru/zh/en.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, roleClients, signUp, type TestApp } from '../../testing/test-app.ts';
import { systemContext } from '../../platform/context.ts';
import { importSource, readSource } from '../exchange/import.ts';
import { orgId, sampleProfile } from '../profiles/testing.ts';
import { isCountryCode, ISO_COUNTRY_CODES } from '../../shared/countries.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: 'base' }); c = await roleClients(t); });
after(async () => { await t.close(); });

test('the code list holds every assigned code and nothing else', () => {
  assert.equal(ISO_COUNTRY_CODES.length, 249);
  for (const code of ['BY', 'CN', 'RU', 'TW', 'HK', 'AQ']) assert.ok(isCountryCode(code), code);
  for (const code of ['ZZ', 'XK', 'by', 'BLR', 'EU', 'UK', '', null]) assert.ok(!isCountryCode(code), String(code));
});

test('an organisation with country "ZZ" is refused with a localised field error; BY and CN are accepted', async () => {
  const u = await signUp(t, { email: 'zz.owner@example.org', lang: 'ru' });
  const bad = await u.post('/api/organisations', { name: { ru: 'Фантом' }, country: 'ZZ', type: 'enterprise' });
  assert.equal(bad.statusCode, 400);
  const err = bad.json().error;
  assert.equal(err.code, 'validation_failed');
  assert.deepEqual(err.fields.map((f: { path: string; code: string }) => [f.path, f.code]), [['country', 'iso_country']]);
  assert.match(err.fields[0].message, /неизвестная страна/);
  const good = await u.post('/api/organisations', { name: { ru: 'Настоящая' }, country: 'CN', type: 'enterprise' });
  assert.equal(good.statusCode, 201, good.body);
  const patched = await u.patch(`/api/organisations/${good.json().id}`, { country: 'XX' });
  assert.equal(patched.statusCode, 400);
  assert.equal(patched.json().error.fields[0].code, 'iso_country');
});

test('people and target countries: registration, profile and import refuse unknown codes', async () => {
  const reg = await c.anonymous.post('/api/auth/register', { email: 'zz@example.org', password: 'correct horse battery', name: 'Z', organisationName: 'Z',
    country: 'ZZ', lang: 'en', timezone: 'Europe/Minsk' });
  assert.equal(reg.statusCode, 400);
  assert.ok(reg.json().error.fields.some((f: { path: string; code: string }) => f.path === 'country' && f.code === 'iso_country'), reg.body);
  const me = await c.participant.patch('/api/me', { country: 'QQ' });
  assert.equal(me.statusCode, 400, me.body);

  const bntu = await orgId(t, 'by-bntu');
  const prof = await c.participant.post('/api/profiles', sampleProfile(bntu, { targetCountries: ['CN', 'ZZ'] }));
  assert.equal(prof.statusCode, 400);
  assert.equal(prof.json().error.fields[0].path, 'targetCountries.1');

  const file = { format: 'synergy-import', version: 2, organisations: [{ externalId: 'zz-org', name: { en: 'ZZ' }, country: 'ZZ', type: 'enterprise' }] };
  const r = await importSource(systemContext(t.deps), await readSource(Buffer.from(JSON.stringify(file)), 'f.json'), { dryRun: true });
  assert.deepEqual(r.problems.map((p) => [p.column, p.code]), [['country', 'iso_country']]);
});

test('GET /api/countries: every country with names in ru, zh and en, and in the viewer\'s language', async () => {
  const res = await t.client({ lang: 'zh' }).get('/api/countries');
  assert.equal(res.statusCode, 200);
  const { countries } = res.json();
  assert.equal(countries.length, 249);
  const by = countries.find((x: { code: string }) => x.code === 'BY');
  assert.deepEqual(by.names, { ru: 'Беларусь', zh: '白俄罗斯', en: 'Belarus' });
  assert.equal(by.name, '白俄罗斯');
});
