// The compact model every selection method works on: n projects, D = (funder, year) budget dimensions with a
// cost matrix, values (score plus any park-resident bonus, or 1 for the "count" objective), area and organisation
// indices. Also the shared feasibility bookkeeping (`Usage`) the greedy methods use to fund "while it fits".
import type { FundingFile } from './format.ts';

export interface Dimension { funder: string; year: string }

export interface Model {
  file: FundingFile;
  n: number;
  ids: string[];
  index: Map<string, number>;
  dims: Dimension[];
  /** cost[i * D + k]: what project i asks of dimension k. */
  cost: Float64Array;
  budget: Float64Array;
  /** The objective's coefficient: score (+ bonus) for "score", 1 for "count". */
  value: Float64Array;
  /** Score plus park-resident bonus: the order of the funding line and the lottery band. */
  rankScore: Float64Array;
  area: Int32Array;
  areas: string[];
  org: Int32Array;
  orgs: string[];
  park: Uint8Array;
  maxArea: Int32Array; // -1: no cap
  minArea: Int32Array; // 0: none
  maxOrg: number; // Infinity: none
  minPark: number;
}

export function buildModel(file: FundingFile): Model {
  const dims: Dimension[] = [];
  for (const f of file.funders) for (const y of Object.keys(f.budget).sort()) dims.push({ funder: f.id, year: y });
  const D = dims.length;
  const n = file.projects.length;
  const areas = [...new Set([...file.projects.map((p) => p.area), ...Object.keys(file.constraints.maxPerArea),
    ...Object.keys(file.constraints.minPerArea)])].sort();
  const areaIx = new Map(areas.map((a, i) => [a, i]));
  const orgs = [...new Set(file.projects.map((p) => p.leadOrganisation))].sort();
  const orgIx = new Map(orgs.map((o, i) => [o, i]));
  const cost = new Float64Array(n * D);
  const value = new Float64Array(n);
  const rankScore = new Float64Array(n);
  const area = new Int32Array(n);
  const org = new Int32Array(n);
  const park = new Uint8Array(n);
  const bonus = file.constraints.parkResidentBonus ?? 0;
  file.projects.forEach((p, i) => {
    dims.forEach((d, k) => { cost[i * D + k] = p.requests[d.funder]?.[d.year] ?? 0; });
    park[i] = p.parkResident ? 1 : 0;
    rankScore[i] = p.score + (p.parkResident ? bonus : 0);
    value[i] = file.objective === 'count' ? 1 : rankScore[i];
    area[i] = areaIx.get(p.area)!;
    org[i] = orgIx.get(p.leadOrganisation)!;
  });
  const maxArea = new Int32Array(areas.length).fill(-1);
  const minArea = new Int32Array(areas.length);
  for (const [a, v] of Object.entries(file.constraints.maxPerArea)) maxArea[areaIx.get(a)!] = v;
  for (const [a, v] of Object.entries(file.constraints.minPerArea)) minArea[areaIx.get(a)!] = v;
  return {
    file, n, ids: file.projects.map((p) => p.id), index: new Map(file.projects.map((p, i) => [p.id, i])),
    dims, cost, budget: Float64Array.from(dims.map((d) => file.funders.find((f) => f.id === d.funder)!.budget[d.year])),
    value, rankScore, area, areas, org, orgs, park, maxArea, minArea,
    maxOrg: file.constraints.maxPerOrganisation ?? Infinity, minPark: file.constraints.minParkResidents ?? 0,
  };
}

/** Why a project could not be added to a selection: structured, for the UI to phrase in ru/zh/en. */
export type BlockReason =
  | { code: 'budget_exhausted'; funder: string; year: string; requested: number; remaining: number }
  | { code: 'area_cap'; area: string; max: number }
  | { code: 'organisation_cap'; organisation: string; max: number };

// Money is compared with a tolerance of a thousandth of a currency unit so that summing decimals never
// rejects an exact fit.
const EPS = 1e-3;

/** Running totals of a selection under construction. */
export class Usage {
  readonly used: Float64Array;
  readonly perArea: Int32Array;
  readonly perOrg: Int32Array;
  parkCount = 0;
  constructor(readonly m: Model) {
    this.used = new Float64Array(m.dims.length);
    this.perArea = new Int32Array(m.areas.length);
    this.perOrg = new Int32Array(m.orgs.length);
  }
  /** The first reason project i cannot be added, or null when it fits. Budgets first, in dimension order. */
  block(i: number): BlockReason | null {
    const m = this.m;
    const D = m.dims.length;
    for (let k = 0; k < D; k++) {
      const c = m.cost[i * D + k];
      if (c > 0 && this.used[k] + c > m.budget[k] + EPS) {
        return { code: 'budget_exhausted', funder: m.dims[k].funder, year: m.dims[k].year, requested: c, remaining: Math.max(0, m.budget[k] - this.used[k]) };
      }
    }
    const a = m.area[i];
    if (m.maxArea[a] >= 0 && this.perArea[a] + 1 > m.maxArea[a]) return { code: 'area_cap', area: m.areas[a], max: m.maxArea[a] };
    if (this.perOrg[m.org[i]] + 1 > m.maxOrg) return { code: 'organisation_cap', organisation: m.orgs[m.org[i]], max: m.maxOrg };
    return null;
  }
  add(i: number) {
    const m = this.m;
    const D = m.dims.length;
    for (let k = 0; k < D; k++) this.used[k] += m.cost[i * D + k];
    this.perArea[m.area[i]]++;
    this.perOrg[m.org[i]]++;
    this.parkCount += m.park[i];
  }
}

export function objectiveOf(m: Model, chosen: Iterable<number>): number {
  let s = 0;
  for (const i of chosen) s += m.value[i];
  return roundObjective(s);
}

/** Sums of one-decimal scores drift in binary floating point; results are reported to 1e-9. */
export function roundObjective(x: number): number { return Math.round(x * 1e9) / 1e9; }

/** Ranking order of the funding line: higher score (with bonus) first, then the file's order as the stable tie-break. */
export function lineOrder(m: Model): number[] {
  return Array.from({ length: m.n }, (_, i) => i).sort((a, b) => m.rankScore[b] - m.rankScore[a] || a - b);
}
