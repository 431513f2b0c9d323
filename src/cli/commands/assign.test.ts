// `synergy assign` end to end through the real command line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin/synergy.mjs');
const dir = mkdtempSync(join(tmpdir(), 'synergy-assign-'));
const PREFLIB2 = join(ROOT, 'bench/assignment/instances/preflib2.json');

test('optimal by default: the documented output shape with the input ids and the certified optimum', () => {
  const out = join(dir, 'opt.json');
  const stdout = execFileSync(process.execPath, [BIN, 'assign', '--input', PREFLIB2, '--output', out], { encoding: 'utf8' });
  assert.match(stdout, /optimal: 156 assignments, objective 141\.5 \(upper bound 141\.5\)/);
  const r = JSON.parse(readFileSync(out, 'utf8'));
  for (const k of ['assignments', 'objective', 'upperBound', 'worstApplication', 'seconds']) assert.ok(k in r, k);
  assert.equal(r.objective, 141.5);
  assert.equal(r.upperBound, 141.5);
  assert.deepEqual(Object.keys(r.assignments[0]), ['application', 'expert']);
  assert.match(r.assignments[0].application, /^p\d+$/);
  assert.match(r.assignments[0].expert, /^r\d+$/);
});

test('randomised with q and seed is reproducible; fair reports its worst-application bound', () => {
  const run = (name: string, ...args: string[]) => {
    const out = join(dir, name);
    execFileSync(process.execPath, [BIN, 'assign', '--input', PREFLIB2, '--output', out, '--quiet', ...args]);
    return JSON.parse(readFileSync(out, 'utf8'));
  };
  const a = run('r1.json', '--mode', 'randomised', '--q', '0.5', '--seed', '9');
  const b = run('r2.json', '--mode', 'randomised', '--q', '0.5', '--seed', '9');
  assert.deepEqual(a.assignments, b.assignments);
  assert.ok(a.marginals.every((m: { p: number }) => m.p <= 0.5));
  const f = run('f.json', '--mode', 'fair');
  assert.equal(f.worstApplication, f.worstApplicationBound);
});

test('bad input and bad options exit with code 2 and a message', () => {
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ format: 'synergy-assignment', version: 1, applications: [{ id: 'p1', demand: 1 }], experts: [{ id: 'r1', maxLoad: 1 }], affinity: { dense: [[1, 2]] } }));
  let r = spawnSync(process.execPath, [BIN, 'assign', '--input', bad, '--output', join(dir, 'x.json')], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /affinity\.dense\[0\]: 2 values, expected one per expert \(1\)/);
  r = spawnSync(process.execPath, [BIN, 'assign', '--input', PREFLIB2, '--output', join(dir, 'x.json'), '--mode', 'random'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--mode must be/);
});
