// solveInWorker(): the same result as solve() in-process, progress relayed, abort stops it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solve, solveInWorker, type ScheduleInputRaw } from './index.ts';

const input: ScheduleInputRaw = {
  slots: ['s1', 's2', 's3'].map((id, i) => ({ id, start: `2026-03-01T0${i}:00:00Z`, end: 'x', session: 'a' })), tables: null,
  participants: ['a', 'b', 'c', 'd'].map((id) => ({ id })),
  meetings: [['a', 'b'], ['a', 'c'], ['b', 'c'], ['c', 'd'], ['a', 'd']].map((ps, i) => ({ id: `m${i}`, participants: ps })),
};

test('runs in a worker thread with the same result and relays progress', async () => {
  const opts = { seed: 4, timeLimitMs: 3000, maxIterations: 5000 };
  const seen: number[] = [];
  const inWorker = await solveInWorker(input, { ...opts, onProgress: (p) => seen.push(p.fraction) });
  const here = await solve(input, opts);
  assert.deepEqual(inWorker.assignments, here.assignments);
  assert.equal(seen[seen.length - 1], 1);
});

test('an abort signal stops the worker', async () => {
  const ac = new AbortController();
  const p = solveInWorker(input, { seed: 1, timeLimitMs: 10000 }, ac.signal);
  ac.abort();
  await assert.rejects(p, /aborted/);
});
