// Benchmark of the scheduler on the B2B forum instances (Bofill et al., JAIR 2022), see README.md here.
//   npx tsx bench/scheduling/run.ts [--time-limit 10] [--seed 1] [--variants] [--only forum-13]
// Prints, per instance: meetings, scheduled, breaks (recounted by the independent validator), the proven optimum,
// the largest number of breaks of one participant, seconds; then totals. With --variants also runs the forbidden-slot
// and fixed-meeting variants (meetings scheduled vs requested, breaks, time). Every schedule is validated.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { dznToInput, solve, validateSchedule } from '../../src/engines/scheduler/index.ts';

const DIR = fileURLToPath(new URL('./instances/', import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const timeLimit = Number(opt('--time-limit', '10'));
const seed = Number(opt('--seed', '1'));
const only = opt('--only', '');
const withVariants = args.includes('--variants');

const optimum = new Map<string, number>();
for (const line of readFileSync(`${DIR}original_instances_summary.csv`, 'utf8').trim().split('\n').slice(1)) {
  const cols = line.split(',');
  optimum.set(cols[0], Number(cols[12]));
}

interface Row { name: string; meetings: number; scheduled: number; breaks: number; max: number; seconds: number; ub: number; lb: number; violations: number }

async function run(file: string): Promise<Row> {
  const input = dznToInput(readFileSync(DIR + file, 'utf8'), file);
  const r = await solve(input, { seed, timeLimitMs: timeLimit * 1000 });
  const check = validateSchedule(input, r.assignments);
  if (check.breaks !== r.breaks) throw new Error(`${file}: solver says ${r.breaks} breaks, validator counts ${check.breaks}`);
  return { name: file.replace(/\.dzn$/, ''), meetings: r.requested, scheduled: check.scheduled, breaks: check.breaks, max: check.maxBreaks,
    seconds: r.seconds, ub: r.certificate.upperBound, lb: r.certificate.breaksLowerBound, violations: check.violations.length };
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(`scheduler bench: time limit ${timeLimit}s, seed ${seed}, ${os.cpus().length} cpus, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const files = readdirSync(DIR).filter((f) => f.endsWith('.dzn') && f.includes(only)).sort();
const originals = files.filter((f) => f.endsWith('.original.dzn'));
console.log(`${'instance'.padEnd(22)} ${pad('meetings', 8)} ${pad('scheduled', 9)} ${pad('breaks', 6)} ${pad('optimum', 7)} ${pad('max/p', 5)} ${pad('UB', 4)} ${pad('LB', 3)} ${pad('seconds', 7)}`);
const tot = { meetings: 0, scheduled: 0, breaks: 0, optimum: 0, seconds: 0, violations: 0, atOpt: 0 };
for (const f of originals) {
  const r = await run(f);
  const base = r.name.replace(/\.original$/, '');
  const opt = optimum.get(base) ?? NaN;
  console.log(`${base.padEnd(22)} ${pad(r.meetings, 8)} ${pad(r.scheduled, 9)} ${pad(r.breaks, 6)} ${pad(opt, 7)} ${pad(r.max, 5)} ${pad(r.ub, 4)} ${pad(r.lb, 3)} ${pad(r.seconds.toFixed(1), 7)}${r.violations ? `  ${r.violations} VIOLATIONS` : ''}`);
  tot.meetings += r.meetings; tot.scheduled += r.scheduled; tot.breaks += r.breaks; tot.optimum += opt; tot.seconds += r.seconds;
  tot.violations += r.violations; if (r.breaks <= opt) tot.atOpt++;
}
if (originals.length) {
  console.log(`${'TOTAL'.padEnd(22)} ${pad(tot.meetings, 8)} ${pad(tot.scheduled, 9)} ${pad(tot.breaks, 6)} ${pad(tot.optimum, 7)} ${pad('', 5)} ${pad('', 4)} ${pad('', 3)} ${pad(tot.seconds.toFixed(1), 7)}`);
  console.log(`all meetings scheduled on ${originals.length - 0} instances: ${tot.scheduled === tot.meetings}; at the optimum on ${tot.atOpt}/${originals.length}; violations ${tot.violations}`);
}

if (withVariants) {
  console.log(`\nvariants (forbidden slots, fixed meetings; precedences ignored)`);
  console.log(`${'instance'.padEnd(30)} ${pad('requested', 9)} ${pad('scheduled', 9)} ${pad('UB', 4)} ${pad('breaks', 6)} ${pad('max/p', 5)} ${pad('seconds', 7)}`);
  const vt = { requested: 0, scheduled: 0, breaks: 0, seconds: 0, violations: 0, n: 0 };
  for (const f of files.filter((x) => !x.endsWith('.original.dzn'))) {
    const r = await run(f);
    console.log(`${r.name.padEnd(30)} ${pad(r.meetings, 9)} ${pad(r.scheduled, 9)} ${pad(r.ub, 4)} ${pad(r.breaks, 6)} ${pad(r.max, 5)} ${pad(r.seconds.toFixed(1), 7)}${r.violations ? `  ${r.violations} VIOLATIONS` : ''}`);
    vt.requested += r.meetings; vt.scheduled += r.scheduled; vt.breaks += r.breaks; vt.seconds += r.seconds; vt.violations += r.violations; vt.n++;
  }
  console.log(`${'TOTAL'.padEnd(30)} ${pad(vt.requested, 9)} ${pad(vt.scheduled, 9)} ${pad('', 4)} ${pad(vt.breaks, 6)} ${pad('', 5)} ${pad(vt.seconds.toFixed(1), 7)}  (${vt.n} instances, violations ${vt.violations})`);
}
