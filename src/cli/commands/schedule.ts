// `synergy schedule`: runs the meeting scheduler on an interchange JSON file or a benchmark .dzn file
// (docs/scheduling-format.md) and writes the schedule JSON. No database involved.
import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { dznToInput, solve, ScheduleInputError, type ScheduleInputRaw, type ScheduleResult } from '../../engines/scheduler/index.ts';
import { fail } from '../shared.ts';

interface ScheduleCliOptions { input: string; output: string; timeLimit: string; seed: string; objective: string; maxBreaksDifference?: string; published?: string; allowMoves?: boolean; quiet?: boolean }

/** The output file: the shape; for .dzn input meetings and slots are the file's 1-based indices. */
export function scheduleOutput(r: ScheduleResult, dzn: boolean) {
  const id = (x: string) => (dzn ? Number(x) : x);
  return {
    assignments: r.assignments.map((a) => ({ meeting: id(a.meeting), slot: id(a.slot),
      ...(a.table !== undefined ? { table: a.table } : {}), ...(a.interpreter !== undefined ? { interpreter: a.interpreter } : {}) })),
    scheduled: r.scheduled,
    weight: r.weight,
    breaks: r.breaks,
    maxBreaks: r.maxBreaks,
    breaksDifference: r.breaksDifference,
    objective: r.certificate.objective,
    upperBound: r.certificate.upperBound,
    countUpperBound: r.certificate.countUpperBound,
    breaksLowerBound: r.certificate.breaksLowerBound,
    proven: r.certificate.proven,
    seconds: Math.round(r.seconds * 1000) / 1000,
    unscheduled: r.unscheduled.map((u) => ({ meeting: id(u.meeting), reason: u.reason })),
  };
}

export function registerScheduleCommand(program: Command) {
  program.command('schedule').description('schedule all requested meetings of an event file (JSON interchange format or .dzn benchmark data)')
    .requiredOption('--input <file>', 'input: .json (docs/scheduling-format.md) or .dzn (B2B benchmark data)')
    .requiredOption('--output <file>', 'where to write the schedule JSON')
    .option('--time-limit <seconds>', 'time budget in seconds', '10')
    .option('--seed <n>', 'random seed (same seed and input: same schedule, unless the time limit cuts the search)', '1')
    .option('--objective <weight|count>', 'what comes first: total weight of priorities, or the number of meetings (priority breaks ties)', 'weight')
    .option('--max-breaks-difference <d>', 'fairness: no two participants\' breaks differ by more than d')
    .option('--published <file>', 'incremental mode: JSON object meeting id → slot id of already published meetings')
    .option('--allow-moves', 'incremental mode: published meetings may move (as few as possible)')
    .option('--quiet', 'print nothing on success')
    .action(async (o: ScheduleCliOptions) => {
      const seconds = Number(o.timeLimit);
      const seed = Number(o.seed);
      if (!Number.isFinite(seconds) || seconds <= 0) fail('--time-limit must be a positive number of seconds', 2);
      if (!Number.isInteger(seed)) fail('--seed must be an integer', 2);
      if (o.objective !== 'weight' && o.objective !== 'count') fail('--objective must be weight or count', 2);
      const d = o.maxBreaksDifference === undefined ? null : Number(o.maxBreaksDifference);
      if (d !== null && !(Number.isInteger(d) && d >= 0)) fail('--max-breaks-difference must be a whole number ≥ 0', 2);
      let text: string;
      try { text = readFileSync(o.input, 'utf8'); } catch { fail(`cannot read ${o.input}`, 2); }
      const dzn = o.input.toLowerCase().endsWith('.dzn');
      let input: ScheduleInputRaw;
      let published: Record<string, string> | undefined;
      try {
        input = dzn ? dznToInput(text, o.input) : (JSON.parse(text) as ScheduleInputRaw);
        if (d !== null) input = { ...input, maxBreaksDifference: d };
        if (o.published) published = JSON.parse(readFileSync(o.published, 'utf8')) as Record<string, string>;
      } catch (e) {
        fail(e instanceof SyntaxError ? `${o.input}: not valid JSON (${e.message})` : (e as Error).message, 2);
      }
      let result: ScheduleResult;
      try {
        result = await solve(input, { seed, timeLimitMs: seconds * 1000, objective: o.objective as 'weight' | 'count',
          incremental: published ? { published, allowMoves: !!o.allowMoves } : undefined });
      } catch (e) {
        if (e instanceof ScheduleInputError) fail(e.message, 2);
        throw e;
      }
      writeFileSync(o.output, `${JSON.stringify(scheduleOutput(result, dzn), null, 1)}\n`);
      if (!o.quiet) {
        const c = result.certificate;
        console.log(`${c.objective} first: scheduled ${result.scheduled}/${result.requested} meetings (at most ${c.countUpperBound}), weight ${result.weight} (upper bound ${c.upperBound}, ${c.upperBoundSource}), `
          + `breaks ${result.breaks} (lower bound ${c.breaksLowerBound}, gap ${c.breaksGap}), max ${result.maxBreaks} per participant${c.proven ? ', proven optimal' : ''}, ${result.seconds.toFixed(1)} s → ${o.output}`);
      }
    });
}
