// API throughput and start-up time of a real `synergy serve` process.
//   node --import tsx bench/api.ts                      PGlite (fresh data folder, then a restart)
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench node --import tsx bench/api.ts   also PostgreSQL
// Prints: fresh start → first served page, restart, and for /api/health and an authenticated /api/me:
// requests/s and latency p50/p99 (autocannon, 10 connections, 8 s each).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);

async function waitForPage(url: string, t0: number, child: ChildProcess): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok && (await res.text()).includes('<div id="root"')) return performance.now() - t0;
    } catch { /* not yet listening */ }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function start(env: Record<string, string>, port: number) {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/synergy.mjs', 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS: 'false', LOGIN_MAX_PER_IP: '100000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const ms = await waitForPage(`http://127.0.0.1:${port}/`, t0, child);
  return { child, ms, async stop() { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); } };
}

async function sessionCookie(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { token } = (await csrf.json()) as { token: string };
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: jar, 'x-csrf-token': token },
    body: JSON.stringify({ email: 'participant@synergy.demo', password: 'synergy-2021' }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status}`);
  return [jar, ...login.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ');
}

async function load(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: 10, duration: DURATION, headers });
  if (r.non2xx) throw new Error(`${url}: ${r.non2xx} non-2xx responses`);
  return `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`;
}

async function run(label: string, env: Record<string, string>, port: number) {
  const fresh = await start(env, port);
  console.log(`${label}: fresh start to first page ${(fresh.ms / 1000).toFixed(1)} s (migrations + demo data)`);
  await fresh.stop();
  const s = await start(env, port);
  console.log(`${label}: restart to first page ${(s.ms / 1000).toFixed(1)} s`);
  const base = `http://127.0.0.1:${port}`;
  try {
    console.log(`${label}: GET /api/health  ${await load(`${base}/api/health`)}`);
    const cookie = await sessionCookie(base);
    console.log(`${label}: GET /api/me (signed in)  ${await load(`${base}/api/me`, { cookie })}`);
  } finally { await s.stop(); }
}

console.log(`machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; node ${process.version}; ${DURATION} s per load run`);
const dataDir = mkdtempSync(join(tmpdir(), 'synergy-bench-'));
try {
  await run('PGlite', { DATA_DIR: dataDir }, 3311);
} finally { rmSync(dataDir, { recursive: true, force: true }); }

const url = process.env.BENCH_DATABASE_URL;
if (url) {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  await run('PostgreSQL', { DATABASE_URL: url }, 3312);
}
