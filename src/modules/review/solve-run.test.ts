import test from 'node:test';
import assert from 'node:assert/strict';
import { solveInWorker, solveRun, type SolveRunInput } from './solve-run.ts';

const input: SolveRunInput = {
  experts: [
    { id: 'e1', country: 'BY', statement: { ru: 'Лазерная наплавка и покрытия' }, maxLoad: 2 },
    { id: 'e2', country: 'BY', statement: { zh: '激光熔覆涂层' }, maxLoad: 2 },
    { id: 'e3', country: 'BY', statement: { en: 'Medical image analysis with neural networks' }, maxLoad: 2 },
  ],
  applications: [
    { id: 'a1', country: 'BY', title: { ru: 'Лазерная наплавка износостойких покрытий' }, abstract: { en: 'Laser cladding of coatings' } },
    { id: 'a2', country: 'BY', title: { en: 'Neural networks for medical images' }, abstract: { ru: 'Анализ медицинских изображений' } },
  ],
  demand: 2, groupQuotas: null, conflicts: ['a1|e1'], bids: {}, lang: 'en', mode: 'optimal', name: 't',
};

test('the run in a worker gives the same certified result as in-process, and never assigns a conflicted pair', async () => {
  const here = await solveRun(input);
  const there = await solveInWorker(input);
  assert.deepEqual(there.result.assignments, here.result.assignments);
  assert.equal(there.result.objective, here.result.objective);
  assert.ok(Math.abs(there.result.upperBound - there.result.objective) < 1e-9);
  assert.equal(there.excluded, 1);
  assert.ok(!there.result.assignments.some((p) => p.application === 'a1' && p.expert === 'e1'));
  assert.equal(there.result.assignments.length, 4);
  assert.ok(there.pairs.every((p) => Array.isArray(p.reasons)));
});
