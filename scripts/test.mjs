#!/usr/bin/env node
// Runs the whole test suite with node's test runner. Node 20 expands no globs,
// so this script finds the test files and lists them explicitly.
//   node scripts/test.mjs                 all suites: typecheck, i18n check, lint, db check, unit+API, browser
//   node scripts/test.mjs --only unit     unit and API tests (src/**/*.test.ts)
//   node scripts/test.mjs --only e2e      browser tests (e2e/*.test.ts)
//   node scripts/test.mjs path/a.test.ts  just those files
// Ends with one summary line: "tests: N passed, M failed, K skipped".
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? args[onlyIdx + 1] : null;
const explicit = args.filter((a, i) => !a.startsWith("--") && (onlyIdx < 0 || i !== onlyIdx + 1));

function find(dir, out = []) {
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const totals = { pass: 0, fail: 0, skipped: 0, todo: 0 };
const failedSteps = [];

function runStep(name, cmd, cmdArgs, { parse = false } = {}) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, cmdArgs, { stdio: parse ? ['inherit', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', env: process.env });
  if (parse) {
    process.stdout.write(r.stdout ?? '');
    for (const key of Object.keys(totals)) {
      const m = [...(r.stdout ?? '').matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
      for (const x of m) totals[key] += Number(x[1]);
    }
  }
  if (r.status !== 0) failedSteps.push(name);
  return r.status === 0;
}

const testArgs = (files) => ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', '--test-reporter-destination=.tmp-tap.txt', '--test-concurrency=2', ...files];

function runTests(name, files, env = {}) {
  if (files.length === 0) { console.log(`\n=== ${name}: no files ===`); return; }
  console.log(`\n=== ${name} (${files.length} files) ===`);
  const r = spawnSync(process.execPath, testArgs(files), { stdio: 'inherit', env: { ...process.env, ...env } });
  let tap = '';
  try { tap = readFileSync('.tmp-tap.txt', 'utf8'); unlinkSync('.tmp-tap.txt'); } catch { /* none */ }
  for (const key of Object.keys(totals)) {
    const m = tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'));
    if (m) totals[key] += Number(m[1]);
  }
  if (r.status !== 0) failedSteps.push(name);
}

if (explicit.length) {
  runTests('selected tests', explicit);
} else {
  if (!only) {
    runStep('typecheck (server)', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
    runStep('typecheck (web)', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'web/tsconfig.json']);
    runStep('i18n check', process.execPath, ['scripts/i18n-check.mjs']);
    runStep('lint', process.execPath, ['node_modules/@biomejs/biome/bin/biome', 'lint']);
    runStep('schema matches migrations', process.execPath, ['scripts/db-check.mjs']);
  }
  const unit = find('src').concat(find('scripts')).sort();
  if (!only || only === 'unit') runTests('unit and API tests (PGlite)', unit);
  if ((!only || only === 'unit' || only === 'postgres') && process.env.TEST_DATABASE_URL) {
    runTests('API tests on PostgreSQL', unit.filter((f) => f.endsWith('.api.test.ts')), { SYNERGY_TEST_DB: 'postgres' });
  }
  if (!only || only === 'e2e') runTests('browser tests', find('e2e').sort());
}

const summary = `tests: ${totals.pass} passed, ${totals.fail} failed, ${totals.skipped} skipped` +
  (failedSteps.length ? ` — failed steps: ${failedSteps.join(', ')}` : '');
console.log(`\n${summary}`);
process.exit(failedSteps.length ? 1 : 0);
