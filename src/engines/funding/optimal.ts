// The optimal selection: maximise the total score (or the number of projects) subject to every funder's budget in
// every year and the constraints — a multi-dimensional 0/1 knapsack with side constraints, solved exactly by the
// HiGHS MIP solver (WebAssembly, loaded on first use). HiGHS reports its dual bound, which is our certificate:
// upperBound ≥ the objective of every valid selection, gap 0 when optimality is proven.
//
// Scores are scaled to integers when they have at most three decimals, so HiGHS can use objective integrality:
// a gap below one scaled unit is then a proof. The funding line is passed as the starting incumbent, so the
// result is never worse than the line even when the time limit stops the search.
import type { Highs } from 'highs';
import { objectiveOf, roundObjective, Usage, type BlockReason, type Model } from './model.ts';
import { fundFloors, fundInOrder, fundingLine, unmetFloors } from './line.ts';
import type { Selection } from './types.ts';

let highsPromise: Promise<Highs> | null = null;
function loadHighs(): Promise<Highs> {
  highsPromise ??= import('highs').then((mod) => (mod.default as unknown as () => Promise<Highs>)());
  return highsPromise;
}

export interface OptimalOptions {
  /** Seconds HiGHS may search (its own clock). Default 60. */
  timeLimitSeconds?: number;
  /** Extra HiGHS options (for tuning experiments); they override the defaults set here. */
  highsOptions?: Record<string, string | number | boolean>;
}

/** Smallest power of ten (≤ 1000) that makes every value integral, or 0 when none does. */
function integerScale(values: Float64Array): number {
  for (const s of [1, 10, 100, 1000]) {
    if (values.every((v) => Math.abs(v * s - Math.round(v * s)) < 1e-7)) return s;
  }
  return 0;
}

interface Rows { lower: number[]; upper: number[]; members: number[][] }

function constraintRows(m: Model): Rows {
  const D = m.dims.length;
  const rows: Rows = { lower: [], upper: [], members: [] };
  for (let k = 0; k < D; k++) {
    const members: number[] = [];
    for (let i = 0; i < m.n; i++) if (m.cost[i * D + k] > 0) members.push(i);
    rows.lower.push(-Infinity); rows.upper.push(m.budget[k] + 1e-3); rows.members.push(members);
  }
  for (let a = 0; a < m.areas.length; a++) {
    if (m.maxArea[a] < 0 && m.minArea[a] <= 0) continue;
    const members: number[] = [];
    for (let i = 0; i < m.n; i++) if (m.area[i] === a) members.push(i);
    rows.lower.push(m.minArea[a] > 0 ? m.minArea[a] : -Infinity);
    rows.upper.push(m.maxArea[a] >= 0 ? m.maxArea[a] : Infinity);
    rows.members.push(members);
  }
  if (Number.isFinite(m.maxOrg)) {
    const byOrg: number[][] = m.orgs.map(() => []);
    for (let i = 0; i < m.n; i++) byOrg[m.org[i]].push(i);
    for (const members of byOrg) {
      if (members.length <= m.maxOrg) continue;
      rows.lower.push(-Infinity); rows.upper.push(m.maxOrg); rows.members.push(members);
    }
  }
  if (m.minPark > 0) {
    const members: number[] = [];
    for (let i = 0; i < m.n; i++) if (m.park[i]) members.push(i);
    rows.lower.push(m.minPark); rows.upper.push(Infinity); rows.members.push(members);
  }
  return rows;
}

type HighsModel = ReturnType<Highs['createModel']>;

/** The MIP (or, with `relaxed`, its LP relaxation) in HiGHS; objective coefficients scaled by `scale` when nonzero. */
function createMip(highs: Highs, m: Model, relaxed: boolean): { model: HighsModel; scale: number } {
  const D = m.dims.length;
  const scale = integerScale(m.value);
  const cost = Float64Array.from(m.value, (v) => (scale ? Math.round(v * scale) : v));
  const rows = constraintRows(m);
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  rows.members.forEach((members, r) => {
    for (const i of members) {
      indices.push(i);
      values.push(r < D ? m.cost[i * D + r] : 1);
    }
    starts.push(indices.length);
  });
  const inf = highs.infinity;
  const clampInf = (x: number) => (x === Infinity ? inf : x === -Infinity ? -inf : x);
  const model = highs.createModel({
    numCols: m.n, numRows: rows.lower.length, sense: highs.constants.objectiveSense.maximize,
    colCost: cost, colLower: new Float64Array(m.n), colUpper: new Float64Array(m.n).fill(1),
    rowLower: rows.lower.map(clampInf), rowUpper: rows.upper.map(clampInf),
    matrix: { format: 'csr', numRows: rows.lower.length, numCols: m.n, starts, indices, values },
    integrality: new Int32Array(m.n).fill(relaxed ? highs.constants.variableType.continuous : highs.constants.variableType.integer),
  });
  return { model, scale };
}

/**
 * The LP relaxation's optimum: an upper bound on every valid selection's objective, cheap enough to certify how far
 * a heuristic selection (the funding line, a lottery) can be from the best. Null when the LP is infeasible.
 */
