// Platform-wide behaviour: health, OpenAPI and its docs, security headers, CORS, and several server processes on one database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { createTestApp, DEMO } from '../testing/test-app.ts';
import { buildApp } from './app.ts';
import { loadConfig } from '../config.ts';
import { createInlineJobs } from '../platform/jobs.ts';
import { openPostgres, type Database } from '../db/client.ts';

test('health reports the database, migrations and version', async () => {
  const t = await createTestApp();
  try {
    const res = await t.client().get('/api/health');
    assert.equal(res.statusCode, 200);
    const h = res.json();
    assert.equal(h.status, 'ok');
    assert.equal(h.database.reachable, true);
    assert.equal(h.migrations.pending.length, 0);
    assert.equal(h.migrations.applied, h.migrations.total);
  } finally { await t.close(); }
});

test('the OpenAPI document lists every API route with its schemas; /api/docs serves a page', async () => {
  const t = await createTestApp();
  try {
    const c = t.client();
    const doc = (await c.get('/api/openapi.json')).json();
    assert.equal(doc.openapi, '3.1.0');
    for (const r of t.app.routeRegistry) {
      if (!r.url.startsWith('/api/') || r.url.startsWith('/api/docs') || r.url === '/api/openapi.json') continue;
      const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
      assert.ok(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url} is documented`);
    }
    const login = doc.paths['/api/auth/login'].post;
    assert.ok(login.requestBody, 'request bodies come from the zod schemas');
    const page = await c.get('/api/docs/');
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /html/);
  } finally { await t.close(); }
});

/** Routes that send a file, not JSON: they declare their media types instead of a JSON schema (src/server/file-response.ts). */
const FILE_ROUTES = [
  'GET /api/profiles/{id}/attachments/{attachmentId}',
  'GET /api/organisations/{id}/logo',
  'GET /api/directory/export',
  'GET /api/directory/import-template',
  'GET /api/events/{id}/cover',
  'GET /api/events/{id}/export.csv',
  'GET /api/events/{id}/export.xlsx',
  'GET /api/meetings/{id}/ics',
  'GET /api/calendar/{file}',
  'GET /api/admin/backup',
  'GET /api/calls/{id}/documents/{docId}',
  'GET /api/applications/{id}/halves/{side}/attachments/{attachmentId}',
  'GET /api/applications/{id}/halves/{side}/receipt.pdf',
];
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

test('every JSON route documents a response schema for a 2xx status; file downloads name their media types', async () => {
  const t = await createTestApp();
  try {
    const doc = (await t.client().get('/api/openapi.json')).json();
    type Media = Record<string, { schema?: Record<string, unknown> }>;
    const withoutSchema: string[] = [];
    const filesSeen: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { responses?: Record<string, { content?: Media }> }>>)) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        if (!METHODS.has(method)) continue;
        const key = `${method.toUpperCase()} ${path}`;
        const contents = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code)).map(([, r]) => r.content ?? {});
        if (FILE_ROUTES.includes(key)) {
          filesSeen.push(key);
          const types = contents.flatMap((c) => Object.keys(c));
          assert.ok(types.some((m) => !m.includes('json')), `${key} names the media type of its file (${types.join(', ') || 'none'})`);
          continue;
        }
        // An empty schema ({}) is z.any(): it neither checks nor documents anything.
        const schema = contents.map((c) => c['application/json']?.schema).find((x) => x && Object.keys(x).length > 0);
        if (!schema) withoutSchema.push(key);
      }
    }
    assert.deepEqual(withoutSchema, [], 'JSON routes without a 2xx response schema');
    assert.deepEqual(FILE_ROUTES.filter((k) => !filesSeen.includes(k)), [], 'the file-route list names existing routes only');
    // Spot checks that the schemas are the real shapes.
    const detail = doc.paths['/api/profiles/{id}'].get.responses['200'].content['application/json'].schema;
    assert.ok(['canEdit', 'organisation', 'contacts', 'attachments', 'myInterest'].every((k) => k in detail.properties), 'profile detail names its fields');
    assert.ok(doc.paths['/api/meetings/{id}/ics'].get.responses['200'].content['text/calendar'], 'the iCalendar download is documented as text/calendar');
  } finally { await t.close(); }
});

test('security headers: CSP without inline scripts, no framing, no sniffing; HSTS only over HTTPS', async () => {
  const plain = await createTestApp();
  try {
    const res = await plain.client().get('/api/health');
    const csp = res.headers['content-security-policy'] as string;
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['strict-transport-security'], undefined);
  } finally { await plain.close(); }
  const secure = await createTestApp({ demo: true, env: { PUBLIC_URL: 'https://synergy.example.org' } });
  try {
    const res = await secure.client().get('/api/health');
    assert.match(res.headers['strict-transport-security'] as string, /max-age=31536000/);
    const csrf = await secure.app.inject({ method: 'GET', url: '/api/csrf' });
    const csrfCookie = csrf.cookies.map((x) => `${x.name}=${x.value}`).join('; ');
    const login = await secure.app.inject({ method: 'POST', url: '/api/auth/login', headers: { cookie: csrfCookie, 'x-csrf-token': csrf.json().token }, payload: { email: DEMO.admin, password: DEMO.password } });
    assert.equal(login.statusCode, 200);
    const cookies = [csrf.headers['set-cookie'], login.headers['set-cookie']].flat().filter(Boolean).map(String);
    assert.ok(cookies.length >= 2, 'the CSRF secret and the session cookie are set');
    for (const ck of cookies) assert.match(ck, /; Secure/i, `cookie is Secure over HTTPS: ${ck}`);
    for (const ck of cookies.filter((x) => !x.startsWith('synergy_lang='))) assert.match(ck, /HttpOnly/i, 'secrets are HttpOnly (the language preference need not be)');
    for (const ck of cookies) assert.match(ck, /SameSite=(Lax|Strict)/i);
  } finally { await secure.close(); }
});

test('CORS is closed by default and opens only to configured origins', async () => {
  const closed = await createTestApp();
  try {
    const res = await closed.client().request('OPTIONS', '/api/session', undefined, { headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
    assert.equal(res.headers['access-control-allow-origin'], undefined);
  } finally { await closed.close(); }
  const open = await createTestApp({ env: { CORS_ORIGINS: 'https://partner.example' } });
  try {
    const ok = await open.client().get('/api/session', { headers: { origin: 'https://partner.example' } });
    assert.equal(ok.headers['access-control-allow-origin'], 'https://partner.example');
    const other = await open.client().get('/api/session', { headers: { origin: 'https://evil.example' } });
    assert.notEqual(other.headers['access-control-allow-origin'], 'https://evil.example');
  } finally { await open.close(); }
});

/** A second server on the same database, with its own memory (and, on PostgreSQL, its own connection pool). */
async function secondServer(t: Awaited<ReturnType<typeof createTestApp>>) {
  let database: Database = t.deps.database;
  if (database.kind === 'postgres') {
    const [{ name }] = (await database.sql.query<{ name: string }>('SELECT current_database() AS name')).rows;
    const u = new URL(process.env.TEST_DATABASE_URL!); u.pathname = `/${name}`;
    database = openPostgres(u.toString(), 3);
  }
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'false', PUBLIC_URL: 'http://synergy.test' });
  const app = await buildApp({ database, db: database.db, clock: t.clock, config, jobs: createInlineJobs(), log: pino({ level: 'silent' }) });
  await app.ready();
  return { app, async close() { await app.close(); if (database !== t.deps.database) await database.close(); } };
}

test('two server processes share sessions, logout and login rate limits through the database', async () => {
  const t = await createTestApp({ demo: true });
  const b = await secondServer(t);
  try {
    const onA = t.client();
    await onA.login(DEMO.participant, DEMO.password);
    const cookie = [...onA.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const me = await b.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    assert.equal(me.statusCode, 200, 'a session made on A is valid on B');
    assert.equal(me.json().email, DEMO.participant);

    await onA.post('/api/auth/logout');
    const after = await b.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    assert.equal(after.statusCode, 401, 'logout on A ends the session on B');

    // Failed logins spread over both servers count against one limit.
    const max = t.deps.config.LOGIN_MAX_PER_ACCOUNT;
    let limited = false;
    for (let i = 0; i < max + 1 && !limited; i++) {
      const server = i % 2 === 0 ? t.app : b.app;
      const csrf = await server.inject({ method: 'GET', url: '/api/csrf' });
      const ck = csrf.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const r = await server.inject({ method: 'POST', url: '/api/auth/login', headers: { cookie: ck, 'x-csrf-token': csrf.json().token }, payload: { email: DEMO.expert, password: 'wrong password!' } });
      if (r.statusCode === 429) limited = true;
    }
    assert.ok(limited, 'the per-account limit holds across servers');
  } finally { await b.close(); await t.close(); }
});
