// Differences between two selections, per project, as structured reasons (code + params) that the interface phrases
// in ru/zh/en. For a project funded by one selection only, it says why the other did not fund it (the obstacle its
// method met, a lost draw, or that the optimum leaves it out) and what the first one gained: a project the optimum
// funds is paired with the project of the other selection it most resembles in cost ("funded instead of j7,
// +0.4 points"); a project with no counterpart fits in the money the exchange freed.
import type { BlockReason, Model } from './model.ts';
import { roundObjective } from './model.ts';
import type { Selection } from './types.ts';

export type DifferenceReason =
  | (BlockReason & { selection: string })
  | { code: 'lottery_lost'; selection: string; position: number; entrants: number }
  | { code: 'lottery_won'; selection: string; position: number; entrants: number }
  | { code: 'not_in_optimum'; selection: string }
  | { code: 'below_band'; selection: string }
  | { code: 'funded_instead_of'; selection: string; other: string; gain: number }
  | { code: 'fits_freed_budget'; selection: string };

export interface ProjectDifference {
  project: string;
  /** Which of the two selections funds it. */
  in: 'a' | 'b';
  reasons: DifferenceReason[];
}

export interface SelectionComparison {
  a: { method: string; objective: number; count: number };
  b: { method: string; objective: number; count: number };
  /** objective(b) − objective(a). */
  gain: number;
  projects: ProjectDifference[];
}

/** Why `s` does not fund `id`. */
function whyNot(m: Model, s: Selection, id: string): DifferenceReason {
  const selection = s.method;
  const lot = s.lottery;
  if (lot) {
    const position = lot.drawOrder.indexOf(id);
    if (position >= 0) return { code: 'lottery_lost', selection, position: position + 1, entrants: lot.entrants.length };
  }
  const block = s.skipped[id];
  if (block) return { ...block, selection };
  if (lot) return { code: 'below_band', selection };
  return { code: 'not_in_optimum', selection };
}

/** Greedy pairing of the projects only `s` funds with those only the other funds, by nearest cost profile. */
function pairs(m: Model, mine: string[], theirs: string[]): Map<string, string> {
  const D = m.dims.length;
  const dist = (x: string, y: string) => {
    const i = m.index.get(x)!;
    const j = m.index.get(y)!;
    let d = 0;
    for (let k = 0; k < D; k++) d += Math.abs(m.cost[i * D + k] - m.cost[j * D + k]) / (m.budget[k] || 1);
    return d;
  };
  const all: Array<[number, string, string]> = [];
  for (const x of mine) for (const y of theirs) all.push([dist(x, y), x, y]);
  all.sort((p, q) => p[0] - q[0] || (p[1] < q[1] ? -1 : 1) || (p[2] < q[2] ? -1 : 1));
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const [, x, y] of all) if (!out.has(x) && !used.has(y)) { out.set(x, y); used.add(y); }
  return out;
}

export function explainDifferences(m: Model, a: Selection, b: Selection): SelectionComparison {
  const inA = new Set(a.selected);
  const inB = new Set(b.selected);
  const onlyA = a.selected.filter((id) => !inB.has(id));
  const onlyB = b.selected.filter((id) => !inA.has(id));
  const value = (id: string) => m.value[m.index.get(id)!];
  const projects: ProjectDifference[] = [];
  const side = (s: Selection, other: Selection, mine: string[], theirs: string[], tag: 'a' | 'b') => {
    const paired = pairs(m, mine, theirs);
    for (const id of mine) {
      const reasons: DifferenceReason[] = [whyNot(m, other, id)];
      const lot = s.lottery;
      const position = lot ? lot.drawOrder.indexOf(id) : -1;
      if (lot && position >= 0) reasons.push({ code: 'lottery_won', selection: s.method, position: position + 1, entrants: lot.entrants.length });
      const o = paired.get(id);
      if (o) reasons.push({ code: 'funded_instead_of', selection: s.method, other: o, gain: roundObjective(value(id) - value(o)) });
      else reasons.push({ code: 'fits_freed_budget', selection: s.method });
      projects.push({ project: id, in: tag, reasons });
    }
  };
  side(a, b, onlyA, onlyB, 'a');
  side(b, a, onlyB, onlyA, 'b');
  return {
    a: { method: a.method, objective: a.objective, count: a.selected.length },
    b: { method: b.method, objective: b.objective, count: b.selected.length },
    gain: roundObjective(b.objective - a.objective), projects,
  };
}
