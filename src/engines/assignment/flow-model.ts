// The assignment problem as a minimum-cost flow, solved exactly by column generation: the flow is
// solved on a restricted set of pairs (each application's and expert's best ones), then every pair left
// out is priced with the flow's exact potentials; pairs that could improve the objective are added and
// the flow solved again, until none can. The final potentials are an LP dual certificate over ALL pairs.
//   application i ──[q_ig, ·]──▶ quota node (i,g) ──[0,cap]──▶ expert j (group g) ──[minLoad, maxLoad]──▶ sink
//   application i ─────────────────────────────[0,cap]──▶ expert j (no quota for its group)
import type { Problem } from './format.ts';
import type { DualCertificate } from './types.ts';
import { minCostFlow } from './min-cost-flow.ts';

export interface FlowModelOptions {
  /** capacities are multiplied by this so that a fractional pair cap (randomised mode) is an integer */
  unit: number;
  /** the cap of one pair, in units (unit for deterministic modes) */
  pairCapUnits: number;
}

export interface FlowModelResult {
  feasible: boolean;
  reason?: string;
  /** pairs with positive flow: application index, expert index, flow in units */
  pairs: Array<[number, number, number]>;
  certificate?: DualCertificate;
  rounds: number;
  restrictedPairs: number;
}

/**
 * The integer cost unit: 10^p when every affinity has at most p ≤ 6 decimals (then costs are exact and the
 * flow is exactly optimal for the given affinities), else a power of two keeping costs below about 2^20
 * (then the certificate still bounds the true affinities, with a gap of at most 2^-21 per assigned pair).
 */
export function costScale(pb: Problem): number {
  let max = 0;
  for (const a of pb.affinity) if (!Number.isNaN(a)) max = Math.max(max, Math.abs(a));
  for (let p = 0, s = 1; p <= 6 && max * s <= 2 ** 30; p++, s *= 10) {
    let exact = true;
    for (const a of pb.affinity) if (!Number.isNaN(a) && Math.abs(Math.round(a * s) / s - a) > 1e-12 * Math.max(1, Math.abs(a))) { exact = false; break; }
    if (exact) return s;
  }
  return 2 ** (20 - Math.max(0, Math.ceil(Math.log2(Math.max(max, 1e-9)))));
}

function topMask(pb: Problem, K: number, Kexpert: number, Kgroup: number): Uint8Array {
  const A = pb.applicationIds.length, E = pb.expertIds.length;
  const mask = new Uint8Array(A * E);
  const pickTop = (vals: Float64Array, count: number, k: number) => {
    if (count <= k) return -Infinity;
    const s = vals.subarray(0, count).slice().sort();
    return s[count - k];
  };
  const buf = new Float64Array(Math.max(A, E));
  for (let i = 0; i < A; i++) {
    let c = 0;
    for (let j = 0; j < E; j++) { const a = pb.affinity[i * E + j]; if (!Number.isNaN(a)) buf[c++] = a; }
    const t = pickTop(buf, c, K);
    for (let j = 0; j < E; j++) { const a = pb.affinity[i * E + j]; if (a >= t) mask[i * E + j] = 1; }
    for (const [g, q] of pb.quotas[i]) {
      c = 0;
      for (let j = 0; j < E; j++) { const a = pb.affinity[i * E + j]; if (pb.expertGroup[j] === g && !Number.isNaN(a)) buf[c++] = a; }
      const tg = pickTop(buf, c, Kgroup * q);
      for (let j = 0; j < E; j++) { const a = pb.affinity[i * E + j]; if (pb.expertGroup[j] === g && a >= tg) mask[i * E + j] = 1; }
    }
  }
  for (let j = 0; j < E; j++) {
    let c = 0;
    for (let i = 0; i < A; i++) { const a = pb.affinity[i * E + j]; if (!Number.isNaN(a)) buf[c++] = a; }
    const t = pickTop(buf, c, Kexpert);
    for (let i = 0; i < A; i++) { const a = pb.affinity[i * E + j]; if (a >= t) mask[i * E + j] = 1; }
  }
  return mask;
}

