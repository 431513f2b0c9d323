// The engine on the five benchmark instances (exact optimum, certified), input errors, infeasibility,
// and the randomised mode's marginals and reproducibility.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assign, parseAssignmentInput, AssignmentInputError, type AssignmentInput } from './index.ts';
import { checkAssignment, certificateBound } from './independent-validator.ts';

const dir = new URL('../../../bench/assignment/instances/', import.meta.url);
const load = (name: string) => JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as AssignmentInput;
const OPTIMA: Record<string, number> = { preflib1: 124.25, preflib2: 141.5, preflib3: 454.25, aamas2016: 949.5, aamas2015: 1406.25 };

for (const [name, optimum] of Object.entries(OPTIMA)) {
  test(`${name}: optimal mode reaches the published optimum ${optimum}, valid and certified`, async () => {
    const input = load(name);
    const r = await assign(input);
    const check = checkAssignment(input, r.assignments);
    assert.deepEqual(check.errors, []);
    assert.ok(Math.abs(check.objective - optimum) < 1e-9, `objective ${check.objective}`);
    assert.ok(Math.abs(certificateBound(input, r.certificate!) - optimum) < 1e-6, 'certificate proves the optimum');
  });
}

test('preflib1 and preflib2: fair mode is valid and never worse in its worst application', async () => {
  for (const name of ['preflib1', 'preflib2']) {
    const input = load(name);
    const opt = await assign(input);
    const fair = await assign(input, { mode: 'fair' });
    const check = checkAssignment(input, fair.assignments);
    assert.deepEqual(check.errors, []);
    assert.ok(check.worstApplication >= opt.worstApplication);
    assert.equal(fair.worstApplicationBound, check.worstApplication, 'level 1 proven');
  }
});

const small: AssignmentInput = {
  format: 'synergy-assignment', version: 1,
  applications: [{ id: 'a', demand: 2, groupQuotas: { BY: 1, CN: 1 } }, { id: 'b', demand: 1 }],
  experts: [{ id: 'x', maxLoad: 2, group: 'BY' }, { id: 'y', maxLoad: 1, group: 'CN' }, { id: 'z', maxLoad: 1, minLoad: 1, group: 'CN' }],
  affinity: { sparse: [['a', 'x', 0.9], ['a', 'y', 0.8], ['a', 'z', 0.1], ['b', 'x', 0.5], ['b', 'y', 0.2], ['b', 'z', 0.3]] },
  conflicts: [['b', 'x']],
};

test('quotas, minimum loads and conflicts shape the optimum', async () => {
  const r = await assign(small);
  const check = checkAssignment(small, r.assignments);
  assert.deepEqual(check.errors, []);
  // a takes x (BY) and y (CN); z must have one review, so b takes z (b–x is a conflict)
  assert.deepEqual(r.assignments.map((p) => `${p.application}-${p.expert}`).sort(), ['a-x', 'a-y', 'b-z']);
  assert.ok(Math.abs(r.objective - 2.0) < 1e-12);
  assert.ok(Math.abs(r.upperBound - 2.0) < 1e-9);
});

test('an infeasible instance is reported, not half-assigned', async () => {
  const r = await assign({ ...small, experts: small.experts.map((e) => ({ ...e, maxLoad: 1, minLoad: 0 })), conflicts: [['a', 'y'], ['a', 'z']] });
  assert.equal(r.feasible, false);
  assert.match(r.reason!, /cannot be placed/);
  assert.deepEqual(r.assignments, []);
});

