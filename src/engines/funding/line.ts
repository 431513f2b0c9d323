// The funding line, the common practice: in ranking order, fund each project while both funders' budgets allow it
// in every year (and the caps hold), skipping what no longer fits. Floors (minPerArea, minParkResidents) are met
// first: the best-ranked projects of an area below its floor are funded ahead of the line, as an officer reserves
// places for a priority area before drawing it.
import { Usage, objectiveOf, lineOrder, type BlockReason, type Model } from './model.ts';
import type { Selection } from './types.ts';

/** Funds `order` greedily on top of `usage`; records why each skipped project did not fit. */
export function fundInOrder(m: Model, order: number[], usage: Usage, chosen: Set<number>, skipped: Map<number, BlockReason>) {
  for (const i of order) {
    if (chosen.has(i)) continue;
    const why = usage.block(i);
    if (why) { if (!skipped.has(i)) skipped.set(i, why); continue; }
    usage.add(i);
    chosen.add(i);
    skipped.delete(i);
  }
}

/** The floors pass shared by the line and the lottery: returns the projects funded to meet minPerArea / minParkResidents. */
export function fundFloors(m: Model, order: number[], usage: Usage, chosen: Set<number>, skipped: Map<number, BlockReason>) {
  for (let a = 0; a < m.areas.length; a++) {
    if (m.minArea[a] <= 0) continue;
    for (const i of order) {
      if (usage.perArea[a] >= m.minArea[a]) break;
      if (m.area[i] !== a || chosen.has(i)) continue;
      const why = usage.block(i);
      if (why) { skipped.set(i, why); continue; }
      usage.add(i); chosen.add(i); skipped.delete(i);
    }
  }
  if (m.minPark > 0) {
    for (const i of order) {
      if (usage.parkCount >= m.minPark) break;
      if (!m.park[i] || chosen.has(i)) continue;
      const why = usage.block(i);
      if (why) { skipped.set(i, why); continue; }
      usage.add(i); chosen.add(i); skipped.delete(i);
    }
  }
}

export function unmetFloors(m: Model, usage: Usage): Selection['unmetFloors'] {
  const out: NonNullable<Selection['unmetFloors']> = [];
  for (let a = 0; a < m.areas.length; a++) {
    if (usage.perArea[a] < m.minArea[a]) out.push({ code: 'area_floor', area: m.areas[a], min: m.minArea[a], funded: usage.perArea[a] });
  }
  if (usage.parkCount < m.minPark) out.push({ code: 'park_floor', min: m.minPark, funded: usage.parkCount });
  return out.length ? out : undefined;
}

export function fundingLine(m: Model): Selection {
  const order = lineOrder(m);
  const usage = new Usage(m);
  const chosen = new Set<number>();
  const skipped = new Map<number, BlockReason>();
  fundFloors(m, order, usage, chosen, skipped);
  fundInOrder(m, order, usage, chosen, skipped);
  const selected = order.filter((i) => chosen.has(i));
  const unmet = unmetFloors(m, usage);
  return {
    ...(unmet ? { unmetFloors: unmet } : {}),
    method: 'line', selected: selected.map((i) => m.ids[i]), objective: objectiveOf(m, selected),
    upperBound: null, gap: null, proven: false,
    skipped: Object.fromEntries([...skipped].map(([i, r]) => [m.ids[i], r])),
  };
}
