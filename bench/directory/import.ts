// Import benchmark: N profiles (default 10,000) in one JSON file through the same path as
// `synergy import` (parse, validate every row, one transaction, search documents) on PGlite.
//   npx tsx bench/directory/import.ts [--n 10000]
import { loadavg } from 'node:os';
import pino from 'pino';
import { openPglite } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { loadConfig } from '../../src/config.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { createInlineJobs } from '../../src/platform/jobs.ts';
import { systemContext, type Deps } from '../../src/platform/context.ts';
import { seedBase } from '../../src/demo/seed.ts';
import { importSource, readSource } from '../../src/modules/exchange/import.ts';
import { CONCEPTS, pick } from './synthetic.ts';

const i = process.argv.indexOf('--n');
const N = i > 0 ? Number(process.argv[i + 1]) : 10_000;
const database = await openPglite(undefined);
await migrate(database);
const deps: Deps = { database, db: database.db, clock: new ManualClock('2026-03-02T08:00:00Z'), config: loadConfig({ NODE_ENV: 'test', JOBS: 'false' }), jobs: createInlineJobs(), log: pino({ level: 'silent' }) };
await seedBase(deps);
const text = (l: 'ru' | 'zh' | 'en', n: number) => Array.from({ length: n }, () => pick(pick(CONCEPTS)[l])).join(l === 'zh' ? '' : ' ');
const file = {
  format: 'synergy-import', version: 2,
  organisations: Array.from({ length: 100 }, (_, k) => ({ externalId: `org-${k}`, name: { en: `Org ${k}`, ru: `Организация ${k}` }, country: k % 2 ? 'CN' : 'BY', type: 'enterprise' })),
  profiles: Array.from({ length: N }, (_, k) => ({
    externalId: `p-${k}`, organisation: `org-${k % 100}`, type: 'TO', status: 'published', partnershipTypes: ['licensing'], trl: 1 + (k % 9),
    title: { ru: text('ru', 3).slice(0, 256), zh: text('zh', 3).slice(0, 256), en: text('en', 3).slice(0, 256) }, summary: { ru: text('ru', 12).slice(0, 500), zh: text('zh', 12).slice(0, 500), en: text('en', 12).slice(0, 500) },
    description: { ru: text('ru', 60).slice(0, 4000), en: text('en', 60).slice(0, 4000) }, areas: ['ict_ai'],
  })),
};
const content = Buffer.from(JSON.stringify(file));
console.log(`load ${loadavg().map((x) => x.toFixed(2)).join(' ')}; file ${(content.length / 1e6).toFixed(1)} MB, ${N} profiles`);
for (const dryRun of [true, false, false]) {
  const t0 = performance.now();
  const r = await importSource(systemContext(deps), await readSource(content, 'bench.json'), { dryRun });
  console.log(`${dryRun ? 'dry run' : 'import '}: ${((performance.now() - t0) / 1000).toFixed(1)} s, ok=${r.ok}, created ${r.profiles.create}, updated ${r.profiles.update}`);
}
await database.close();
