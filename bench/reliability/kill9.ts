// kill -9 durability: acknowledged writes vs rows after a restart, on PGlite (PGLITE_SYNC as configured,
// default full) and, with BENCH_DATABASE_URL, PostgreSQL.
//   node --import tsx bench/reliability/kill9.ts        BENCH_SECONDS=4 BENCH_CONCURRENCY=8
// Each write is POST /api/auth/forgot-password for a new address: one audit row per acknowledged request.
// The server is killed with SIGKILL mid-stream; the rows are then counted through a fresh server process.
// (kill -9 keeps the OS page cache, so it cannot show what a power loss would lose: see PGLITE_SYNC.)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

function serve(env: Record<string, string>, port: number) {
  return spawn(process.execPath, ['bin/synergy.mjs', 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS: 'false', WEB_BUILD: 'never', DEMO_MODE: 'false', LOGIN_MAX_PER_IP: '100000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
async function up(base: string, child: ChildProcess) {
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited');
    try { if ((await fetch(`${base}/api/health`)).ok) return; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function run(label: string, env: Record<string, string>, count: () => Promise<number>, port: number) {
  const child = serve(env, port);
  const base = `http://127.0.0.1:${port}`;
  await up(base, child);
  const csrf = await fetch(`${base}/api/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { token } = (await csrf.json()) as { token: string };
  const acked: string[] = [];
  let stop = false;
  const t0 = Date.now();
  const worker = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const email = `kill9-${w}-${i}-${t0}@example.org`;
      try {
        const r = await fetch(`${base}/api/auth/forgot-password`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: jar, 'x-csrf-token': token }, body: JSON.stringify({ email }) });
        if (r.ok) acked.push(email);
      } catch { return; } // the server is gone
    }
  };
  const workers = Array.from({ length: CONCURRENCY }, (_, w) => worker(w));
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  child.kill('SIGKILL');
  stop = true;
  await Promise.all(workers);
  await new Promise((r) => child.once('exit', r));
  const found = await count();
  console.log(`${label}: ${acked.length} acknowledged writes in ${SECONDS} s (${CONCURRENCY} clients), ${found} rows after restart, lost ${Math.max(0, acked.length - found)} (load ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
}

const dir = mkdtempSync(join(tmpdir(), 'synergy-kill9-'));
try {
  await run(`PGlite (PGLITE_SYNC=${process.env.PGLITE_SYNC ?? 'full'})`, { DATA_DIR: dir }, async () => {
    const { openPglite } = await import('../../src/db/client.ts');
    const db = await openPglite(join(dir, 'pgdata'));
    const r = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'password_reset_unknown'`);
    await db.close();
    return Number(r.rows[0].n);
  }, 3381);
} finally { rmSync(dir, { recursive: true, force: true }); }

const url = process.env.BENCH_DATABASE_URL;
if (url) {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect(); await admin.query(`DROP DATABASE IF EXISTS ${name}`); await admin.query(`CREATE DATABASE ${name}`); await admin.end();
  await run('PostgreSQL', { DATABASE_URL: url }, async () => {
    const c = new pg.Client({ connectionString: url }); await c.connect();
    const r = await c.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'password_reset_unknown'`); await c.end();
    return Number(r.rows[0].n);
  }, 3382);
}
