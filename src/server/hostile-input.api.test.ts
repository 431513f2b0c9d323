// Hostile input gets a 4xx with a localised message, never a 500: NUL and lone surrogates anywhere,
// truncated multipart bodies, empty patches.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, roleClients, type TestApp } from '../testing/test-app.ts';
import { orgId } from '../modules/profiles/testing.ts';
import { isSafeText, mlSchema, unsafeTextPath } from '../shared/ml-schema.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
let bntu: string, eventId: string;
before(async () => {
  t = await createTestApp({ demo: 'base' });
  c = await roleClients(t);
  bntu = await orgId(t, 'by-bntu');
  eventId = (await c.organiser.get('/api/events')).json().items?.[0]?.id ?? (await c.organiser.get('/api/events')).json()[0].id;
});
after(async () => { await t.close(); });

test('the shared text rule: NUL and lone surrogates are unsafe, real pairs and CJK are fine', () => {
  assert.equal(isSafeText('Минск 明斯克 😀'), true);
  for (const bad of ['a\u0000b', '\ud800', 'x\udc00y', '\ud83d']) assert.equal(isSafeText(bad), false, JSON.stringify(bad));
  assert.equal(unsafeTextPath({ a: [{ b: 'ok' }, { c: 'no\u0000' }] }), 'a.1.c');
  const r = mlSchema({ max: 50 }).safeParse({ ru: 'ок', zh: '\udfff' });
  assert.equal(r.success, false);
});

test('NUL in a path parameter or query string → 400', async () => {
  for (const url of [`/api/events/${eventId}%00`, '/api/events/%00/meetings', `/api/organisations/${bntu}%00`]) {
    const r = await c.organiser.get(url);
    assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${url}: ${r.statusCode} ${r.body}`);
  }
  for (const [url, q] of [['/api/profiles/search', { q: 'a\u0000b' }], ['/api/organisations', { q: '\u0000' }], ['/api/directory/export', { format: 'csv', q: '\u0000' }]] as const) {
    const r = await c.organiser.get(url, { query: q as Record<string, string> });
    assert.equal(r.statusCode, 400, `${url}: ${r.body}`);
  }
});

test('NUL or a lone surrogate in a text field → 400 naming the field, in the user language', async () => {
  const ru = await c.participant.patch('/api/me', { name: 'Иван\u0000' }, { headers: { 'accept-language': 'ru' } });
  assert.equal(ru.statusCode, 400);
  assert.equal(ru.json().error.fields[0].path, 'name');
  assert.equal(ru.json().error.fields[0].code, 'invalid_text');
  assert.match(ru.json().error.fields[0].message, /недопустимый символ/);
  const org = await c.participant.post('/api/organisations', { name: { en: 'Bad \ud800 Ltd' }, country: 'BY', type: 'enterprise' });
  assert.equal(org.statusCode, 400);
  assert.equal(org.json().error.fields[0].path, 'name.en');
  const tax = await c.organiser.post('/api/taxonomy', { code: 'x_nul', name: { ru: '\u0000' } });
  assert.equal(tax.statusCode, 400);
});

test('PATCH /api/taxonomy/{code} with nothing to change → 400', async () => {
  const codes = (await c.organiser.get('/api/taxonomy')).json();
  const r = await c.organiser.patch(`/api/taxonomy/${codes[0].code}`, {});
  assert.equal(r.statusCode, 400);
  assert.equal(r.json().error.code, 'validation_failed');
});

test('a truncated multipart upload → 400 on every upload route', async () => {
  const profile = (await c.participant.post('/api/profiles', { organisationId: bntu, type: 'TO', title: { ru: 'Загрузка' }, summary: { ru: 'Кратко' } })).json().id;
  const boundary = '----synergytruncated';
  const body = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\nabc`);
  const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  const routes: [ReturnType<TestApp['client']>, string][] = [
    [c.participant, `/api/organisations/${bntu}/logo`], [c.organiser, `/api/events/${eventId}/cover`],
    [c.organiser, '/api/directory/import'],
    ...(profile ? [[c.participant, `/api/profiles/${profile}/attachments`] as [ReturnType<TestApp['client']>, string]] : []),
  ];
  for (const [client, url] of routes) {
    const r = await client.post(url, body, { headers });
    assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${url}: ${r.statusCode} ${r.body}`);
  }
});
