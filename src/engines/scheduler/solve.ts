// Entry point of the scheduler: bounds, construction + tabu repair, annealing, then tables and interpreters per slot.
// Deterministic for a seed when `maxIterations` (or the search's own stopping rules) end the run before the time limit.
import { anneal } from './anneal.ts';
import { breaksLowerBound, preloadLp, upperBound } from './bounds.ts';
import { greedy, repair, type PhaseControl } from './construct.ts';
import { compileProblem, type Problem } from './model.ts';
import { unscheduledReason } from './reasons.ts';
import { Rng } from './rng.ts';
import { interpreterMatching, setIdleCost, State, WEIGHT_COST } from './state.ts';
import { DEFAULT_TUNING, type Assignment, type Certificate, ScheduleInput, ScheduleInputRaw, ScheduleResult, SolveOptions } from './types.ts';


export async function solve(raw: ScheduleInput | ScheduleInputRaw, options: SolveOptions = {}): Promise<ScheduleResult> {
  const started = Date.now();
  const budget = options.timeLimitMs ?? 10000;
  const deadline = started + budget;
  // The result (tables, interpreters, reasons, final bound) is built after the search: keep time for it.
  const searchEnd = deadline - Math.min(300, budget * 0.06);
  const maxIter = options.maxIterations ?? Number.MAX_SAFE_INTEGER;
  const rng = new Rng(options.seed ?? 1);
  const pb = compileProblem(raw);
  const pubSlot = applyIncremental(pb, options);
  const tu = { ...DEFAULT_TUNING, ...options.tuning };
  const objective = options.objective ?? 'weight';
  const priority = Float64Array.from(pb.weight);
  // Count first: every meeting is worth more than all priorities together, so the search and the LP bounds maximise
  // the number of meetings, then the weight. The per-unit weight cost shrinks so the cost keeps its scale.
  const countUnit = objective === 'count' ? priority.reduce((a, b) => a + b, 0) + 1 : 0;
  if (countUnit) for (let m = 0; m < pb.M; m++) pb.weight[m] = countUnit + priority[m];

  if (!options.skipLpBound) preloadLp();
  // Combinatorial bounds first (instant); the LP bounds only if the search falls short of them.
  let ub = await upperBound(pb, { lp: false });
  let totalWeight = 0;
  for (let m = 0; m < pb.M; m++) totalWeight += pb.weight[m];
  let targetUnsched = totalWeight - ub.value;

  setIdleCost(tu.idleCost);
  const st = new State(pb, pubSlot, countUnit ? WEIGHT_COST / countUnit : WEIGHT_COST);
  const cert = () => certificate(pb, st, ub, priority, countUnit, objective);
  let lastReport = 0;
  let lastCert: Certificate | null = null;
  const report = (phase: 'construct' | 'improve' | 'done', force = false) => {
    if (!options.onProgress) return;
    const now = Date.now();
    if (!force && now - lastReport < 100) return;
    lastReport = now;
    // The certificate is recomputed on phase changes and new bounds (forced reports), not on every tick.
    if (force || !lastCert) lastCert = cert();
    const c = lastCert;
    options.onProgress({ fraction: phase === 'done' ? 1 : Math.min(0.99, (now - started) / budget), phase,
      scheduled: st.scheduled, weight: trueWeight(pb, st, priority), breaks: st.totalBreaks,
      upperBound: objective === 'count' ? c.countUpperBound : c.upperBound, breaksLowerBound: c.breaksLowerBound });
  };
  greedy(st, rng);
  report('construct', true);

  const ctl1: PhaseControl = { deadline: started + budget * 0.35, maxIterations: Math.floor(maxIter * 0.3),
    tick: () => { report('construct'); return true; } };
  let iterations = repair(st, rng, targetUnsched, tu.repairStagnation + tu.repairStagnationPerMeeting * pb.M, ctl1);
  // Phase budget: repair up to 35%, the LP bounds (HiGHS, each capped at 10% and by what is left), more repair up to
  // 50%, annealing after.
  const lpSeconds = (until: number) => Math.min(20, Math.max(1, budget / 10000), (until - Date.now()) / 2000);
  const wantLp = () => !options.skipLpBound && st.unschedWeight > targetUnsched + 1e-9;
  const runLp = async (until: number) => {
    const secs = lpSeconds(until);
    if (secs < 0.05) return;
    ub = await upperBound(pb, { lp: true, lpTimeSeconds: Math.max(0.05, secs), skipLpIfReached: totalWeight - st.unschedWeight, deadline: until });
    targetUnsched = totalWeight - ub.value;
    report('improve', true);
  };
  let lpLater = false;
  if (wantLp() && Date.now() < started + budget * 0.5) {
    await runLp(started + budget * 0.7);
    if (st.unschedWeight > targetUnsched + 1e-9) iterations += repair(st, rng, targetUnsched, tu.repairStagnation + tu.repairStagnationPerMeeting * pb.M, { ...ctl1, deadline: Math.min(searchEnd, started + budget * tu.repairUntil) });
  } else if (wantLp()) lpLater = true; // slow machine: certify after the annealing, keeping time for it

  // The interval proof (one more break) gets a small share of the budget; it either ends fast or proves nothing.
  const lbNow = breaksLowerBound(pb, droppedAtMost(pb, st, priority, ub.value, countUnit, true),
    { nodes: 1000, deadline: Math.min(searchEnd, Date.now() + budget * 0.05) });
  const ctl2: PhaseControl = { deadline: lpLater ? searchEnd - budget * 0.15 : searchEnd, maxIterations: maxIter - iterations, tick: () => { report('improve'); return true; } };
  // Tuned on the forum instances (bench/scheduling): long rounds, low temperatures, a slope on idle slots.
  const roundIterations = Math.max(tu.roundIterations, 20 * pb.M);
  iterations += anneal(st, rng, { ...tu, roundIterations, targetUnsched, targetBreaks: lbNow }, ctl2);
  if (lpLater) await runLp(searchEnd);
  report('done', true);

  return buildResult(pb, st, cert(), priority, started, iterations, options.incremental?.tables);
}