test('input errors name the field', () => {
  const bad = (x: unknown, re: RegExp) => assert.throws(() => parseAssignmentInput(x), (e: unknown) => e instanceof AssignmentInputError && re.test(e.message));
  bad({ ...small, format: 'other' }, /format/);
  bad({ ...small, experts: [...small.experts, { id: 'x', maxLoad: 1 }] }, /experts\[3\]\.id: duplicate id "x"/);
  bad({ ...small, affinity: { sparse: [['q', 'x', 1]] } }, /affinity\.sparse\[0\]: unknown application "q"/);
  bad({ ...small, affinity: { dense: [[1, 2, 3]] } }, /affinity\.dense: 1 rows/);
  bad({ ...small, applications: [{ id: 'a', demand: 1, groupQuotas: { BY: 1, CN: 1 } }] }, /quotas sum to 2, more than the demand 1/);
  bad({ ...small, experts: [{ id: 'x', maxLoad: 1, minLoad: 2 }] }, /minLoad 2 exceeds maxLoad 1/);
  bad({ ...small, affinity: { dense: [[1, 'high', 0], [0, 0, 0]] } }, /affinity/);
});

test('randomised: marginals ≤ q, empirical frequencies match them, same seed same assignment', async () => {
  const input = load('preflib1');
  const q = 0.5;
  const first = await assign(input, { mode: 'randomised', q, seed: 42 });
  const again = await assign(input, { mode: 'randomised', q, seed: 42 });
  assert.deepEqual(again.assignments, first.assignments, 'reproducible from the seed');
  const other = await assign(input, { mode: 'randomised', q, seed: 43 });
  assert.notDeepEqual(other.assignments, first.assignments, 'another seed, another sample');
  assert.ok(first.marginals!.every((m) => m.p <= q));
  assert.ok(Math.abs(first.upperBound - first.expectedObjective!) < 1e-6, 'the LP value is certified');
  const optimal = await assign(input);
  assert.ok(first.expectedObjective! <= optimal.objective + 1e-9);
  const runs = 300;
  const count = new Map<string, number>();
  let mean = 0;
  for (let seed = 1; seed <= runs; seed++) {
    const r = await assign(input, { mode: 'randomised', q, seed });
    assert.deepEqual(checkAssignment(input, r.assignments).errors, []);
    mean += r.objective / runs;
    for (const p of r.assignments) count.set(`${p.application}|${p.expert}`, (count.get(`${p.application}|${p.expert}`) ?? 0) + 1);
  }
  const marginal = new Map(first.marginals!.map((m) => [`${m.application}|${m.expert}`, m.p]));
  for (const [key, c] of count) {
    const p = marginal.get(key) ?? 0;
    assert.ok(p > 0, `${key} sampled but has LP probability 0`);
    // 300 samples: a frequency more than 5 standard deviations from p would be a bug
    assert.ok(Math.abs(c / runs - p) <= 5 * Math.sqrt((p * (1 - p)) / runs) + 1e-9, `${key}: frequency ${c / runs}, marginal ${p}`);
  }
  assert.ok(Math.abs(mean - first.expectedObjective!) < 0.02 * first.expectedObjective!, `mean ${mean} vs expected ${first.expectedObjective}`);
});

test('the independent validator catches broken assignments and a weak certificate', async () => {
  const r = await assign(small);
  const broken = [...r.assignments.filter((p) => p.application !== 'b'), { application: 'b', expert: 'x' }];
  const errors = checkAssignment(small, broken).errors.join('; ');
  assert.match(errors, /b\|x is not allowed/);
  assert.match(errors, /z: load 0 below 1/);
  const overloaded = [...r.assignments.filter((p) => p.application !== 'b'), { application: 'b', expert: 'y' }];
  assert.match(checkAssignment(small, overloaded).errors.join('; '), /y: load 2 above 1/);
  assert.match(checkAssignment(small, r.assignments.filter((p) => p.expert !== 'x')).errors.join('; '), /a: 1 experts, demand 2/);
  // any dual values give a bound: all zero leaves the sum of the positive allowed affinities (b–x is a conflict)
  const c = r.certificate!;
  const zero = { ...c, applications: c.applications.map(() => 0), experts: c.experts.map(() => 0), quotas: c.quotas.map(([i, g]) => [i, g, 0] as [number, string, number]) };
  assert.ok(Math.abs(certificateBound(small, zero) - 2.3) < 1e-12);
  assert.ok(certificateBound(small, c) < 2.3);
});
