// The background job of "Schedule all". It needs no database: the export is taken when the run starts
// (params.input), so any server process can run it. The engine's search is CPU-bound and synchronous, so it runs
// in a worker thread: the server keeps serving (and the run's progress and best-so-far reach the database).
import { Worker } from 'node:worker_threads';
import { registerTaskRunner } from '../../platform/task-runs.ts';
import type { Proposal } from './proposal.ts';
import { RUN_KIND } from './queries.ts';
import type { RunParams } from './solve-run.ts';

type Msg = { type: 'progress'; fraction: number; best: Record<string, unknown> } | { type: 'done'; proposal: Proposal };

export function solveInWorker(params: RunParams, onProgress: (fraction: number, best: Record<string, unknown>) => void, shouldStop: () => Promise<boolean>): Promise<Proposal | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./solve-worker.mjs', import.meta.url), { workerData: params });
    let settled = false;
    const poll = setInterval(() => {
      void shouldStop().then((stop) => { if (stop && !settled) { settled = true; clearInterval(poll); void worker.terminate(); resolve(null); } }, () => {});
    }, 1000);
    worker.on('message', (m: Msg) => {
      if (m.type === 'progress') onProgress(m.fraction, m.best);
      else if (!settled) { settled = true; clearInterval(poll); resolve(m.proposal); void worker.terminate(); }
    });
    worker.on('error', (e) => { if (!settled) { settled = true; clearInterval(poll); reject(e); } });
    worker.on('exit', (code) => { if (!settled) { settled = true; clearInterval(poll); reject(new Error(`scheduler worker stopped (${code})`)); } });
  });
}

registerTaskRunner(RUN_KIND, async (params, ctx) => {
  let pending: Promise<void> = Promise.resolve();
  const proposal = await solveInWorker(params as unknown as RunParams,
    (fraction, best) => { pending = pending.then(() => ctx.progress(fraction, best)).catch(() => {}); },
    () => ctx.cancelled());
  await pending;
  return proposal ? { proposal } : { cancelled: true };
});