export function solveFlowModel(pb: Problem, o: FlowModelOptions): FlowModelResult {
  const A = pb.applicationIds.length, E = pb.expertIds.length;
  const D = o.unit;
  const scale = costScale(pb);
  const sink = A + E;
  // quota node of (i, g), or the application itself when its experts' group has no quota there
  const G = pb.groupNames.length + 1;
  const from = new Int32Array(A * G);
  for (let i = 0; i < A; i++) from.fill(i, i * G, (i + 1) * G);
  const quotaList: Array<[number, number, number]> = []; // [i, g, q]
  for (let i = 0; i < A; i++) for (const [g, q] of pb.quotas[i]) {
    from[i * G + g] = sink + 1 + quotaList.length;
    quotaList.push([i, g, q]);
  }
  const nodes = sink + 1 + quotaList.length;
  const fromNode = (i: number, j: number) => { const g = pb.expertGroup[j]; return g >= 0 ? from[i * G + g] : i; };
  const supply = new Float64Array(nodes);
  let total = 0;
  for (let i = 0; i < A; i++) { supply[i] = pb.demand[i] * D; total += pb.demand[i] * D; }
  supply[sink] = -total;

  let K = 0, mask: Uint8Array | undefined;
  let maxDemand = 1, maxLoad = 1;
  for (const d of pb.demand) maxDemand = Math.max(maxDemand, d);
  for (const u of pb.maxLoad) maxLoad = Math.max(maxLoad, u);
  K = 2 * maxDemand + 4;
  let Kexpert = 2 * maxLoad, Kgroup = 2;
  mask = topMask(pb, K, Kexpert, Kgroup);
  let rounds = 0;
  for (;;) {
    rounds++;
    const pairI: number[] = [], pairJ: number[] = [];
    for (let i = 0; i < A; i++) for (let j = 0; j < E; j++) if (mask[i * E + j] && !Number.isNaN(pb.affinity[i * E + j])) { pairI.push(i); pairJ.push(j); }
    const m = quotaList.length + pairI.length + E;
    const tail = new Int32Array(m), head = new Int32Array(m);
    const lower = new Float64Array(m), upper = new Float64Array(m), cost = new Float64Array(m);
    let k = 0;
    for (const [i, g, q] of quotaList) {
      tail[k] = i; head[k] = from[i * G + g];
      lower[k] = q * D; upper[k] = (pb.demand[i] + 1) * D; k++;
    }
    const pairBase = k;
    for (let t = 0; t < pairI.length; t++) {
      const i = pairI[t], j = pairJ[t];
      tail[k] = fromNode(i, j); head[k] = A + j; upper[k] = o.pairCapUnits;
      cost[k] = -Math.round(pb.affinity[i * E + j] * scale); k++;
    }
    for (let j = 0; j < E; j++) { tail[k] = A + j; head[k] = sink; lower[k] = pb.minLoad[j] * D; upper[k] = pb.maxLoad[j] * D; k++; }
    const sol = minCostFlow({ nodes, supply, tail, head, lower, upper, cost, arcs: m });
    if (!sol.feasible) {
      if (K >= E && Kexpert >= A) {
        return { feasible: false, reason: `no valid assignment exists: ${sol.shortfall / D} review(s) cannot be placed within the loads, conflicts and quotas`, pairs: [], rounds, restrictedPairs: pairI.length };
      }
      K *= 2; Kexpert *= 2; Kgroup *= 2;
      mask = topMask(pb, K, Kexpert, Kgroup);
      continue;
    }
    const P = sol.potential;
    // Pricing: a left-out pair with negative reduced cost could improve the flow.
    let added = 0;
    const group = pb.expertGroup;
    for (let i = 0; i < A; i++) {
      const base = i * E, own = P[i];
      for (let j = 0; j < E; j++) {
        const x = base + j;
        if (mask[x]) continue;
        const a = pb.affinity[x];
        if (a !== a) continue; // NaN: not allowed
        const g = group[j];
        const pFrom = g >= 0 ? P[from[i * G + g]] : own;
        if (-Math.round(a * scale) + pFrom - P[A + j] < 0) { mask[x] = 1; added++; }
      }
    }
    if (added > 0) continue;
    const pairs: Array<[number, number, number]> = [];
    for (let t = 0; t < pairI.length; t++) { const f = sol.flow[pairBase + t]; if (f > 0) pairs.push([pairI[t], pairJ[t], f]); }
    const certificate: DualCertificate = {
      applications: Array.from({ length: A }, (_, i) => (P[i] - P[sink]) / scale),
      experts: Array.from({ length: E }, (_, j) => (P[sink] - P[A + j]) / scale),
      quotas: quotaList.map(([i, g], t) => [i, pb.groupNames[g], (P[i] - P[sink + 1 + t]) / scale]),
      pairCap: o.pairCapUnits / D,
    };
    return { feasible: true, pairs, certificate, rounds, restrictedPairs: pairI.length };
  }
}
