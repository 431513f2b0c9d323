// Ranking: each side's panel score (raw or calibrated, the caller chooses) against the call's thresholds; a project
// is approvable only if both sides pass. The joint ranking orders approvable projects by the joint score — the mean
// of both sides' totals, or the lower of the two — and breaks ties, in this order, by
//   1. the higher joint score on the first criterion (same rule: mean or lower),
//   2. a priority area not yet covered by the projects ranked above,
//   3. the area with fewer projects ranked above (balance of areas),
//   4. the project id (code-unit order), so the ranking is a pure function of its input.
// Each ranked project records which rule separated it from the one below, for the UI to explain.
export interface SideScore {
  /** Per-criterion scores in the call's criterion order (the first criterion breaks ties). */
  criteria: number[];
}

export interface RankingProjectInput {
  id: string;
  area: string;
  /** Scores per side (e.g. "BY", "CN"); a missing side fails. */
  sides: Record<string, SideScore | undefined>;
}

export interface Thresholds {
  /** Every criterion at least this (default 3). */
  minCriterion?: number;
  /** Sum of criteria at least this (default 10). */
  minTotal?: number;
}

export interface RankingOptions {
  sides: readonly [string, string];
  thresholds?: Thresholds;
  /** Per-side thresholds, overriding `thresholds` for that side. */
  sideThresholds?: Record<string, Thresholds>;
  rule?: 'mean' | 'min';
  priorityAreas?: readonly string[];
}

export type FailReason =
  | { code: 'side_missing'; side: string }
  | { code: 'criterion_below'; side: string; criterion: number; score: number; min: number }
  | { code: 'total_below'; side: string; total: number; min: number };

export type TieBreak = 'score' | 'first_criterion' | 'priority_area' | 'area_balance' | 'id' | 'last';

export interface RankedProject {
  id: string;
  rank: number;
  area: string;
  jointScore: number;
  firstCriterion: number;
  sideTotals: Record<string, number>;
  /** The rule that put this project above the next one. */
  aboveNextBy: TieBreak;
}

export interface SideRankingEntry { id: string; total: number; passes: boolean; reasons: FailReason[] }

export interface Ranking {
  joint: RankedProject[];
  /** By id. */
  notApprovable: Array<{ id: string; reasons: FailReason[] }>;
  /** Each side's own ranking by its total (all projects it scored), for that side's officers. */
  perSide: Record<string, SideRankingEntry[]>;
}

const EPS = 1e-9;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sideVerdict(side: string, s: SideScore | undefined, t: Thresholds): { total: number; reasons: FailReason[] } {
  if (!s || !s.criteria.length) return { total: 0, reasons: [{ code: 'side_missing', side }] };
  const minC = t.minCriterion ?? 3;
  const minT = t.minTotal ?? 10;
  const reasons: FailReason[] = [];
  s.criteria.forEach((score, criterion) => {
    if (!(score >= minC - EPS)) reasons.push({ code: 'criterion_below', side, criterion, score, min: minC });
  });
  const total = s.criteria.reduce((a, b) => a + b, 0);
  if (!(total >= minT - EPS)) reasons.push({ code: 'total_below', side, total, min: minT });
  return { total, reasons };
}

export function rankProjects(projects: readonly RankingProjectInput[], opts: RankingOptions): Ranking {
  const rule = opts.rule ?? 'mean';
  const combine = (a: number, b: number) => (rule === 'mean' ? (a + b) / 2 : Math.min(a, b));
  const thresholdsOf = (side: string) => ({ ...opts.thresholds, ...opts.sideThresholds?.[side] });
  const perSide: Record<string, SideRankingEntry[]> = {};
  for (const side of opts.sides) perSide[side] = [];
  const candidates: Array<Omit<RankedProject, 'rank' | 'aboveNextBy'>> = [];
  const notApprovable: Ranking['notApprovable'] = [];
  for (const p of projects) {
    const verdicts = opts.sides.map((side) => sideVerdict(side, p.sides[side], thresholdsOf(side)));
    opts.sides.forEach((side, k) => {
      if (p.sides[side]) perSide[side].push({ id: p.id, total: verdicts[k].total, passes: !verdicts[k].reasons.length, reasons: verdicts[k].reasons });
    });
    const reasons = verdicts.flatMap((v) => v.reasons);
    if (reasons.length) { notApprovable.push({ id: p.id, reasons }); continue; }
    const [a, b] = opts.sides.map((side) => p.sides[side]!);
    candidates.push({
      id: p.id, area: p.area, jointScore: combine(verdicts[0].total, verdicts[1].total),
      firstCriterion: combine(a.criteria[0], b.criteria[0]),
      sideTotals: Object.fromEntries(opts.sides.map((side, k) => [side, verdicts[k].total])),
    });
  }
  notApprovable.sort((x, y) => byId(x.id, y.id));
  for (const side of opts.sides) perSide[side].sort((x, y) => y.total - x.total || byId(x.id, y.id));

  // Rules 1 and 2 of the order are static; 3–5 depend on what is ranked above, so ties are resolved greedily.
  const cmpStatic = (x: typeof candidates[number], y: typeof candidates[number]) =>
    (Math.abs(y.jointScore - x.jointScore) > EPS ? y.jointScore - x.jointScore : 0)
    || (Math.abs(y.firstCriterion - x.firstCriterion) > EPS ? y.firstCriterion - x.firstCriterion : 0);
  candidates.sort((x, y) => cmpStatic(x, y) || byId(x.id, y.id));
  const priority = new Set(opts.priorityAreas ?? []);
  const areaCount = new Map<string, number>();
  const joint: RankedProject[] = [];
  const pickedBy: TieBreak[] = [];
  for (let g = 0; g < candidates.length;) {
    let end = g + 1;
    while (end < candidates.length && cmpStatic(candidates[g], candidates[end]) === 0) end++;
    const group = candidates.slice(g, end);
    while (group.length) {
      const uncovered = (c: typeof group[number]) => (priority.has(c.area) && !areaCount.get(c.area) ? 1 : 0);
      let best = 0;
      let by: TieBreak = 'id';
      for (let k = 1; k < group.length; k++) {
        const c = group[k];
        const b = group[best];
        const du = uncovered(c) - uncovered(b);
        const db = (areaCount.get(b.area) ?? 0) - (areaCount.get(c.area) ?? 0);
        if (du > 0 || (du === 0 && db > 0) || (du === 0 && db === 0 && byId(c.id, b.id) < 0)) best = k;
      }
      // Which rule decided against the runner-up (for the record).
      if (group.length > 1) {
        const b = group[best];
        const others = group.filter((_, k) => k !== best);
        if (others.every((c) => uncovered(b) > uncovered(c))) by = 'priority_area';
        else if (others.every((c) => uncovered(b) > uncovered(c) || (areaCount.get(c.area) ?? 0) > (areaCount.get(b.area) ?? 0))) by = 'area_balance';
      }
      const [c] = group.splice(best, 1);
      areaCount.set(c.area, (areaCount.get(c.area) ?? 0) + 1);
      pickedBy.push(group.length ? by : 'score');
      joint.push({ ...c, rank: joint.length + 1, aboveNextBy: 'last' });
    }
    g = end;
  }
  for (let k = 0; k + 1 < joint.length; k++) {
    const x = joint[k];
    const y = joint[k + 1];
    joint[k].aboveNextBy = Math.abs(x.jointScore - y.jointScore) > EPS ? 'score'
      : Math.abs(x.firstCriterion - y.firstCriterion) > EPS ? 'first_criterion' : pickedBy[k];
  }
  return { joint, notApprovable, perSide };
}
