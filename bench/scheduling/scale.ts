// Scale bench: a generated Minsk–Changchun exchange (2,000 participants, 20,000 requests, 3 days by default).
//   npx tsx bench/scheduling/scale.ts [--time-limit 30] [--seed 1] [--participants 2000] [--meetings 20000] [--objective weight|count]
//                                     [--tuning key=value,…] (solver options, docs/scheduling-format.md)
// Reports scheduled meetings and weight against the certified upper bound (target ≥ 99.5%), wall seconds (target: the limit + 0.5 s)
// and the process's peak resident memory (target < 1 GB). The schedule is checked by the independent validator.
import os from 'node:os';
import { solve, validateSchedule } from '../../src/engines/scheduler/index.ts';
import { generateMinskChangchun } from './generate-minsk-changchun.ts';

const args = process.argv.slice(2);
const num = (name: string, d: number) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : d; };
const timeLimit = num('--time-limit', 30);
const objective = args.includes('--objective') ? args[args.indexOf('--objective') + 1] as 'weight' | 'count' : 'weight';
const seed = num('--seed', 1);
const tuningArg = args.includes('--tuning') ? args[args.indexOf('--tuning') + 1] : '';
const tuning = Object.fromEntries(tuningArg.split(',').filter(Boolean).map((kv) => { const [k, v] = kv.split('='); return [k, Number(v)]; }));
const t0 = Date.now();
const input = generateMinskChangchun({ participants: num('--participants', 2000), meetings: num('--meetings', 20000), days: num('--days', 3), seed });
console.log(`${input.name}; generated in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${os.cpus().length} cpus, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
let lastPhase = '';
let lastBound = Infinity;
const tSolve = performance.now();
const r = await solve(input, { seed, objective, tuning, timeLimitMs: timeLimit * 1000, onProgress: (p) => {
  if (p.phase !== lastPhase || p.upperBound < lastBound) { lastPhase = p.phase; lastBound = p.upperBound; console.log(`  ${p.phase} at ${(p.fraction * timeLimit).toFixed(1)} s: ${p.scheduled} scheduled, weight ${p.weight}, breaks ${p.breaks}; bound ${p.upperBound}, breaks ≥ ${p.breaksLowerBound}`); }
} });
const wall = (performance.now() - tSolve) / 1000;
const v = validateSchedule(input, r.assignments);
const c = r.certificate;
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`requested ${r.requested} (weight ${r.totalWeight}); scheduled ${r.scheduled}, weight ${r.weight}`);
console.log(`objective ${objective}; upper bound ${c.upperBound} (${c.upperBoundSource}); weight / upper bound = ${(100 * r.weight / c.upperBound).toFixed(2)}%; count bound ${c.countUpperBound}, scheduled / count bound = ${(100 * r.scheduled / c.countUpperBound).toFixed(2)}% (target ≥ 99.5%)`);
console.log(`breaks ${r.breaks} (lower bound ${c.breaksLowerBound}), max ${r.maxBreaks} per participant`);
console.log(`solver ${r.seconds.toFixed(1)} s, wall ${wall.toFixed(2)} s with a ${timeLimit} s limit; load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; peak memory ${peakMb.toFixed(0)} MB (target < 1024 MB); violations ${v.violations.length}`);
const reasons = new Map<string, number>();
for (const u of r.unscheduled) { const k = u.reason.replace(/[\w-]*\d[\w-]*/g, '#').slice(0, 60); reasons.set(k, (reasons.get(k) ?? 0) + 1); }
console.log('unscheduled by reason:', [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, n]) => `${n}× ${k}`).join('; '));
