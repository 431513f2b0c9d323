// Browser benchmark of the marketplace's result page over the search benchmark's 100,000 profiles:
// how long until the first page of results is on screen, (a) opening /marketplace?q=… in a fresh
// browser context (empty cache: HTML, scripts, translations, taxonomy, search), (b) a new query typed
// into the search box of an open page. Runs the real server (`synergy serve`) on a copy of the
// database kept by `bench/directory/search.ts --keep DIR`, and Debian's Chromium via playwright-core.
//   npx tsx bench/directory/search.ts --keep .tmp/bench-search          (once: builds the databases)
//   npx tsx bench/directory/render.ts [--keep .tmp/bench-search] [--only pglite|postgres] [--runs 20]
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { launchBrowser, newContext } from '../../e2e/harness.ts';
import { CONCEPTS, pick } from './synthetic.ts';

const arg = (name: string, def: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : def; };
const KEEP = arg('keep', '.tmp/bench-search');
const ONLY = arg('only', '');
const RUNS = Number(arg('runs', '20'));
const PG = arg('pg', 'postgres://postgres@127.0.0.1:5432/postgres');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const fmt = (xs: number[]) => `p50 ${pct(xs, 0.5).toFixed(0)} ms, p95 ${pct(xs, 0.95).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;

async function serve(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void>; ready(): Promise<void> }> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const url = `http://127.0.0.1:${port}`;
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/synergy.mjs'), 'serve'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, DEMO_MODE: 'true', JOBS: 'false', LOG_LEVEL: 'info', WEB_BUILD: 'auto', ...env },
  });
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${out}`);
    try { if ((await fetch(`${url}/api/health`)).ok) break; } catch { /* starting */ }
    if (Date.now() > deadline) { child.kill(); throw new Error(`server did not start:\n${out}`); }
    await new Promise((r) => setTimeout(r, 250));
  }
  // Steady state: the server builds its matching index in the background after start (minutes of CPU at
  // 100,000 profiles); measuring meanwhile would time that build, not the page.
  const ready = async () => {
    const until = Date.now() + 900_000;
    while (!out.includes('matching index ready') && Date.now() < until) await new Promise((r) => setTimeout(r, 1000));
  };
  return { url, ready, stop: async () => { child.kill('SIGTERM'); await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r))); } };
}

function queries(n: number) {
  return Array.from({ length: n }, (_, i) => pick(CONCEPTS)[(['ru', 'zh', 'en'] as const)[i % 3]]).map((words) => pick(words));
}

// The count and the cards come from the same response and render together.
const shown = () => (document.querySelector('[data-testid=result-count]')?.textContent ?? '') !== '';

async function measure(name: string, url: string) {
  const browser = await launchBrowser();
  try {
    // Warm the server (first query compiles plans, fills caches) so figures are steady-state.
    const warm = await newContext(browser);
    const wp = await warm.newPage();
    await wp.goto(`${url}/marketplace`);
    await wp.waitForFunction(shown, null, { timeout: 60_000 });
    await warm.close();

    const cold: number[] = [];
    for (const q of queries(RUNS)) {
      const ctx = await newContext(browser);
      const page = await ctx.newPage();
      const t0 = performance.now();
      const apiErrors: string[] = [];
      page.on('response', (r) => { if (r.url().includes('/api/') && r.status() >= 400) apiErrors.push(`${r.status()} ${r.url()}`); });
      await page.goto(`${url}/marketplace?q=${encodeURIComponent(q)}`);
      try { await page.waitForFunction(shown, null, { timeout: 30_000, polling: 'raf' }); } catch (e) {
        throw new Error(`no results on screen for "${q}": ${apiErrors.join('; ') || 'no API error'}; page says: ${(await page.textContent('body'))?.slice(0, 300)}`, { cause: e });
      }
      cold.push(performance.now() - t0);
      await ctx.close();
    }
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(`${url}/marketplace`);
    await page.waitForFunction(shown, null, { timeout: 30_000 });
    const inPage: number[] = [];
    for (const q of queries(RUNS)) {
      const t0 = performance.now();
      const response = page.waitForResponse((r) => r.url().includes('/api/profiles/search') && new URL(r.url()).searchParams.get('q') === q);
      await page.getByTestId('search-input').fill(q);
      await page.getByTestId('search-input').press('Enter');
      await response;
      await page.waitForFunction(shown, null, { timeout: 30_000, polling: 'raf' });
      inPage.push(performance.now() - t0);
    }
    await ctx.close();
    console.log(`${name}: first visit (empty cache) to results on screen: ${fmt(cold)}`);
    console.log(`${name}: new query in an open page to results on screen: ${fmt(inPage)}`);
  } finally {
    await browser.close();
  }
}

console.log(`machine: ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
if (!existsSync(join(ROOT, 'dist/web/index.html'))) console.log('(the web app is built on the first start)');
if (ONLY !== 'postgres') {
  const src = join(KEEP, 'pglite');
  if (!existsSync(src)) console.log(`PGlite: no kept database in ${src}; run bench/directory/search.ts --keep ${KEEP} first`);
  else {
    const dir = mkdtempSync(join(tmpdir(), 'synergy-render-'));
    cpSync(src, dir, { recursive: true });
    const server = await serve({ DATA_DIR: dir });
    await server.ready();
    try { await measure('PGlite', server.url); } finally { await server.stop(); rmSync(dir, { recursive: true, force: true }); }
  }
}
if (ONLY !== 'pglite') {
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'synergy_bench_directory'`)).rowCount;
  if (!exists) console.log('PostgreSQL: no kept database synergy_bench_directory; run bench/directory/search.ts --keep first');
  else {
    await admin.query('DROP DATABASE IF EXISTS synergy_bench_render');
    await admin.query('CREATE DATABASE synergy_bench_render TEMPLATE synergy_bench_directory');
    const url = new URL(PG); url.pathname = '/synergy_bench_render';
    const server = await serve({ DATABASE_URL: url.toString() });
    await server.ready();
    try { await measure('PostgreSQL', server.url); } finally {
      await server.stop();
      await admin.query('DROP DATABASE IF EXISTS synergy_bench_render');
    }
  }
  await admin.end();
}
console.log(`load after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
