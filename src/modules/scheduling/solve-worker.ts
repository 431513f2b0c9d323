// Runs one scheduling run off the main thread and reports progress and the proposal by messages.
import { parentPort, workerData } from 'node:worker_threads';
import { runSchedule, type RunParams } from './solve-run.ts';

const proposal = await runSchedule(workerData as RunParams, (fraction, best) => parentPort!.postMessage({ type: 'progress', fraction, best }));
parentPort!.postMessage({ type: 'done', proposal });
