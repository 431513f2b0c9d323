// The dual bound of a certificate, computed from the problem's own affinities (not the rounded solver costs),
// so it is a valid bound whatever the solver did.
import type { Problem } from './format.ts';
import type { DualCertificate } from './types.ts';

export function dualBound(pb: Problem, c: DualCertificate): number {
  const A = pb.applicationIds.length, E = pb.expertIds.length;
  let bound = 0;
  for (let i = 0; i < A; i++) bound += pb.demand[i] * c.applications[i];
  for (let j = 0; j < E; j++) {
    const pi = c.experts[j];
    bound += pi > 0 ? pb.maxLoad[j] * pi : -pb.minLoad[j] * -pi;
  }
  const delta = new Float64Array(A * Math.max(1, pb.groupNames.length));
  const G = Math.max(1, pb.groupNames.length);
  for (const [i, g, d] of c.quotas) {
    const k = pb.groupNames.indexOf(g);
    const q = pb.quotas[i].find(([gg]) => gg === k)?.[1] ?? 0;
    const dd = Math.max(0, d);
    bound -= q * dd;
    if (k >= 0) delta[i * G + k] = dd;
  }
  for (let i = 0; i < A; i++) {
    const ai = c.applications[i];
    for (let j = 0; j < E; j++) {
      const a = pb.affinity[i * E + j];
      if (Number.isNaN(a)) continue;
      const g = pb.expertGroup[j];
      const z = a - ai - c.experts[j] + (g >= 0 ? delta[i * G + g] : 0);
      if (z > 0) bound += c.pairCap * z;
    }
  }
  return bound;
}
