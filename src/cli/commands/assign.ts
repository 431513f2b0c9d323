// `synergy assign`: runs the reviewer-assignment engine on a synergy-assignment file
// (docs/assignment-format.md) and writes the assignment JSON. No database involved; the engine is
// loaded only when the command runs.
import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AssignmentResult } from '../../engines/assignment/index.ts';
import { fail } from '../shared.ts';

interface AssignCliOptions { input: string; output: string; mode: string; q: string; seed: string; timeLimit: string; quiet?: boolean }

const round = (x: number) => Math.round(x * 1e9) / 1e9;

/** The output file: the documented shape, plus the certificate and mode-specific figures. */
export function assignOutput(r: AssignmentResult, seconds: number) {
  return {
    assignments: r.assignments,
    objective: round(r.objective),
    upperBound: round(r.upperBound),
    worstApplication: round(r.worstApplication),
    seconds: Math.round(seconds * 1000) / 1000,
    mode: r.mode,
    ...(r.worstApplicationBound !== undefined ? { worstApplicationBound: round(r.worstApplicationBound) } : {}),
    ...(r.expectedObjective !== undefined ? { expectedObjective: round(r.expectedObjective), q: r.q, marginals: r.marginals } : {}),
    ...(r.certificate ? { certificate: r.certificate } : {}),
  };
}

export function registerAssignCommand(program: Command) {
  program.command('assign').description('assign experts to applications (synergy-assignment JSON, docs/assignment-format.md)')
    .requiredOption('--input <file>', 'instance in the synergy-assignment format')
    .requiredOption('--output <file>', 'where to write the assignment JSON')
    .option('--mode <mode>', 'optimal (maximum total affinity), fair (best worst application, then total) or randomised', 'optimal')
    .option('--q <p>', 'randomised mode: cap on the probability of any expert–application pair', '0.5')
    .option('--seed <n>', 'randomised mode: seed of the sampling (same seed and input: same assignment)', '1')
    .option('--time-limit <seconds>', 'fair mode: time limit of each integer program', '60')
    .option('--quiet', 'print nothing on success')
    .action(async (o: AssignCliOptions) => {
      if (!['optimal', 'fair', 'randomised'].includes(o.mode)) fail('--mode must be optimal, fair or randomised', 2);
      const q = Number(o.q), seed = Number(o.seed), timeLimit = Number(o.timeLimit);
      if (!(q > 0 && q <= 1)) fail('--q must be a probability in (0, 1]', 2);
      if (!Number.isInteger(seed)) fail('--seed must be an integer', 2);
      if (!(timeLimit > 0)) fail('--time-limit must be a positive number of seconds', 2);
      let raw: unknown;
      try { raw = JSON.parse(readFileSync(o.input, 'utf8')); } catch (e) {
        fail(e instanceof SyntaxError ? `${o.input}: not valid JSON (${e.message})` : `cannot read ${o.input}`, 2);
      }
      const { assign, AssignmentInputError } = await import('../../engines/assignment/index.ts');
      const started = performance.now();
      let result: AssignmentResult;
      try {
        result = await assign(raw, { mode: o.mode as AssignmentResult['mode'], q, seed, timeLimitSeconds: timeLimit });
      } catch (e) {
        if (e instanceof AssignmentInputError) fail(e.message, 2);
        throw e;
      }
      const seconds = (performance.now() - started) / 1000;
      if (!result.feasible) fail(`no assignment: ${result.reason}`, 1);
      writeFileSync(o.output, `${JSON.stringify(assignOutput(result, seconds))}\n`);
      if (!o.quiet) {
        console.log(`${result.mode}: ${result.assignments.length} assignments, objective ${round(result.objective)} (upper bound ${round(result.upperBound)}), `
          + `worst application ${round(result.worstApplication)}${result.expectedObjective !== undefined ? `, expected objective ${round(result.expectedObjective)}` : ''}, ${seconds.toFixed(2)} s → ${o.output}`);
      }
    });
}
