// `synergy fund`: a funding selection (funding line, optimal, or lottery) over a synergy-funding file
// (docs/funding-format.md), written as JSON. No database involved; the engine is loaded only when the command runs.
import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { fail } from '../shared.ts';

interface FundCliOptions { input: string; output: string; method: string; seed: string; band?: string; timeLimit: string; quiet?: boolean }

export function registerFundCommand(program: Command) {
  program.command('fund').description('select projects to fund within every funder\'s budget per year (funding line, optimal, or lottery)')
    .requiredOption('--input <file>', 'synergy-funding JSON file (docs/funding-format.md)')
    .requiredOption('--output <file>', 'where to write the selection JSON')
    .option('--method <method>', 'line | optimal | lottery', 'optimal')
    .option('--seed <seed>', 'lottery seed; its SHA-256 commitment is printed and written', '1')
    .option('--band <low:high>', 'lottery: the band of scores that cannot be told apart (default: score intervals at the line)')
    .option('--time-limit <seconds>', 'optimal: time the solver may search', '60')
    .option('--quiet', 'print nothing on success')
    .action(async (o: FundCliOptions) => {
      if (!['line', 'optimal', 'lottery'].includes(o.method)) fail('--method must be line, optimal or lottery', 2);
      const seconds = Number(o.timeLimit);
      if (!Number.isFinite(seconds) || seconds <= 0) fail('--time-limit must be a positive number of seconds', 2);
      let band: { low: number; high: number } | undefined;
      if (o.band !== undefined) {
        const [low, high] = o.band.split(':').map(Number);
        if (!Number.isFinite(low) || !Number.isFinite(high) || low > high) fail('--band must look like 11.5:12.5 (low ≤ high)', 2);
        band = { low, high };
      }
      let raw: unknown;
      try { raw = JSON.parse(readFileSync(o.input, 'utf8')); } catch (e) {
        fail(e instanceof SyntaxError ? `${o.input}: not valid JSON (${e.message})` : `cannot read ${o.input}`, 2);
      }
      const { parseFundingFile, selectFunding, FundingInputError } = await import('../../engines/funding/index.ts');
      let file;
      try { file = parseFundingFile(raw); } catch (e) {
        if (e instanceof FundingInputError) fail(`${o.input}: ${e.message}`, 2);
        throw e;
      }
      const started = performance.now();
      const s = await selectFunding(file, o.method as 'line' | 'optimal' | 'lottery', { seed: o.seed, band, timeLimitSeconds: seconds });
      const elapsed = Math.round(performance.now() - started) / 1000;
      if (s.infeasible) fail('no selection meets every constraint within the budgets (check minPerArea and minParkResidents)', 1);
      const out = {
        selected: s.selected, objective: s.objective, upperBound: s.upperBound, seconds: elapsed,
        method: s.method, gap: s.gap, proven: s.proven,
        ...(s.unmetFloors ? { unmetFloors: s.unmetFloors } : {}),
        ...(s.lottery ? { lottery: s.lottery } : {}),
        skipped: s.skipped,
      };
      writeFileSync(o.output, `${JSON.stringify(out, null, 1)}\n`);
      if (!o.quiet) {
        const lot = s.lottery ? `, lottery of ${s.lottery.entrants.length} (commitment ${s.lottery.commitment})` : '';
        console.log(`${s.method}: ${s.selected.length} projects, objective ${s.objective} (upper bound ${s.upperBound ?? '–'}, gap ${s.gap === null ? '–' : `${(s.gap * 100).toFixed(2)} %`}${s.proven ? ', proven optimal' : ''})${lot}, ${elapsed.toFixed(2)} s → ${o.output}`);
      }
    });
}