function trueWeight(pb: Problem, st: State, priority: Float64Array): number {
  let w = 0;
  for (let m = 0; m < pb.M; m++) if (st.slotOf[m] >= 0) w += priority[m];
  return w;
}

/** Meetings a schedule at least as good as the current one (`bound`: what the upper bound allows, for the target) may
 * leave out, among those that have an allowed slot: the breaks lower bound holds for all such schedules. */
function droppedAtMost(pb: Problem, st: State, priority: Float64Array, ubValue: number, countUnit: number, atBound: boolean): number {
  let allowedN = 0, allowedW = 0, minW = Infinity;
  for (let m = 0; m < pb.M; m++) if (pb.allowed[m].length) { allowedN++; allowedW += pb.weight[m]; minW = Math.min(minW, priority[m]); }
  if (countUnit) {
    const count = atBound ? Math.floor((ubValue + 1e-6) / countUnit) : st.scheduled;
    return Math.max(0, allowedN - count);
  }
  const reached = atBound ? ubValue : trueWeight(pb, st, priority);
  return Math.max(0, Math.floor((allowedW - reached + 1e-6) / (minW === Infinity ? 1 : minW)));
}

function certificate(pb: Problem, st: State, ub: { value: number; source: string }, priority: Float64Array, countUnit: number,
  objective: 'weight' | 'count'): Certificate {
  const weight = trueWeight(pb, st, priority);
  const allowedP: number[] = [];
  for (let m = 0; m < pb.M; m++) if (pb.allowed[m].length) allowedP.push(priority[m]);
  allowedP.sort((a, b) => b - a);
  const minW = allowedP.length ? allowedP[allowedP.length - 1] : 1;
  let upper: number, countUpper: number;
  if (countUnit) {
    countUpper = Math.min(allowedP.length, Math.floor((ub.value + 1e-6) / countUnit));
    upper = 0; // any schedule holds at most countUpper meetings: the heaviest that many at best
    for (let i = 0; i < countUpper; i++) upper += allowedP[i];
  } else {
    upper = ub.value;
    countUpper = Math.min(allowedP.length, Math.floor((ub.value + 1e-6) / minW));
  }
  upper = Math.max(upper, weight); // never below what was achieved (guards an LP tolerance slip)
  countUpper = Math.max(countUpper, st.scheduled);
  const lb = Math.min(st.totalBreaks, breaksLowerBound(pb, droppedAtMost(pb, st, priority, ub.value, countUnit, false)));
  const weightGap = upper - weight, countGap = countUpper - st.scheduled, breaksGap = st.totalBreaks - lb;
  const primaryGap = objective === 'count' ? countGap : weightGap;
  return { objective, upperBound: upper, countUpperBound: countUpper, upperBoundSource: ub.source, breaksLowerBound: lb,
    weightGap, countGap, breaksGap, proven: primaryGap === 0 && breaksGap === 0 && st.moved === 0 };
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

function buildResult(pb: Problem, st: State, certificate: Certificate, priority: Float64Array, started: number, iterations: number,
  pubTables?: Record<string, number>): ScheduleResult {
  const assignments: Assignment[] = [];
  const tableOf = new Int32Array(pb.M);
  const interpOf = new Int32Array(pb.M).fill(-1);
  for (let t = 0; t < pb.T; t++) {
    const here = [...st.atSlot[t]].sort((a, b) => a - b);
    // Stable numbers: a published meeting that stays in its slot keeps its table; the others take the lowest free ones.
    const taken = new Set<number>();
    const kept = new Set<number>();
    for (const m of here) {
      const keep = pubTables?.[pb.meetIds[m]];
      if (pb.onsite[m] && st.pubSlot[m] === t && keep !== undefined && keep >= 1 && keep <= pb.tables && !taken.has(keep)) {
        tableOf[m] = keep;
        taken.add(keep);
        kept.add(m);
      }
    }
    let next = 1;
    for (const m of here) {
      if (!pb.onsite[m] || kept.has(m)) continue;
      while (taken.has(next)) next++;
      tableOf[m] = next;
      taken.add(next);
    }
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
  const weight = trueWeight(pb, st, priority);
  const totalWeight = priority.reduce((a, b) => a + b, 0);
  const breaksByParticipant: Record<string, number> = {};
  for (let p = 0; p < pb.P; p++) breaksByParticipant[pb.partIds[p]] = st.breaks[p];
  const movedPublished: string[] = [];
  for (let m = 0; m < pb.M; m++) if (st.pubSlot[m] >= 0 && st.slotOf[m] !== st.pubSlot[m]) movedPublished.push(pb.meetIds[m]);
  let fewest = Infinity;
  for (let p = 0; p < pb.P; p++) fewest = Math.min(fewest, st.breaks[p]);
  return {
    assignments, unscheduled, scheduled: st.scheduled, requested: pb.M, weight, totalWeight,
    breaks: st.totalBreaks, maxBreaks: st.maxBreaks(), breaksByParticipant, movedPublished, certificate,
    breaksDifference: pb.P ? st.maxBreaks() - fewest : 0,
    seconds: (Date.now() - started) / 1000, iterations,
  };
}

