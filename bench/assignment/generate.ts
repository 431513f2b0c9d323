// Seeded generator of CVPR-sized reviewer-assignment instances in the synergy-assignment format:
// applications and experts get random mixtures over topics; affinity is the cosine of the mixtures
// plus a little noise, rounded to 3 decimals, dense; about 1 % of pairs are conflicts.
import type { AssignmentInput } from '../../src/engines/assignment/index.ts';

export interface GeneratorOptions {
  applications?: number; experts?: number; demand?: number; maxLoad?: number;
  topics?: number; seed?: number; quotas?: boolean; conflictRate?: number;
}

function mulberry32(seed: number) {
  let s = seed >>> 0;
  return () => {
    let t = (s = (s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateInstance(o: GeneratorOptions = {}): AssignmentInput {
  const A = o.applications ?? 2623, E = o.experts ?? 1373, d = o.demand ?? 3, u = o.maxLoad ?? 6, T = o.topics ?? 25;
  const rnd = mulberry32(o.seed ?? 1);
  const mixture = () => {
    const v = Array.from({ length: T }, () => (rnd() < 0.15 ? rnd() ** 0.5 : rnd() * 0.05));
    const norm = Math.hypot(...v) || 1;
    return v.map((x) => x / norm);
  };
  const apps = Array.from({ length: A }, mixture);
  const exps = Array.from({ length: E }, mixture);
  const dense = apps.map((a) => exps.map((e) => {
    let c = 0;
    for (let t = 0; t < T; t++) c += a[t] * e[t];
    return Math.round(Math.min(1, Math.max(0, c + (rnd() - 0.5) * 0.1)) * 1000) / 1000;
  }));
  const conflicts: Array<[string, string]> = [];
  const rate = o.conflictRate ?? 0.01;
  for (let i = 0; i < A; i++) for (let j = 0; j < E; j++) if (rnd() < rate) conflicts.push([`p${i + 1}`, `r${j + 1}`]);
  return {
    format: 'synergy-assignment', version: 1, name: `generated-${A}x${E}${o.quotas ? '-quotas' : ''}-seed${o.seed ?? 1}`,
    applications: Array.from({ length: A }, (_, i) => ({ id: `p${i + 1}`, demand: d, ...(o.quotas ? { groupQuotas: { BY: 1, CN: 1 } } : {}) })),
    // about 40 % Belarusian experts, the rest Chinese
    experts: Array.from({ length: E }, (_, j) => ({ id: `r${j + 1}`, maxLoad: u, minLoad: 0, ...(o.quotas ? { group: rnd() < 0.4 ? 'BY' : 'CN' } : {}) })),
    affinity: { dense }, conflicts,
  };
}
