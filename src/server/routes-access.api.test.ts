// Walks every registered API route: anonymous callers get 401 and callers without an allowed role
// get 403 — before any validation, so the rule holds for every body. A new route without an
// access rule cannot even be registered (app.ts), so it fails this suite at start.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, roleClients, type TestApp } from '../testing/test-app.ts';
import type { Client } from '../testing/test-app.ts';
import { ROLES, type Role } from '../shared/enums.ts';
import Fastify from 'fastify';
import type { RouteInfo } from './app.ts';

let t: TestApp;
let clients: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: true }); clients = await roleClients(t); });
after(async () => { await t.close(); });

const concrete = (url: string) => url
  .replace(/:(\w*[iI]d)\b/g, '0190a0a0-0000-7000-8000-000000000000')
  .replace(/:(\w+)/g, 'x-placeholder-value');

// Demo users: admin has admin; organiser has organiser+participant; participant; expert has expert+participant.
const ROLES_OF: Record<string, Role[]> = { admin: ['admin'], organiser: ['organiser', 'participant'], participant: ['participant'], expert: ['expert', 'participant'] };

async function call(c: Client, r: RouteInfo) {
  return c.request(r.method, concrete(r.url), ['GET', 'DELETE'].includes(r.method) ? undefined : {});
}

test('the registry holds every API route with its rule', () => {
  const urls = t.app.routeRegistry.map((r) => `${r.method} ${r.url}`);
  assert.ok(urls.length > 20, `only ${urls.length} routes`);
  for (const must of ['GET /api/me', 'POST /api/auth/login', 'GET /api/admin/users', 'GET /api/health']) assert.ok(urls.includes(must), must);
});

test('anonymous callers get 401 on every non-public route', async () => {
  const checked: string[] = [];
  for (const r of t.app.routeRegistry) {
    if (r.access.kind === 'public') continue;
    const res = await call(clients.anonymous, r);
    assert.equal(res.statusCode, 401, `${r.method} ${r.url} gave ${res.statusCode} ${res.body.slice(0, 200)}`);
    checked.push(r.url);
  }
  assert.ok(checked.length > 10);
});

test('signed-in callers without an allowed role get 403 on every role-restricted route', async () => {
  let checked = 0;
  for (const r of t.app.routeRegistry) {
    if (r.access.kind !== 'roles') continue;
    const allowed = r.access.roles;
    for (const [name, roles] of Object.entries(ROLES_OF)) {
      if (roles.some((x) => allowed.includes(x))) continue;
      const res = await call(clients[name as keyof typeof clients], r);
      assert.equal(res.statusCode, 403, `${name} on ${r.method} ${r.url} gave ${res.statusCode} ${res.body.slice(0, 200)}`);
      assert.equal(res.json().error.code, 'forbidden');
      checked++;
    }
  }
  assert.ok(checked > 5, `only ${checked} checks`);
  assert.ok(ROLES.length === 4);
});

test('a route without an access rule cannot be registered', async () => {
  const { buildApp } = await import('./app.ts');
  // Register the offending route through the same onRoute hook by adding it before ready().
  const app = await buildApp(t.deps);
  assert.throws(() => app.get('/api/oops', async () => 'x'), /declares no access rule/);
  await app.close();
  void Fastify;
});
