// Entry point of the scheduler: bounds, construction + tabu repair, annealing, then tables and interpreters per slot.
// Deterministic for a seed when `maxIterations` (or the search's own stopping rules) end the run before the time limit.
import { anneal } from './anneal.ts';
import { breaksLowerBound, upperBound } from './bounds.ts';
import { greedy, repair, type PhaseControl } from './construct.ts';
import { compileProblem, type Problem } from './model.ts';
import { unscheduledReason } from './reasons.ts';
import { Rng } from './rng.ts';
import { interpreterMatching, setIdleCost, State } from './state.ts';
import { DEFAULT_TUNING, type Assignment, ScheduleInput, ScheduleInputRaw, ScheduleResult, SolveOptions } from './types.ts';


export async function solve(raw: ScheduleInput | ScheduleInputRaw, options: SolveOptions = {}): Promise<ScheduleResult> {
  const started = Date.now();
  const budget = options.timeLimitMs ?? 10000;
  const deadline = started + budget;
  const maxIter = options.maxIterations ?? Number.MAX_SAFE_INTEGER;
  const rng = new Rng(options.seed ?? 1);
  const pb = compileProblem(raw);
  const pubSlot = applyIncremental(pb, options);
  const tu = { ...DEFAULT_TUNING, ...options.tuning };

  // Combinatorial bounds first (instant); the LP bounds only if the search falls short of them.
  let ub = await upperBound(pb, { lp: false });
  let totalWeight = 0;
  for (let m = 0; m < pb.M; m++) totalWeight += pb.weight[m];
  let targetUnsched = totalWeight - ub.value;

  setIdleCost(tu.idleCost);
  const st = new State(pb, pubSlot);
  let lastReport = 0;
  const report = (phase: 'construct' | 'improve' | 'done', force = false) => {
    if (!options.onProgress) return;
    const now = Date.now();
    if (!force && now - lastReport < 100) return;
    lastReport = now;
    options.onProgress({ fraction: phase === 'done' ? 1 : Math.min(0.99, (now - started) / budget), phase,
      scheduled: st.scheduled, weight: totalWeight - st.unschedWeight, breaks: st.totalBreaks });
  };
  greedy(st, rng);
  report('construct', true);

  const ctl1: PhaseControl = { deadline: started + budget * 0.35, maxIterations: Math.floor(maxIter * 0.3),
    tick: () => { report('construct'); return true; } };
  let iterations = repair(st, rng, targetUnsched, tu.repairStagnation + tu.repairStagnationPerMeeting * pb.M, ctl1);
  // Phase budget: repair up to 35%, the LP bounds (HiGHS, capped at 10% each), more repair up to 50%, annealing after.
  const lpTimeSeconds = Math.max(1, Math.min(20, budget / 10000));
  const wantLp = () => !options.skipLpBound && st.unschedWeight > targetUnsched + 1e-9;
  let lpLater = false;
  if (wantLp() && Date.now() < started + budget * 0.5) {
    ub = await upperBound(pb, { lp: true, lpTimeSeconds, skipLpIfReached: totalWeight - st.unschedWeight });
    targetUnsched = totalWeight - ub.value;
    if (st.unschedWeight > targetUnsched + 1e-9) iterations += repair(st, rng, targetUnsched, tu.repairStagnation + tu.repairStagnationPerMeeting * pb.M, { ...ctl1, deadline: started + budget * 0.5 });
  } else if (wantLp()) lpLater = true; // slow machine: certify after the annealing, keeping time for it

  const lbNow = breaksLowerBound(pb, Math.round(allowedWeight(pb) - ub.value));
  const ctl2: PhaseControl = { deadline: lpLater ? deadline - budget * 0.15 : deadline, maxIterations: maxIter - iterations, tick: () => { report('improve'); return true; } };
  // Tuned on the forum instances (bench/scheduling): long rounds, low temperatures, a slope on idle slots.
  const roundIterations = Math.max(tu.roundIterations, 20 * pb.M);
  iterations += anneal(st, rng, { ...tu, roundIterations, targetUnsched, targetBreaks: lbNow }, ctl2);
  if (lpLater) ub = await upperBound(pb, { lp: true, lpTimeSeconds, skipLpIfReached: totalWeight - st.unschedWeight });
  report('done', true);

  const result = buildResult(pb, st, ub, totalWeight, started, iterations);
  return result;
}

