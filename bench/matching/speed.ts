// Speed of the matching engine on synthetic profiles (see synthetic.ts):
//  1. top-10 for one profile among 100,000: p50 / p95 query time (target p95 < 50 ms);
//  2. recomputing the recommendations of 10,000 profiles: build + one query each (target < 30 s);
//  3. the batch command `synergy match` on a 10,000-profile import file, as a process (target < 60 s).
//   npx tsx bench/matching/speed.ts [--large 100000] [--small 10000] [--queries 1000] [--skip-batch]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildIndex, recommend } from '../../src/engines/matching/index.ts';
import { IMPORT_FORMAT, IMPORT_VERSION } from '../../src/shared/import-format.ts';
import { prng, syntheticProfiles } from './synthetic.ts';
import type { MatchProfile } from '../../src/engines/matching/types.ts';

const { values: args } = parseArgs({ options: {
  large: { type: 'string', default: '100000' }, small: { type: 'string', default: '10000' },
  queries: { type: 'string', default: '1000' }, 'skip-batch': { type: 'boolean', default: false },
} });
const large = Number(args.large), small = Number(args.small), queries = Number(args.queries);
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
/** CPU time of this process in ms: unlike wall time it hardly depends on what other processes do. */
const cpuMs = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const secs = (ms: number) => (ms / 1000).toFixed(1);
console.log(`machine: ${cpus().length} cores, load average ${load()} (the machine is shared; figures scale with load)`);

// 1. queries among `large` profiles
const big = syntheticProfiles(large, 1);
let t = performance.now();
let c = cpuMs();
const index = buildIndex(big);
console.log(`index of ${large} profiles built in ${secs(performance.now() - t)} s wall, ${secs(cpuMs() - c)} s CPU`);
const rnd = prng(7);
for (let i = 0; i < 50; i++) recommend(index, big[Math.floor(rnd() * large)].id, { top: 10 }); // warm-up (JIT, norms)
const times: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < queries; i++) {
  const id = big[Math.floor(rnd() * large)].id;
  const s = performance.now();
  const sc = cpuMs();
  recommend(index, id, { top: 10 });
  cpu.push(cpuMs() - sc);
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
console.log(`top-10 among ${large} (${queries} queries, load ${load()}):`);
console.log(`  wall p50 ${pct(times, 50).toFixed(2)} ms, p95 ${pct(times, 95).toFixed(2)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
console.log(`  CPU  p50 ${pct(cpu, 50).toFixed(2)} ms, p95 ${pct(cpu, 95).toFixed(2)} ms, max ${cpu[cpu.length - 1].toFixed(1)} ms`);

// incremental update on the large index: the next query recomputes the norms it touches
t = performance.now();
c = cpuMs();
for (let i = 0; i < 100; i++) { index.remove(big[i].id); index.upsert(big[i]); }
const upd = [performance.now() - t, cpuMs() - c];
t = performance.now();
c = cpuMs();
recommend(index, big[200].id);
console.log(`incremental: 100 remove+upsert on ${large} in ${upd[0].toFixed(0)} ms wall / ${upd[1].toFixed(0)} ms CPU; ` +
  `the next query ${(performance.now() - t).toFixed(1)} ms wall / ${(cpuMs() - c).toFixed(1)} ms CPU`);

// 2. recompute for `small` profiles
const profiles: MatchProfile[] = syntheticProfiles(small, 2);
t = performance.now();
c = cpuMs();
const idx2 = buildIndex(profiles);
const built = performance.now() - t;
for (const p of profiles) recommend(idx2, p.id, { top: 10 });
console.log(`recompute ${small}: ${secs(performance.now() - t)} s wall (index ${secs(built)} s + ${small} queries), ${secs(cpuMs() - c)} s CPU; load ${load()}`);

// 3. the batch command on an import file of `small` profiles
if (!args['skip-batch']) {
  const dir = mkdtempSync(join(tmpdir(), 'synergy-match-'));
  const orgs = [...new Map(profiles.map((p) => [p.organisationId, p])).values()].map((p) => ({
    externalId: p.organisationId, name: { en: `Organisation ${p.organisationId}` }, country: p.country, type: p.organisationType ?? 'enterprise',
  }));
  const file = { format: IMPORT_FORMAT, version: IMPORT_VERSION, organisations: orgs, profiles: profiles.map((p) => ({
    externalId: p.id, organisation: p.organisationId, type: p.type, status: 'published', title: p.title, summary: p.summary,
    description: p.description, areas: p.areas, subAreas: p.subAreas, partnershipTypes: p.partnershipTypes,
    ...(p.trl ? { trl: p.trl } : {}), ...(p.trlMinSought ? { trlMinSought: p.trlMinSought } : {}),
  })) };
  writeFileSync(join(dir, 'in.json'), JSON.stringify(file));
  const bin = fileURLToPath(new URL('../../bin/synergy.mjs', import.meta.url));
  t = performance.now();
  // bash's `time` reports the CPU time of the child process (load-independent)
  execFileSync('/bin/bash', ['-c', `TIMEFORMAT='child CPU %U s user + %S s system'; time "${process.execPath}" "${bin}" match --input "${join(dir, 'in.json')}" --top 10 --output "${join(dir, 'out.json')}"`],
    { stdio: 'inherit' });
  const out = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as Record<string, string[]>;
  console.log(`batch command on ${small}: ${secs(performance.now() - t)} s wall for ${Object.keys(out).length} profiles (whole process; load ${load()})`);
  rmSync(dir, { recursive: true, force: true });
}
