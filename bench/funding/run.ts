// Funding-selection benchmark: seeded instances of 2,000 approvable projects, two funders (BYN, CNY), 3 years,
// 8 areas (caps on four, floors on two) and at most 3 projects per lead organisation. For each seed: the funding
// line, the proven optimum (HiGHS MIP, single-threaded WebAssembly), its bound and gap, and the share of the
// achievable score the line leaves unfunded. The machine may be shared: the load average is printed per row, and
// the process's CPU time next to the wall time (on a loaded machine the wall time mostly measures waiting).
//   npx tsx bench/funding/run.ts [--seeds 1,2,3,4,5] [--projects 2000] [--objective score|count] [--budget-share 0.35]
//     [--org-cap 3] [--time-limit 60] [--write dir]   (budget share: what each funder can pay of all requests, per year)
import { loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateFundingFile } from '../../src/engines/funding/generate.ts';
import { buildModel, fundingLine, optimalSelection, parseFundingFile, relaxationBound } from '../../src/engines/funding/index.ts';
import { violations, type RawFile } from '../../src/engines/funding/independent-validator.ts';

const arg = (name: string, dflt: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : dflt; };
const seeds = arg('seeds', '1,2,3,4,5').split(',').map(Number);
const projects = Number(arg('projects', '2000'));
const objective = arg('objective', 'score') as 'score' | 'count';
const budgetShare = Number(arg('budget-share', '0.35'));
const orgCap = Number(arg('org-cap', '3'));
const timeLimit = Number(arg('time-limit', '60'));
const writeDir = process.argv.includes('--write') ? arg('write', 'bench/funding/instances') : null;

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`funding benchmark: ${projects} projects, 2 funders × 3 years, 8 areas with quotas, ≤ ${orgCap} per organisation, budgets ${budgetShare * 100} % of requests, objective ${objective}`);
console.log('seed | line: n / total | optimal: n / total | bound | gap | proven | solve s wall (cpu) | LP bound | line leaves unfunded | load average (1/5/15 min)');
const rows: number[][] = [];
for (const seed of seeds) {
  const raw = generateFundingFile({ projects, seed, years: 3, areas: 8, quotas: true, maxPerOrganisation: orgCap, objective, budgetShare });
  if (writeDir) { mkdirSync(writeDir, { recursive: true }); writeFileSync(join(writeDir, `funding-${projects}-${seed}.json`), JSON.stringify(raw)); }
  const m = buildModel(parseFundingFile(raw));
  const line = fundingLine(m);
  const lp = await relaxationBound(m);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const opt = await optimalSelection(m, { timeLimitSeconds: timeLimit });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  for (const s of [line, opt]) {
    const v = violations(raw as unknown as RawFile, s.selected);
    if (v.length && !(s.unmetFloors && v.every((x) => /fewer than/.test(x)))) throw new Error(`seed ${seed} ${s.method}: invalid selection: ${v.join('; ')}`);
  }
  const unfunded = (opt.objective - line.objective) / opt.objective;
  rows.push([seconds, unfunded, cpuSeconds]);
  console.log(`${seed} | ${line.selected.length} / ${line.objective.toFixed(1)}${line.unmetFloors ? ' (floors unmet)' : ''} | ${opt.selected.length} / ${opt.objective.toFixed(1)} | `
    + `${opt.upperBound?.toFixed(1)} | ${((opt.gap ?? 1) * 100).toFixed(3)} % | ${opt.proven ? 'yes' : 'NO'} | ${seconds.toFixed(2)} (cpu ${cpuSeconds.toFixed(2)}) | ${lp?.toFixed(1)} | `
    + `${(unfunded * 100).toFixed(1)} % | ${load()}`);
}
const secs = rows.map((r) => r[0]).sort((a, b) => a - b);
const cpus = rows.map((r) => r[2]).sort((a, b) => a - b);
const unf = rows.map((r) => r[1] * 100);
console.log(`summary: solve time median ${secs[Math.floor(secs.length / 2)].toFixed(2)} s, max ${secs[secs.length - 1].toFixed(2)} s (cpu median ${cpus[Math.floor(cpus.length / 2)].toFixed(2)} s, max ${cpus[cpus.length - 1].toFixed(2)} s; `
  + `the first solve of a process includes compiling the WebAssembly solver); `
  + `line leaves ${Math.min(...unf).toFixed(1)}–${Math.max(...unf).toFixed(1)} % of the optimum unfunded; load average now ${load()}`);
