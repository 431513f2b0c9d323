// Every error the server sends is { error: { code, message } } in the user's language — also those
// Fastify or Node's HTTP parser raise before a route runs (431, 413, 415, unknown routes, bad JSON,
// bad URL encoding). Malformed ids in a path are "not found"; validation messages carry no raw paths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

let t: TestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

const isError = (body: unknown, code: string) => {
  const e = (body as { error?: { code?: string; message?: string } }).error;
  assert.equal(e?.code, code, JSON.stringify(body));
  assert.equal(typeof e?.message, 'string');
  return e!.message!;
};

test('unknown API routes and methods: localised 404', async () => {
  const ru = t.client({ lang: 'ru' });
  const r = await ru.get('/api/no-such-route');
  assert.equal(r.statusCode, 404);
  assert.match(isError(r.json(), 'not_found'), /Не найдено/);
  const zh = t.client({ lang: 'zh' });
  const del = await zh.request('DELETE', '/api/health', undefined, { csrf: false });
  assert.equal(del.statusCode, 404);
  assert.match(isError(del.json(), 'not_found'), /[\u4e00-\u9fff]/);
});

test('malformed JSON, a body too large and an unsupported content type are localised', async () => {
  const c = t.client({ lang: 'ru' });
  const bad = await c.request('POST', '/api/auth/login', '{"email": ', { headers: { 'content-type': 'application/json' } });
  assert.equal(bad.statusCode, 400);
  assert.match(isError(bad.json(), 'malformed_json'), /JSON/);
  const big = await c.request('POST', '/api/auth/login', JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }), { headers: { 'content-type': 'application/json' } });
  assert.equal(big.statusCode, 413);
  assert.match(isError(big.json(), "payload_too_large"), /слишком/i);
  const xml = await c.request('POST', '/api/auth/login', '<login/>', { headers: { 'content-type': 'application/xml' } });
  assert.equal(xml.statusCode, 415);
  assert.match(isError(xml.json(), 'unsupported_media_type'), /[а-я]/);
});

test('a malformed id or a broken escape in a path answers 404 "not found", not a message about the id', async () => {
  const c = t.client({ lang: 'en' });
  const r = await c.get('/api/organisations/not-a-uuid');
  assert.equal(r.statusCode, 404);
  assert.equal(isError(r.json(), 'not_found'), 'Not found.');
  assert.equal(r.json().error.fields, undefined);
  const esc = await c.get('/api/organisations/%E0%A4%A');
  assert.equal(esc.statusCode, 404, esc.body);
  isError(esc.json(), 'not_found');
});

test('validation errors: fields carry path, code and message; the message itself names no raw path', async () => {
  const c = t.client({ lang: 'ru' });
  const r = await c.post('/api/auth/register', { email: 'a@example.org', password: 'correct horse battery', name: 'A', organisationName: 'A',
    country: 'BY', lang: 'ru', timezone: 'Europe/Minsk', acceptTerms: true, acceptPrivacy: true, extra: { deep: 1 } });
  assert.equal(r.statusCode, 400);
  const msg = isError(r.json(), 'validation_failed');
  assert.doesNotMatch(msg, /extra|timezone|email|\.ru|:/, msg);
  assert.deepEqual(r.json().error.fields.map((f: { path: string; code: string }) => [f.path, f.code]), [['extra', 'unknown_field']]);
  assert.ok(r.json().error.fields[0].message);
});

/** Sends raw bytes to a listening server and returns status, headers and body of the answer. */
async function raw(port: number, request: string) {
  return new Promise<{ status: number; headers: string; body: string }>((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    let data = '';
    s.on('data', (d) => { data += d.toString('utf8'); });
    s.on('error', (e) => (data ? undefined : reject(e)));
    s.on('close', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body: rest.join('\r\n\r\n') });
    });
    s.write(request);
  });
}

test('431 header fields too large (a very long search text): localised JSON for the API, a small page for the web app', async () => {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const q = 'а'.repeat(6000);
  const api = await raw(port, `GET /api/profiles/search?q=${encodeURIComponent(q)} HTTP/1.1\r\nHost: x\r\nAccept-Language: zh-CN\r\n\r\n`);
  assert.equal(api.status, 431);
  assert.match(api.headers, /content-type: application\/json; charset=utf-8/i);
  assert.match(isError(JSON.parse(api.body), 'headers_too_large'), /[\u4e00-\u9fff]/);
  const page = await raw(port, `GET /marketplace?q=${encodeURIComponent(q)} HTTP/1.1\r\nHost: x\r\nCookie: synergy_lang=ru\r\n\r\n`);
  assert.equal(page.status, 431);
  assert.match(page.headers, /content-type: text\/html/i);
  assert.match(page.body, /Слишком длинный запрос/);
});