export async function relaxationBound(m: Model): Promise<number | null> {
  if (m.n === 0) return 0;
  const highs = await loadHighs();
  const { model, scale } = createMip(highs, m, true);
  try {
    model.options.set({ output_flag: false });
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return null;
    const v = model.getObjectiveValue();
    return roundObjective(scale ? Math.floor(v + 1e-6) / scale : v);
  } finally {
    model.dispose();
  }
}

export async function optimalSelection(m: Model, opts: OptimalOptions = {}): Promise<Selection> {
  const line = fundingLine(m);
  if (m.n === 0) return { method: 'optimal', selected: [], objective: 0, upperBound: 0, gap: 0, proven: true, skipped: {} };
  const highs = await loadHighs();
  const { model, scale } = createMip(highs, m, false);
  try {
    model.options.set({
      output_flag: false, time_limit: opts.timeLimitSeconds ?? 60,
      mip_rel_gap: 0, mip_abs_gap: scale ? 0.99 : 1e-6, random_seed: 1, ...opts.highsOptions,
    });
    const start = startingSelection(m, line);
    if (start) {
      const x0 = new Float64Array(m.n);
      for (const i of start) x0[i] = 1;
      model.setSolution({ colValue: x0 });
    }
    model.run();
    const status = model.getModelStatus();
    const S = highs.constants.modelStatus;
    if (status === S.infeasible) {
      return { method: 'optimal', selected: [], objective: 0, upperBound: null, gap: null, proven: true, skipped: {}, infeasible: true };
    }
    const x = model.getSolution().colValue;
    const chosen: number[] = [];
    for (let i = 0; i < m.n; i++) if (x[i] > 0.5) chosen.push(i);
    let dual = Number(model.info.get('mip_dual_bound'));
    if (!Number.isFinite(dual)) dual = Infinity;
    let upperBound = scale ? Math.floor(dual + 1e-6) / scale : dual;
    if (!feasible(m, chosen)) {
      // A proven optimum must pass our own check (guards against tolerance artefacts); a search stopped by the
      // time limit before finding any selection falls back to the funding line when that one is valid.
      if (status === S.optimal) throw new Error('optimal selection: the solver returned a selection that breaks a budget or constraint');
      chosen.length = 0;
      if (!line.unmetFloors) for (const id of line.selected) chosen.push(m.index.get(id)!);
      else return { method: 'optimal', selected: [], objective: 0, upperBound: Number.isFinite(upperBound) ? roundObjective(upperBound) : null, gap: null, proven: false, skipped: {}, unmetFloors: line.unmetFloors };
    }
    let objective = objectiveOf(m, chosen);
    const proven = status === S.optimal;
    // Stopped early (possibly before the root LP), HiGHS's bound may be weak or absent: the LP relaxation's is valid too.
    if (!proven) upperBound = Math.min(upperBound, (await relaxationBound(m)) ?? Infinity);
    if (proven || upperBound < objective) upperBound = objective;
    objective = roundObjective(objective);
    upperBound = roundObjective(upperBound);
    const order = [...chosen].sort((a, b) => m.rankScore[b] - m.rankScore[a] || a - b);
    return {
      method: 'optimal', selected: order.map((i) => m.ids[i]), objective, upperBound,
      gap: upperBound > 0 ? roundObjective((upperBound - objective) / upperBound) : 0, proven, skipped: {},
    };
  } finally {
    model.dispose();
  }
}

/**
 * The better of the funding line and a greedy by value per share of budget used (the classic knapsack ratio, with
 * each request weighed by the budget it draws on), both after the floors: HiGHS starts from it.
 */
function startingSelection(m: Model, line: Selection): number[] | null {
  const D = m.dims.length;
  const weight = (i: number) => { let w = 0; for (let k = 0; k < D; k++) w += m.cost[i * D + k] / (m.budget[k] || 1); return w; };
  const ratio = Array.from({ length: m.n }, (_, i) => i).map((i) => [i, m.value[i] / (weight(i) + 1e-12)] as const)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([i]) => i);
  const usage = new Usage(m);
  const chosen = new Set<number>();
  const skipped = new Map<number, BlockReason>();
  fundFloors(m, ratio, usage, chosen, skipped);
  fundInOrder(m, ratio, usage, chosen, skipped);
  const greedy = unmetFloors(m, usage) ? null : [...chosen];
  const fromLine = line.unmetFloors ? null : line.selected.map((id) => m.index.get(id)!);
  if (!greedy) return fromLine;
  if (!fromLine) return greedy;
  return objectiveOf(m, greedy) >= objectiveOf(m, fromLine) ? greedy : fromLine;
}

function feasible(m: Model, chosen: number[]): boolean {
  const u = new Usage(m);
  for (const i of chosen) { if (u.block(i)) return false; u.add(i); }
  for (let a = 0; a < m.areas.length; a++) if (u.perArea[a] < m.minArea[a]) return false;
  return u.parkCount >= m.minPark;
}
