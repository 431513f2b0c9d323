// `synergy fund` end to end through the real command line: the three methods on one file, the documented output
// shape, the lottery's commitment, and a clear error for a bad file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin/synergy.mjs');
const dir = mkdtempSync(join(tmpdir(), 'synergy-fund-'));

const file = {
  format: 'synergy-funding', version: 1, name: 'cli test', objective: 'score',
  funders: [{ id: 'BY', currency: 'BYN', budget: { 2022: 100, 2023: 100 } }, { id: 'CN', currency: 'CNY', budget: { 2022: 600, 2023: 600 } }],
  projects: [
    { id: 'j1', score: 14, area: 'ict_ai', leadOrganisation: 'o1', requests: { BY: { 2022: 70, 2023: 70 }, CN: { 2022: 300, 2023: 300 } } },
    { id: 'j2', score: 13, area: 'ict_ai', leadOrganisation: 'o2', requests: { BY: { 2022: 50, 2023: 50 }, CN: { 2022: 300, 2023: 300 } } },
    { id: 'j3', score: 12.5, area: 'bio', leadOrganisation: 'o2', requests: { BY: { 2022: 50, 2023: 50 }, CN: { 2022: 300, 2023: 300 } } },
  ],
  constraints: { maxPerArea: { ict_ai: 5 }, minPerArea: {}, maxPerOrganisation: 2 },
};
const inFile = join(dir, 'call.json');
writeFileSync(inFile, JSON.stringify(file));
const run = (method: string, extra: string[] = []) => {
  const out = join(dir, `${method}.json`);
  const stdout = execFileSync(process.execPath, [BIN, 'fund', '--input', inFile, '--output', out, '--method', method, ...extra], { encoding: 'utf8' });
  return { stdout, out: JSON.parse(readFileSync(out, 'utf8')) };
};

test('line and optimal write the documented shape; the optimum is proven and beats the line', () => {
  const line = run('line');
  assert.deepEqual(line.out.selected, ['j1']);
  assert.equal(line.out.objective, 14);
  for (const k of ['selected', 'objective', 'upperBound', 'seconds']) assert.ok(k in line.out, k);
  assert.equal(line.out.skipped.j2.code, 'budget_exhausted');
  const opt = run('optimal');
  assert.deepEqual(opt.out.selected, ['j2', 'j3']);
  assert.equal(opt.out.objective, 25.5);
  assert.equal(opt.out.upperBound, 25.5);
  assert.equal(opt.out.gap, 0);
  assert.match(opt.stdout, /optimal: 2 projects, objective 25\.5 .*proven optimal/);
  assert.ok(line.out.upperBound >= 25.5, 'the line carries the LP bound');
});

test('the lottery prints and writes the seed\'s commitment and is reproducible', () => {
  const a = run('lottery', ['--seed', '7', '--band', '12:14', '--quiet']);
  const b = run('lottery', ['--seed', '7', '--band', '12:14', '--quiet']);
  assert.deepEqual(a.out.selected, b.out.selected);
  assert.equal(a.out.lottery.commitment, createHash('sha256').update('synergy-funding-lottery/v1/7').digest('hex'));
  assert.deepEqual(a.out.lottery.entrants, ['j1', 'j2', 'j3']);
  assert.equal(a.stdout, '');
});

test('a bad file or option exits with 2 and a message naming the field', () => {
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ ...file, projects: [{ ...file.projects[0], requests: { XX: { 2022: 1 } } }] }));
  const r = spawnSync(process.execPath, [BIN, 'fund', '--input', bad, '--output', join(dir, 'x.json')], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /projects\.0\.requests\.XX: no funder with this id/);
  const m = spawnSync(process.execPath, [BIN, 'fund', '--input', inFile, '--output', join(dir, 'x.json'), '--method', 'best'], { encoding: 'utf8' });
  assert.equal(m.status, 2);
  assert.match(m.stderr, /--method must be line, optimal or lottery/);
});
