// Marketplace search benchmark: N synthetic trilingual profiles (default 100,000), then a mix of
// Russian, Chinese and English queries with and without filters, as the API runs them (page +
// facets + highlights). Prints p50/p95 for PGlite and for PostgreSQL when reachable.
//   npx tsx bench/directory/search.ts [--n 100000] [--queries 200] [--pg postgres://postgres@127.0.0.1:5432/postgres] [--only pglite|postgres]
//     [--keep .tmp/bench-search]  keep the generated databases (PGlite folder, PostgreSQL database) and reuse them next time
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openPglite, openPostgres, queryRows, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { invalidateFacetCache, searchProfiles } from '../../src/modules/profiles/search.ts';
import { searchQuery } from '../../src/modules/profiles/schema.ts';
import { facetIndex } from '../../src/modules/profiles/facet-index.ts';
import { CONCEPTS, generate, pick } from './synthetic.ts';

const arg = (name: string, def: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : def; };
const N = Number(arg('n', '100000'));
const Q = Number(arg('queries', '200'));
const PG = arg('pg', 'postgres://postgres@127.0.0.1:5432/postgres');
const ONLY = arg('only', '');
const KEEP = arg('keep', '');
// The API caches facet counts of text searches per filter set for 30 s; `--facet-cache off` measures every search
// as a first one. Searches without text count facets in the in-process facet index, loaded in the warm-up.
const NO_CACHE = arg('facet-cache', 'on') === 'off';
if (KEEP) mkdirSync(KEEP, { recursive: true });

function queries() {
  const out: Record<string, string>[] = [];
  const filters: Record<string, string>[] = [{}, { type: 'TO' }, { country: 'CN' }, { trlMin: '4', trlMax: '7' }, { area: 'ict_ai' }, { type: 'TR,BR', country: 'BY' }];
  for (let i = 0; i < Q; i++) {
    const c = pick(CONCEPTS);
    const lang = pick(['ru', 'zh', 'en', 'none'] as const);
    const q = lang === 'none' ? undefined : pick(c[lang]);
    out.push({ ...(q ? { q } : {}), ...pick(filters), ...(i % 5 === 0 ? { sort: 'date' } : {}) });
  }
  return out;
}

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

async function run(name: string, database: Database) {
  console.log(`\n${name}: migrating and generating ${N} profiles…`);
  await migrate(database);
  const have = Number((await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM profile_search`))[0].n);
  if (have !== N) {
    if (have) throw new Error(`${name}: the kept database holds ${have} profiles, not ${N}; delete it first`);
    const t0 = performance.now();
    await generate(database.db, N);
    console.log(`${name}: generated and indexed in ${Math.round((performance.now() - t0) / 1000)} s`);
  } else {
    // Fresh statistics, as the hourly db.analyze job (PGlite) or autovacuum (PostgreSQL) keep them after migrations.
    await database.sql.exec('ANALYZE');
    console.log(`${name}: reusing ${have} kept profiles (analyzed)`);
  }
  const qs = queries();
  const t0 = performance.now();
  await facetIndex(database.db)!.current();
  console.log(`${name}: facet index loaded in ${Math.round(performance.now() - t0)} ms (once per process, then every 10 min in the background)`);
  for (const q of qs.slice(0, 10)) await searchProfiles(database.db, searchQuery.parse(q), null, { lang: 'en', myOrgIds: [] }); // warm-up
  const times: number[] = [];
  const withQuery: number[] = [];
  const filtersOnly: number[] = [];
  let hits = 0;
  const slowest: { ms: number; q: Record<string, string> }[] = [];
  for (const q of qs) {
    if (NO_CACHE) invalidateFacetCache();
    const t = performance.now();
    const r = await searchProfiles(database.db, searchQuery.parse(q), null, { lang: 'en', myOrgIds: [] });
    const ms = performance.now() - t;
    times.push(ms);
    (q.q ? withQuery : filtersOnly).push(ms);
    hits += r.total ?? 0;
    slowest.push({ ms, q }); slowest.sort((a, b) => b.ms - a.ms); slowest.length = Math.min(slowest.length, 5);
  }
  console.log(`${name}: ${qs.length} searches (page of 20 + facets + highlights), facet cache ${NO_CACHE ? 'off' : 'on'}, mean hits ${Math.round(hits / qs.length)}`);
  console.log(`${name}: p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms` +
    ` | text queries only: p50 ${pct(withQuery, 0.5).toFixed(1)} ms, p95 ${pct(withQuery, 0.95).toFixed(1)} ms` +
    ` | without text: p50 ${pct(filtersOnly, 0.5).toFixed(1)} ms, p95 ${pct(filtersOnly, 0.95).toFixed(1)} ms`);
  if (process.argv.includes('--slowest')) for (const s of slowest) console.log(`  ${s.ms.toFixed(0)} ms ${JSON.stringify(s.q)}`);
}

console.log(`machine: ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
if (ONLY !== 'postgres') {
  const db = await openPglite(KEEP ? `${KEEP}/pglite` : undefined);
  await run('PGlite', db);
  await db.close();
}
if (ONLY !== 'pglite') {
  const admin = new pg.Client({ connectionString: PG });
  try {
    await admin.connect();
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'synergy_bench_directory'`)).rowCount;
    if (!KEEP || !exists) {
      await admin.query('DROP DATABASE IF EXISTS synergy_bench_directory');
      await admin.query('CREATE DATABASE synergy_bench_directory');
    }
    await admin.end();
    const url = new URL(PG); url.pathname = '/synergy_bench_directory';
    const db = openPostgres(url.toString());
    await run('PostgreSQL', db);
    await db.close();
  } catch (e) {
    console.log(`PostgreSQL not reachable at ${PG}: ${(e as Error).message}`);
  }
}
console.log(`load after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
