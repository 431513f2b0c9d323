// Worker-thread entry of solveInWorker(): loads the TypeScript solve step through tsx and posts the result back.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { solveRun } = await import('./solve-run.ts');
parentPort.postMessage({ type: 'result', result: await solveRun(workerData) });
