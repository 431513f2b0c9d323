// Directory commands: import and export of organisations and profiles (docs/import-format.md).
import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportReport } from '../../modules/exchange/import.ts';
import { fail, withDatabase } from '../shared.ts';

// Server and module code is imported inside the actions (see ../shared.ts).

export function printReport(r: ImportReport, write: (s: string) => void = (s) => console.log(s)) {
  write(`${r.kind.toUpperCase()}: ${r.organisations.total} organisations (${r.organisations.create} new, ${r.organisations.update} updated), ` +
    `${r.profiles.total} profiles (${r.profiles.create} new, ${r.profiles.update} updated)`);
  for (const p of r.problems) write(`  ${p.sheet} row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.code}${p.value !== undefined ? ` (${p.value})` : ''}`);
  write(r.ok ? (r.dryRun ? 'dry run: no problems found; nothing written' : 'imported') : `${r.problems.length} problem(s); nothing was imported`);
}

export function registerDirectoryCommands(program: Command) {
  program.command('import <file>').description('import organisations and profiles from JSON, CSV or XLSX (all or nothing; idempotent by external id)')
    .option('--dry-run', 'check every row and report problems; write nothing')
    .action(async (file: string, o: { dryRun?: boolean }) => {
      let content: Buffer;
      try { content = readFileSync(file); } catch (e) { fail(`cannot read ${file}: ${(e as Error).message}`, 2); }
      const [{ createDeps, createLogger }, { systemContext }, { importSource, readSource }] = await Promise.all([
        import('../../server/runtime.ts'), import('../../platform/context.ts'), import('../../modules/exchange/import.ts')]);
      await withDatabase(async (database, config) => {
        const deps = await createDeps({ ...config, JOBS: false }, { database, log: createLogger({ ...config, LOG_LEVEL: 'warn' }) });
        const t0 = performance.now();
        const report = await importSource(systemContext(deps), await readSource(content, basename(file)), { dryRun: !!o.dryRun });
        printReport(report);
        console.log(`took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        if (!report.ok) process.exitCode = 1;
      });
    });

  program.command('export <file>').description('export organisations and profiles: .json (re-importable), .xlsx (two sheets) or .csv (one sheet)')
    .option('--sheet <sheet>', 'for CSV: organisations or profiles', 'profiles')
    .option('--template', 'write the empty XLSX template with headers in Russian, Chinese and English')
    .action(async (file: string, o: { sheet: string; template?: boolean }) => {
      const ext = file.toLowerCase().split('.').pop();
      const { exportData, toCsv, toXlsx, templateXlsx } = await import('../../modules/exchange/export.ts');
      if (o.template) { writeFileSync(file, await templateXlsx()); console.log(`template written to ${file}`); return; }
      if (!['json', 'csv', 'xlsx'].includes(ext ?? '')) fail('the file name must end in .json, .csv or .xlsx', 2);
      if (o.sheet !== 'profiles' && o.sheet !== 'organisations') fail('--sheet must be organisations or profiles', 2);
      await withDatabase(async (database) => {
        const data = await exportData(database.db, { now: new Date() });
        const out = ext === 'json' ? Buffer.from(JSON.stringify(data, null, 2) + '\n') : ext === 'csv' ? toCsv(data, o.sheet as 'profiles') : await toXlsx(data);
        writeFileSync(file, out);
        console.log(`exported ${data.organisations.length} organisations and ${data.profiles.length} profiles to ${file}`);
      });
    });
}
