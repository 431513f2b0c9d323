// `synergy match`: batch recommendations over a file in the import format, without a server or
// a database. Output: { "<profileExternalId>": ["<candidateExternalId>", …] } (ranked).
import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { batchPredictions, parseImportFile, profilesFromImport, type HistoryEntry } from '../../engines/matching/index.ts';
import { fail } from '../shared.ts';

type MatchCliOptions = {
  input: string; top: string; output?: string; sameCountry?: boolean; pairs?: string;
  publishedOnly?: boolean; history?: string;
};

export function registerMatchCommand(program: Command) {
  program.command('match').description('rank partner candidates for every profile of an import-format file (no server, no database)')
    .requiredOption('--input <file>', 'file in the import format (docs/import-format.md)')
    .option('--top <n>', 'candidates per profile', '10')
    .option('--output <file>', 'write predictions JSON here (default: standard output)')
    .option('--same-country', 'also recommend other organisations of the same country')
    .option('--pairs <list>', 'country pairs that may meet, e.g. "BY-CN,BY-RU" (default BY-CN)')
    .option('--published-only', 'only profiles with status "published" are candidates (default: all in the file)')
    .option('--history <file>', 'JSON array of {subject, object, state: in_contact|declined|not_relevant}')
    .action((o: MatchCliOptions) => {
      const top = Number(o.top);
      if (!Number.isInteger(top) || top < 1 || top > 1000) fail('--top must be an integer between 1 and 1000', 2);
      let crossBorder: Array<[string, string]> | undefined;
      if (o.pairs) {
        crossBorder = o.pairs.split(',').map((p) => p.trim().toUpperCase().split('-') as [string, string]);
        if (crossBorder.some((p) => p.length !== 2 || !p.every((c) => /^[A-Z]{2}$/.test(c)))) fail('--pairs must look like BY-CN,BY-RU', 2);
      }
      let file: ReturnType<typeof parseImportFile> | undefined;
      try {
        file = parseImportFile(JSON.parse(readFileSync(o.input, 'utf8')));
      } catch (e) {
        fail(`cannot read ${o.input}: ${e instanceof Error ? e.message.slice(0, 500) : String(e)}`, 2);
      }
      let history: HistoryEntry[] = [];
      if (o.history) {
        try { history = JSON.parse(readFileSync(o.history, 'utf8')) as HistoryEntry[]; } catch (e) { fail(`cannot read ${o.history}: ${String(e)}`, 2); }
      }
      const started = performance.now();
      const profiles = profilesFromImport(file, { keepStatus: !!o.publishedOnly });
      const skipped = file.profiles.length - profiles.length;
      if (skipped) process.stderr.write(`synergy match: ${skipped} profile(s) skipped: their organisation is not in the file\n`);
      const predictions = batchPredictions(profiles, {
        top, history, pairing: { ...(crossBorder ? { crossBorder } : {}), sameCountry: !!o.sameCountry },
      });
      const json = JSON.stringify(predictions, null, 1);
      if (o.output) {
        writeFileSync(o.output, json + '\n');
        const ms = Math.round(performance.now() - started);
        process.stderr.write(`synergy match: ${Object.keys(predictions).length} profiles ranked in ${ms} ms → ${o.output}\n`);
      } else {
        process.stdout.write(json + '\n');
      }
    });
}
