// Random small synergy-assignment instances for the property tests, and a brute-force reference solver.
import fc from 'fast-check';
import type { AssignmentInput } from './format.ts';
import { checkAssignment } from './independent-validator.ts';

export const tinyInstance: fc.Arbitrary<AssignmentInput> = fc.record({
  A: fc.integer({ min: 1, max: 4 }), E: fc.integer({ min: 1, max: 5 }), seed: fc.integer(), quotas: fc.boolean(), sparse: fc.boolean(),
}).chain(({ A, E, quotas, sparse }) => fc.record({
  demand: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: A, maxLength: A }),
  maxLoad: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: E, maxLength: E }),
  minLoad: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: E, maxLength: E }),
  group: fc.array(fc.constantFrom('BY', 'CN', undefined), { minLength: E, maxLength: E }),
  quota: fc.array(fc.record({ BY: fc.integer({ min: 0, max: 1 }), CN: fc.integer({ min: 0, max: 1 }) }), { minLength: A, maxLength: A }),
  values: fc.array(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 20 }).map((v) => v / 4), fc.double({ min: -1, max: 2, noNaN: true })), { minLength: A * E, maxLength: A * E }),
  conflicts: fc.array(fc.tuple(fc.integer({ min: 0, max: A - 1 }), fc.integer({ min: 0, max: E - 1 })), { maxLength: 3 }),
}).map((r): AssignmentInput => {
  const apps = r.demand.map((d, i) => {
    const q: Record<string, number> = {};
    if (quotas) { if (r.quota[i].BY && d >= 1) q.BY = 1; if (r.quota[i].CN && d >= 2) q.CN = 1; }
    return { id: `p${i + 1}`, demand: d, ...(quotas ? { groupQuotas: q } : {}) };
  });
  const experts = r.maxLoad.map((u, j) => ({ id: `r${j + 1}`, maxLoad: u, minLoad: Math.min(u, r.minLoad[j]), ...(r.group[j] ? { group: r.group[j] } : {}) }));
  const dense = apps.map((_, i) => experts.map((_, j) => r.values[i * E + j]));
  const affinity = sparse
    ? { sparse: dense.flatMap((row, i) => row.flatMap((v, j) => (v === null ? [] : [[`p${i + 1}`, `r${j + 1}`, v] as [string, string, number]]))) }
    : { dense };
  return { format: 'synergy-assignment', version: 1, applications: apps, experts, affinity,
    conflicts: r.conflicts.map(([i, j]) => [`p${i + 1}`, `r${j + 1}`] as [string, string]) };
}));

/** Every valid assignment of a tiny instance, by enumeration (each application picks a set of experts). */
export function allValidAssignments(input: AssignmentInput): Array<Array<{ application: string; expert: string }>> {
  const experts = input.experts.map((e) => e.id);
  const subsets = (k: number, from = 0): string[][] => {
    if (k === 0) return [[]];
    const out: string[][] = [];
    for (let j = from; j < experts.length; j++) for (const rest of subsets(k - 1, j + 1)) out.push([experts[j], ...rest]);
    return out;
  };
  const result: Array<Array<{ application: string; expert: string }>> = [];
  const walk = (i: number, acc: Array<{ application: string; expert: string }>) => {
    if (i === input.applications.length) { if (checkAssignment(input, acc).ok) result.push(acc.slice()); return; }
    const app = input.applications[i];
    for (const s of subsets(app.demand)) walk(i + 1, [...acc, ...s.map((e) => ({ application: app.id, expert: e }))]);
  };
  walk(0, []);
  return result;
}
