// POST /api/translate against a small stand-in of the LibreTranslate API started here on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, roleClients, type TestApp } from '../../testing/test-app.ts';

type Call = { q: string; source: string; target: string; format: string; api_key?: string };
const calls: Call[] = [];
let standIn: Server;
let t: TestApp;
let off: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;

before(async () => {
  // Speaks LibreTranslate's POST /translate; knows Chinese only as the newer "zh-Hans" (so the fallback is exercised).
  standIn = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => { raw += d; });
    req.on('end', () => {
      const body = JSON.parse(raw) as Call;
      calls.push(body);
      res.setHeader('content-type', 'application/json');
      if (req.url !== '/translate' || body.api_key !== 'k1') { res.statusCode = 403; res.end(JSON.stringify({ error: 'Invalid API key' })); return; }
      if (!['ru', 'en', 'zh-Hans'].includes(body.target)) { res.statusCode = 400; res.end(JSON.stringify({ error: `${body.target} is not supported` })); return; }
      if (body.q === 'boom') { res.statusCode = 500; res.end('{}'); return; }
      res.end(JSON.stringify({ translatedText: `[${body.target}] ${body.q}`, detectedLanguage: { confidence: 90, language: 'ru' } }));
    });
  });
  await new Promise<void>((r) => standIn.listen(0, '127.0.0.1', r));
  const port = (standIn.address() as AddressInfo).port;
  t = await createTestApp({ demo: 'base', env: { TRANSLATE_URL: `http://127.0.0.1:${port}/`, TRANSLATE_API_KEY: 'k1', TRANSLATE_MAX_PER_HOUR: '4' } });
  off = await createTestApp({ demo: 'base' });
  c = await roleClients(t);
});
after(async () => { await t.close(); await off.close(); standIn.close(); });

test('translates into the viewer\'s language, marked as machine-translated; nothing is stored', async () => {
  const before = (await t.deps.database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
  const cn = await c.participantCn.post('/api/translate', { text: 'Лазерная наплавка' });
  assert.equal(cn.statusCode, 200, cn.body);
  assert.deepEqual(cn.json(), { text: '[zh-Hans] Лазерная наплавка', source: 'ru', target: 'zh', machineTranslated: true });
  assert.deepEqual(calls.slice(-2).map((x) => x.target), ['zh', 'zh-Hans'], 'older code first, then the newer spelling');
  assert.deepEqual({ ...calls.at(-1), q: undefined }, { q: undefined, source: 'auto', target: 'zh-Hans', format: 'text', api_key: 'k1' });
  const en = await c.participant.post('/api/translate', { text: 'Привет', target: 'en' });
  assert.equal(en.json().text, '[en] Привет');
  const after = (await t.deps.database.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
  assert.equal(after, before, 'a translation writes nothing');
  assert.equal((await c.anonymous.get('/api/translate')).json().available, true);
});

test('signed-in only, rate-limited per person, service failures are a localised error', async () => {
  assert.equal((await c.anonymous.post('/api/translate', { text: 'x' })).statusCode, 401);
  const failed = await c.organiser.post('/api/translate', { text: 'boom' });
  assert.equal(failed.statusCode, 502);
  assert.match(failed.json().error.message, /Служба перевода/);
  for (let i = 0; i < 3; i++) assert.equal((await c.organiser.post('/api/translate', { text: `t${i}` })).statusCode, 200);
  const limited = await c.organiser.post('/api/translate', { text: 'one more' });
  assert.equal(limited.statusCode, 429);
  assert.ok(Number(limited.headers['retry-after']) > 0);
});

test('off by default: 503 with a localised message, and no request leaves the server', async () => {
  const n = calls.length;
  const u = (await roleClients(off)).participantCn;
  assert.equal((await off.client().get('/api/translate')).json().available, false);
  const r = await u.post('/api/translate', { text: 'Привет' });
  assert.equal(r.statusCode, 503);
  assert.equal(r.json().error.code, 'translation_unavailable');
  assert.match(r.json().error.message, /机器翻译/);
  assert.equal(calls.length, n);
});
