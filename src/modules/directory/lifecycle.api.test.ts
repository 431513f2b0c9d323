// An organisation created by mistake: deleted by its owner while nothing references it, otherwise
// archived (hidden from the directory, kept for the records); every step audited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, roleClients, signUp, type TestApp } from '../../testing/test-app.ts';
import { sampleProfile } from '../profiles/testing.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: 'base' }); c = await roleClients(t); });
after(async () => { await t.close(); });

const listed = async (id: string) => (await c.anonymous.get('/api/organisations', { query: { limit: '200' } })).json().items.some((o: { id: string }) => o.id === id);
const actions = async (id: string) => (await t.deps.database.sql.query<{ action: string }>(
  `SELECT action FROM audit_log WHERE entity_type = 'organisation' AND entity_id = $1 ORDER BY id`, [id])).rows.map((r) => r.action);

test('the owner deletes an unreferenced organisation; others may not; it is gone and audited', async () => {
  const u = await signUp(t, { email: 'mistake@example.org', lang: 'en' });
  const id = (await u.post('/api/organisations', { name: { en: 'Typo Ltd' }, country: 'BY', type: 'enterprise' })).json().id;
  assert.equal((await c.participant.delete(`/api/organisations/${id}`)).statusCode, 403);
  assert.equal((await c.anonymous.delete(`/api/organisations/${id}`)).statusCode, 401);
  const del = await u.delete(`/api/organisations/${id}`);
  assert.equal(del.statusCode, 200, del.body);
  assert.equal((await c.anonymous.get(`/api/organisations/${id}`)).statusCode, 404);
  assert.deepEqual((await u.get('/api/organisations/mine')).json(), []);
  assert.deepEqual(await actions(id), ['create', 'delete']);
});

test('a referenced organisation cannot be deleted (localised 409); its owner archives and restores it', async () => {
  const u = await signUp(t, { email: 'used@example.org', lang: 'ru' });
  const id = (await u.post('/api/organisations', { name: { ru: 'Занятая' }, country: 'BY', type: 'enterprise' })).json().id;
  assert.equal((await u.post('/api/profiles', sampleProfile(id))).statusCode, 201);
  const del = await u.delete(`/api/organisations/${id}`);
  assert.equal(del.statusCode, 409);
  assert.equal(del.json().error.code, 'organisation_in_use');
  assert.match(del.json().error.message, /архив/);
  assert.equal(await listed(id), true);
  assert.equal((await c.participant.put(`/api/organisations/${id}/archived`, { archived: true })).statusCode, 403);
  assert.equal((await u.put(`/api/organisations/${id}/archived`, { archived: true })).statusCode, 200);
  assert.equal(await listed(id), false, 'archived organisations leave the directory');
  assert.equal((await c.anonymous.get(`/api/organisations/${id}`)).statusCode, 200, 'records that point to it still resolve');
  assert.equal((await u.put(`/api/organisations/${id}/archived`, { archived: false })).statusCode, 200);
  assert.equal(await listed(id), true);
  assert.deepEqual(await actions(id), ['create', 'archive', 'unarchive']);
});
