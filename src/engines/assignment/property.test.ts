// Property tests on random tiny instances against brute force and the independent validator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assign } from './index.ts';
import { checkAssignment, certificateBound } from './independent-validator.ts';
import { tinyInstance, allValidAssignments } from './test-instances.ts';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

test('optimal mode: valid, optimal (brute force), and its certificate equals the objective', async () => {
  await fc.assert(fc.asyncProperty(tinyInstance, async (input) => {
    const r = await assign(input, { mode: 'optimal' });
    const all = allValidAssignments(input);
    assert.equal(r.feasible, all.length > 0, `feasibility: engine ${r.feasible}, brute force ${all.length} valid assignments`);
    if (!r.feasible) return;
    const check = checkAssignment(input, r.assignments);
    assert.deepEqual(check.errors, []);
    assert.ok(close(check.objective, r.objective), `objective ${r.objective} recomputed ${check.objective}`);
    const best = Math.max(...all.map((a) => checkAssignment(input, a).objective));
    assert.ok(close(check.objective, best), `objective ${check.objective}, brute-force optimum ${best}`);
    const bound = certificateBound(input, r.certificate!);
    assert.ok(close(bound, check.objective), `certificate bound ${bound} vs objective ${check.objective}`);
    assert.ok(close(r.upperBound, bound));
  }), { numRuns: 300, seed: 7 });
});

test('fair mode: best worst application, then best total (brute force)', async () => {
  await fc.assert(fc.asyncProperty(tinyInstance, async (input) => {
    const r = await assign(input, { mode: 'fair', timeLimitSeconds: 10 });
    const all = allValidAssignments(input);
    if (!all.length) { assert.equal(r.feasible, false); return; }
    const check = checkAssignment(input, r.assignments);
    assert.deepEqual(check.errors, []);
    const scored = all.map((a) => checkAssignment(input, a));
    const bestWorst = Math.max(...scored.map((s) => s.worstApplication));
    const bestTotal = Math.max(...scored.filter((s) => close(s.worstApplication, bestWorst)).map((s) => s.objective));
    assert.ok(close(check.worstApplication, bestWorst), `worst ${check.worstApplication}, brute force ${bestWorst}`);
    assert.ok(close(check.objective, bestTotal), `total ${check.objective}, brute force ${bestTotal}`);
    assert.ok(close(r.worstApplicationBound!, bestWorst), 'the worst-application bound is proven');
    assert.ok(r.upperBound >= check.objective - 1e-6);
  }), { numRuns: 150, seed: 11 });
});

test('randomised mode: every sample valid, marginals within q, bound from the certificate', async () => {
  await fc.assert(fc.asyncProperty(tinyInstance, fc.constantFrom(0.5, 0.34, 1), fc.integer({ min: 1, max: 1000 }), async (input, q, seed) => {
    const r = await assign(input, { mode: 'randomised', q, seed });
    if (!r.feasible) return;
    const check = checkAssignment(input, r.assignments);
    assert.deepEqual(check.errors, []);
    for (const m of r.marginals!) assert.ok(m.p <= q + 1e-12, `marginal ${m.p} above q ${q}`);
    assert.ok(close(certificateBound(input, r.certificate!), r.expectedObjective!), 'LP value equals its dual bound');
  }), { numRuns: 200, seed: 5 });
});
