// Benchmark: the five PrefLib/AAMAS instances in all three modes. Prints objective vs the published
// optimum, the certificate's bound, times, and the load average (the machine may be shared).
//   npx tsx bench/assignment/run.ts [--skip-fair]
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { assign, parseAssignmentInput } from '../../src/engines/assignment/index.ts';

const OPTIMA: Record<string, number> = { preflib1: 124.25, preflib2: 141.5, preflib3: 454.25, aamas2016: 949.5, aamas2015: 1406.25 };
const skipFair = process.argv.includes('--skip-fair');
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const load = () => loadavg()[0].toFixed(1);

console.log('| instance | optimum | optimal: objective | bound | s | fair: worst | worst bound | total | s | randomised q=0.5: expected | sample | s | load |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const [name, optimum] of Object.entries(OPTIMA)) {
  const raw = JSON.parse(readFileSync(new URL(`instances/${name}.json`, import.meta.url), 'utf8'));
  const pb = parseAssignmentInput(raw);
  const time = async (f: () => Promise<Awaited<ReturnType<typeof assign>>>) => { const t = performance.now(); const r = await f(); return { r, s: (performance.now() - t) / 1000 }; };
  const o = await time(() => assign(pb));
  const f = skipFair ? null : await time(() => assign(pb, { mode: 'fair' }));
  const q = await time(() => assign(pb, { mode: 'randomised', q: 0.5, seed: 1 }));
  console.log(`| ${name} | ${optimum} | ${r3(o.r.objective)}${Math.abs(o.r.objective - optimum) < 1e-9 ? ' ✓' : ' ✗'} | ${r3(o.r.upperBound)} | ${o.s.toFixed(2)} | `
    + (f ? `${r3(f.r.worstApplication)} | ${r3(f.r.worstApplicationBound!)} | ${r3(f.r.objective)} | ${f.s.toFixed(2)} | ` : '– | – | – | – | ')
    + `${r3(q.r.expectedObjective!)} | ${r3(q.r.objective)} | ${q.s.toFixed(2)} | ${load()} |`);
}
