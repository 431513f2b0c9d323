import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../testing/test-app.ts';
import { registerTaskRunner, startTaskRun, getTaskRun, cancelTaskRun, latestTaskRuns, STALE_AFTER_MS } from './task-runs.ts';

registerTaskRunner('test.sum', async (params, ctx) => {
  const n = Number(params.n);
  let s = 0;
  for (let i = 1; i <= n; i++) { s += i; await ctx.progress(i / n, { partial: s }); }
  return { sum: s };
});
registerTaskRunner('test.fail', async () => { throw new Error('boom'); });

test('a run goes queued → running → done with its result; only one active run per scope', async () => {
  const t = await createTestApp();
  try {
    const first = await startTaskRun(t.deps, { kind: 'test.sum', scope: 'event-1', params: { n: 10 } });
    assert.ok(first.ok);
    const second = await startTaskRun(t.deps, { kind: 'test.sum', scope: 'event-1', params: { n: 3 } });
    assert.equal(second.ok, false);
    assert.equal(second.run.id, first.run.id, 'the caller is told which run is active');
    const other = await startTaskRun(t.deps, { kind: 'test.sum', scope: 'event-2', params: { n: 3 } });
    assert.ok(other.ok, 'another scope runs independently');

    await t.jobs.drain();
    const done = await getTaskRun(t.deps, first.run.id);
    assert.equal(done?.status, 'done');
    assert.deepEqual(done?.result, { sum: 55 });
    assert.equal(done?.progress, 1);
    const again = await startTaskRun(t.deps, { kind: 'test.sum', scope: 'event-1', params: { n: 2 } });
    assert.ok(again.ok, 'a finished run no longer blocks');
    assert.equal((await latestTaskRuns(t.deps, 'test.sum', 'event-1')).length, 2);
  } finally { await t.close(); }
});

test('simultaneous starts for one scope create exactly one run', async () => {
  const t = await createTestApp();
  try {
    const results = await Promise.all(Array.from({ length: 8 }, () => startTaskRun(t.deps, { kind: 'test.sum', scope: 'busy', params: { n: 1 } })));
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.equal(new Set(results.map((r) => r.run.id)).size, 1);
  } finally { await t.close(); }
});

test('a failing runner records its error; a stale run is replaced; a queued run can be cancelled', async () => {
  const t = await createTestApp();
  try {
    const bad = await startTaskRun(t.deps, { kind: 'test.fail', scope: 's' });
    await t.jobs.drain();
    const failed = await getTaskRun(t.deps, bad.run.id);
    assert.equal(failed?.status, 'failed');
    assert.equal(failed?.error, 'boom');

    const stuck = await startTaskRun(t.deps, { kind: 'test.sum', scope: 'stuck', params: { n: 1 } });
    t.jobs.queued.length = 0; // its worker "died" before picking it up
    assert.equal((await startTaskRun(t.deps, { kind: 'test.sum', scope: 'stuck' })).ok, false);
    t.clock.advance(STALE_AFTER_MS + 1000);
    const replaced = await startTaskRun(t.deps, { kind: 'test.sum', scope: 'stuck', params: { n: 2 } });
    assert.ok(replaced.ok);
    assert.equal((await getTaskRun(t.deps, stuck.run.id))?.status, 'failed');

    assert.equal(await cancelTaskRun(t.deps, replaced.run.id), true);
    await t.jobs.drain();
    assert.equal((await getTaskRun(t.deps, replaced.run.id))?.status, 'cancelled', 'a cancelled run never starts');
  } finally { await t.close(); }
});
