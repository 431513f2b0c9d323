// The CPU-heavy part of an assignment run, with no database: affinities from the engine's affinity() (the
// matching engine over every expert–half pair), conflicted pairs removed, then assign(). It runs in a worker
// thread (solveInWorker) so the server keeps answering while a side of a call is assigned.
import { Worker } from 'node:worker_threads';
import { affinity, assign, type AffinityPair, type AssignmentInput, type AssignmentResult, type Bid, type ExpertText, type ApplicationText } from '../../engines/assignment/index.ts';
import type { Lang } from '../../shared/languages.ts';

export type SolveRunInput = {
  experts: (ExpertText & { maxLoad: number })[]; applications: ApplicationText[]; demand: number; groupQuotas: Record<string, number> | null;
  /** keys `${application}|${expert}` */
  conflicts: string[]; bids: Record<string, Bid>; lang: Lang; mode: 'optimal' | 'fair' | 'randomised'; q?: number; seed?: number; name: string;
};
export type SolveRunOutput = { pairs: AffinityPair[]; excluded: number; result: AssignmentResult; seconds: number };

export async function solveRun(i: SolveRunInput): Promise<SolveRunOutput> {
  const started = performance.now();
  const pairs = affinity(i.experts, i.applications, { lang: i.lang, bids: i.bids });
  const conflicted = new Set(i.conflicts);
  const allowed = pairs.filter((p) => !conflicted.has(`${p.application}|${p.expert}`));
  const input = {
    format: 'synergy-assignment', version: 1, name: i.name,
    applications: i.applications.map((a) => ({ id: a.id, demand: i.demand, ...(i.groupQuotas ? { groupQuotas: i.groupQuotas } : {}) })),
    experts: i.experts.map((e) => ({ id: e.id, maxLoad: e.maxLoad, minLoad: 0, group: e.country })),
    affinity: { sparse: allowed.map((p) => [p.application, p.expert, p.affinity] as [string, string, number]) },
  } as AssignmentInput;
  const result = await assign(input, { mode: i.mode, q: i.q, seed: i.seed });
  return { pairs: allowed, excluded: pairs.length - allowed.length, result, seconds: (performance.now() - started) / 1000 };
}

/** solveRun() in a worker thread: the affinity and the solve are synchronous CPU work (seconds at the size bound). */
export function solveInWorker(input: SolveRunInput): Promise<SolveRunOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./solve-worker.mjs', import.meta.url), { workerData: input });
    let done = false;
    const finish = (fn: () => void) => { if (!done) { done = true; fn(); } };
    worker.on('message', (m: { type: 'result'; result: SolveRunOutput }) => finish(() => resolve(m.result)));
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) => finish(() => reject(new Error(`assignment worker exited with code ${code}`))));
  });
}
