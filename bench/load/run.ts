// Load: autocannon on a real `synergy serve` (PGlite and, with BENCH_DATABASE_URL, PostgreSQL) next to a bare
// Fastify + pg route doing SELECT 1 in the same run — the ratio is the figure, absolute numbers vary by machine.
//   node --import tsx bench/load/run.ts            BENCH_SECONDS=5 BENCH_CONNECTIONS=50
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_load node --import tsx bench/load/run.ts
// Prints per route: req/s, p50/p99/max latency, errors (a max over 1 s is flagged), with the load average.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

async function waitFor(url: string, child: ChildProcess) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try { if ((await fetch(url)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function cookie(base: string) {
  const csrf = await fetch(`${base}/api/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { token } = (await csrf.json()) as { token: string };
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: jar, 'x-csrf-token': token },
    body: JSON.stringify({ email: 'participant@synergy.demo', password: 'synergy-2021' }) });
  if (!r.ok) throw new Error(`login ${r.status}`);
  return [jar, ...r.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
}

async function hammer(label: string, url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const slow = r.latency.max > 1000 ? ` max>1s` : '';
  console.log(`${label.padEnd(44)} ${String(Math.round(r.requests.average)).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  max ${r.latency.max} ms  errors ${r.errors + r.non2xx}${slow}  (load ${load()})`);
  return r.requests.average;
}

async function bare(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const app = Fastify();
  app.get('/select1', async () => (await pool.query('SELECT 1 AS one')).rows[0]);
  await app.listen({ port: 3399, host: '127.0.0.1' });
  const rps = await hammer('bare Fastify + pg SELECT 1', 'http://127.0.0.1:3399/select1');
  await app.close(); await pool.end();
  return rps;
}

async function server(label: string, env: Record<string, string>, port: number, bareRps: number | null) {
  const child = spawn(process.execPath, ['bin/synergy.mjs', 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS: 'false', WEB_BUILD: 'never', LOGIN_MAX_PER_IP: '100000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/api/health`, child);
    const c = await cookie(base);
    const events = (await (await fetch(`${base}/api/events`)).json()) as { slug: string; id: string }[];
    const ratio = (rps: number) => (bareRps ? `  = ${Math.round((100 * rps) / bareRps)} % of bare` : '');
    const h = await hammer(`${label} GET /api/health`, `${base}/api/health`); if (bareRps) console.log(ratio(h));
    const m = await hammer(`${label} GET /api/me (signed in)`, `${base}/api/me`, { cookie: c }); if (bareRps) console.log(ratio(m));
    await hammer(`${label} GET /api/profiles/search?q=…`, `${base}/api/profiles/search?q=${encodeURIComponent('лазер')}`);
    if (events[0]) await hammer(`${label} GET /api/events/{id}`, `${base}/api/events/${events[0].id}`, { cookie: c });
  } finally { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); }
}

console.log(`${cpus().length} cores; ${CONNECTIONS} connections, ${SECONDS} s per run; load average ${load()}`);
const url = process.env.BENCH_DATABASE_URL;
let bareRps: number | null = null;
if (url) bareRps = await bare(url);
const dir = mkdtempSync(join(tmpdir(), 'synergy-load-'));
try { await server('PGlite', { DATA_DIR: dir }, 3391, null); } finally { rmSync(dir, { recursive: true, force: true }); }
if (url) {
  const u = new URL(url); const name = u.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect(); await admin.query(`DROP DATABASE IF EXISTS ${name}`); await admin.query(`CREATE DATABASE ${name}`); await admin.end();
  await server('PostgreSQL', { DATABASE_URL: url }, 3392, bareRps);
  bareRps = await bare(url); // again after, so machine noise shows
}
