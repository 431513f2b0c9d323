import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, roleClients, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
before(async () => { t = await createTestApp({ demo: true }); });
after(async () => { await t.close(); });

test('the demo marketplace has published trilingual profiles and expressions of interest', async () => {
  const c = await roleClients(t);
  const all = (await c.anonymous.get('/api/profiles/search', { query: { limit: '50' } })).json();
  assert.equal(all.facets.total, 30);
  for (const type of ['TO', 'TR', 'BO', 'BR', 'RDR']) assert.ok(all.facets.type[type] >= 1, type);
  assert.ok((await c.anonymous.get('/api/profiles/search', { query: { q: '激光熔覆' } })).json().items.length >= 2);
  assert.ok((await c.anonymous.get('/api/profiles/search', { query: { q: 'тракторов' } })).json().items.length >= 1);
  const anonymous = all.items.find((i: { anonymous: boolean }) => i.anonymous);
  assert.equal(anonymous.organisation, null);
  const inbox = (await c.participant.get('/api/interests')).json();
  assert.deepEqual(inbox.map((i: { status: string }) => i.status).sort(), ['accepted', 'open']);
});
