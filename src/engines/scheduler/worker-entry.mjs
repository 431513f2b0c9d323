// Worker-thread entry of solveInWorker(): loads the TypeScript engine through tsx and reports back by messages.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { solve } = await import('./solve.ts');
const result = await solve(workerData.input, {
  ...workerData.options,
  onProgress: (p) => parentPort.postMessage({ type: 'progress', progress: p }),
});
parentPort.postMessage({ type: 'result', result });
