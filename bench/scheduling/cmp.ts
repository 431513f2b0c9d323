// Fair comparison of variants: fixed iteration budget, several seeds (bench only).
//   npx tsx bench/scheduling/cmp.ts --iters 3000000 --seeds 1,2 --only forum-13crafb,ticf-13crafb [--tuning t1=0.15,shiftRate=0.4]
//   --tuning sets solver options (SolveOptions.tuning, docs/scheduling-format.md "Solver options").
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { dznToInput, solve, validateSchedule } from '../../src/engines/scheduler/index.ts';

const DIR = fileURLToPath(new URL('./instances/', import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const iters = Number(opt('--iters', '2000000'));
const seeds = opt('--seeds', '1').split(',').map(Number);
const tuning = Object.fromEntries(opt('--tuning', '').split(',').filter(Boolean).map((kv) => { const [k, v] = kv.split('='); return [k, Number(v)]; }));
const names = opt('--only', 'forum-13crafb,ticf-13crafb,forum-14,forum-13crafc,ticf-13crafc').split(',');
console.log(`iters ${iters}, tuning ${JSON.stringify(tuning)}, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
let total = 0;
for (const n of names) {
  const row: string[] = [];
  for (const seed of seeds) {
    const input = dznToInput(readFileSync(`${DIR}${n}.original.dzn`, 'utf8'), n);
    const r = await solve(input, { seed, maxIterations: iters, timeLimitMs: 120000, skipLpBound: true, tuning });
    const c = validateSchedule(input, r.assignments);
    if (c.breaks !== r.breaks || c.violations.length) throw new Error(`${n}: invalid`);
    row.push(`${r.breaks}(${r.seconds.toFixed(1)}s,${r.iterations})`);
    total += r.breaks;
  }
  console.log(n.padEnd(16), row.join(' '));
}
console.log('total', total);
