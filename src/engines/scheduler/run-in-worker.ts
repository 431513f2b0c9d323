// Runs solve() in a worker thread so a server process stays responsive: the search itself is synchronous CPU work.
// Progress arrives through the same onProgress callback; an AbortSignal stops the worker.
import { Worker } from 'node:worker_threads';
import type { ScheduleInput, ScheduleInputRaw, ScheduleResult, SolveOptions } from './types.ts';

export function solveInWorker(input: ScheduleInput | ScheduleInputRaw, options: SolveOptions = {}, signal?: AbortSignal): Promise<ScheduleResult> {
  const { onProgress, ...plain } = options;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { input, options: plain } });
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => finish(() => { void worker.terminate(); reject(new Error('scheduling aborted')); });
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (msg: { type: 'progress' | 'result'; progress?: Parameters<NonNullable<SolveOptions['onProgress']>>[0]; result?: ScheduleResult }) => {
      if (msg.type === 'progress' && msg.progress) onProgress?.(msg.progress);
      if (msg.type === 'result' && msg.result) finish(() => resolve(msg.result!));
    });
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) => finish(() => reject(new Error(`scheduler worker exited with code ${code}`))));
  });
}
