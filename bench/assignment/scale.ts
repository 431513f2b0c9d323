// Scale benchmark: a seeded CVPR-sized instance (2,623 applications × 1,373 experts, 3 reviews each,
// load ≤ 6, dense affinities, 1 % conflicts), optimal mode, with and without BY/CN quotas (one expert of
// each country per application). Prints solve time, the certificate's gap, peak RSS and load average.
//   npx tsx bench/assignment/scale.ts [--quotas] [--seed 1] [--applications 2623 --experts 1373]
import { loadavg } from 'node:os';
import { compileInput, solveOptimal, dualBound } from '../../src/engines/assignment/index.ts';
import { generateInstance } from './generate.ts';

const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(name); return i >= 0 ? Number(process.argv[i + 1]) : dflt; };
const quotas = process.argv.includes('--quotas');
const seed = arg('--seed', 1);
let t = performance.now();
const input = generateInstance({ applications: arg('--applications', 2623), experts: arg('--experts', 1373), seed, quotas });
const pb = compileInput(input);
const genSeconds = (performance.now() - t) / 1000;
t = performance.now();
const r = solveOptimal(pb);
const seconds = (performance.now() - t) / 1000;
t = performance.now();
const bound = r.certificate ? dualBound(pb, r.certificate) : NaN;
const checkSeconds = (performance.now() - t) / 1000;
const peak = process.resourceUsage().maxRSS / 1024; // KiB → MiB
console.log(`${input.name}: ${pb.applicationIds.length}×${pb.expertIds.length}, ${r.assignments.length} assignments; `
  + `objective ${r.objective.toFixed(3)}, certified bound ${bound.toFixed(3)} (gap ${(bound - r.objective).toExponential(1)}), `
  + `worst application ${r.worstApplication.toFixed(3)}; solve ${seconds.toFixed(2)} s (generation ${genSeconds.toFixed(2)} s, bound check ${checkSeconds.toFixed(2)} s); `
  + `peak RSS ${peak.toFixed(0)} MiB; load average ${loadavg()[0].toFixed(1)}`);