/** Published meetings: locked where they are (no moves allowed) or penalised when moved. */
function applyIncremental(pb: Problem, options: SolveOptions): Int32Array {
  const pubSlot = new Int32Array(pb.M).fill(-1);
  const inc = options.incremental;
  if (!inc) return pubSlot;
  for (const [mid, sid] of Object.entries(inc.published)) {
    const m = pb.meetIndex.get(mid);
    const t = pb.slotIndex.get(sid);
    if (m === undefined || t === undefined || !pb.allowedMask[m * pb.T + t]) continue; // gone or no longer possible there
    pubSlot[m] = t;
    if (!inc.allowMoves && pb.locked[m] < 0) {
      pb.locked[m] = t;
      for (const x of pb.allowed[m]) pb.allowedMask[m * pb.T + x] = 0;
      pb.allowed[m] = Int32Array.of(t);
      pb.allowedMask[m * pb.T + t] = 1;
    }
  }
  return pubSlot;
}

function buildResult(pb: Problem, st: State, ub: { value: number; source: string }, totalWeight: number,
  started: number, iterations: number): ScheduleResult {
  const assignments: Assignment[] = [];
  const tableOf = new Int32Array(pb.M);
  const interpOf = new Int32Array(pb.M).fill(-1);
  for (let t = 0; t < pb.T; t++) {
    const here = [...st.atSlot[t]].sort((a, b) => a - b);
    let next = 1;
    for (const m of here) if (pb.onsite[m]) tableOf[m] = next++;
    if (pb.anyInterp) {
      const list = here.filter((m) => pb.needsInterp[m]);
      const match = interpreterMatching(pb, t, list);
      if (!match) throw new Error(`internal: interpreters do not fit in slot ${pb.slotIds[t]}`);
      list.forEach((m, i) => { interpOf[m] = match[i]; });
    }
  }
  for (let m = 0; m < pb.M; m++) {
    const t = st.slotOf[m];
    if (t < 0) continue;
    const a: Assignment = { meeting: pb.meetIds[m], slot: pb.slotIds[t] };
    if (pb.onsite[m] && pb.tables !== Infinity) a.table = tableOf[m];
    if (interpOf[m] >= 0) a.interpreter = pb.interpIds[interpOf[m]];
    assignments.push(a);
  }
  const unscheduled = [];
  for (let m = 0; m < pb.M; m++) if (st.slotOf[m] < 0) unscheduled.push({ meeting: pb.meetIds[m], reason: unscheduledReason(pb, st, m) });
  const weight = totalWeight - st.unschedWeight;
  const breaksByParticipant: Record<string, number> = {};
  for (let p = 0; p < pb.P; p++) breaksByParticipant[pb.partIds[p]] = st.breaks[p];
  const movedPublished: string[] = [];
  for (let m = 0; m < pb.M; m++) if (st.pubSlot[m] >= 0 && st.slotOf[m] !== st.pubSlot[m]) movedPublished.push(pb.meetIds[m]);
  const upper = Math.max(ub.value, weight); // never below what was achieved (guards an LP tolerance slip)
  const lb = breaksLowerBound(pb, Math.round(allowedWeight(pb) - weight));
  return {
    assignments, unscheduled, scheduled: st.scheduled, requested: pb.M, weight, totalWeight,
    breaks: st.totalBreaks, maxBreaks: st.maxBreaks(), breaksByParticipant, movedPublished,
    certificate: { upperBound: upper, upperBoundSource: ub.source, breaksLowerBound: Math.min(lb, st.totalBreaks),
      weightGap: upper - weight, breaksGap: st.totalBreaks - Math.min(lb, st.totalBreaks) },
    seconds: (Date.now() - started) / 1000, iterations,
  };
}

function allowedWeight(pb: Problem): number {
  let w = 0;
  for (let m = 0; m < pb.M; m++) if (pb.allowed[m].length) w += pb.weight[m];
  return w;
}
