// Mode "randomised" (Jecmen, Zhang, Liu, Shah, Fang, Conitzer, NeurIPS 2020): the LP of maximum total
// affinity with every pair's probability capped at q — a flow with pair capacity q, solved exactly in
// units of 1/D — then one deterministic assignment sampled so that every pair's probability equals its
// LP value. The sampling is dependent rounding on the flow network made a circulation: pick a cycle of
// fractional arcs, shift flow around it by +θ1 or −θ2 with probabilities θ2/(θ1+θ2) and θ1/(θ1+θ2)
// (expectation unchanged), until all flows are integral. Every arc stays between the floor and ceiling
// of its LP flow, so demands, loads and quotas (integers) hold, and conflicts are never used.
import type { Problem } from './format.ts';
import type { AssignmentResult } from './types.ts';
import { solveFlowModel } from './flow-model.ts';
import { dualBound } from './certificate.ts';
import { resultFromPairs, infeasible } from './optimal.ts';

export function mulberry32(seed: number): () => number {
  let s = (seed >>> 0) ^ 0x9e3779b9;
  return () => {
    let t = (s = (s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The smallest D ≤ 1000 with q·D an integer, else 1000 (q is then rounded down to a multiple of 1/1000). */
export function unitFor(q: number): { D: number; capUnits: number } {
  for (let D = 1; D <= 1000; D++) { const c = Math.round(q * D); if (Math.abs(c - q * D) < 1e-9) return { D, capUnits: c }; }
  return { D: 1000, capUnits: Math.floor(q * 1000) };
}

/** Dependent rounding of an integral-in-units circulation: arcs (tail, head, flow in units of 1/D). */
export function roundCirculation(nodes: number, tail: Int32Array, head: Int32Array, flow: Float64Array, D: number, rnd: () => number): void {
  const m = tail.length;
  const inc: number[][] = Array.from({ length: nodes }, () => []);
  const frac = (k: number) => flow[k] % D !== 0;
  for (let k = 0; k < m; k++) if (frac(k)) { inc[tail[k]].push(k); inc[head[k]].push(k); }
  const pos = new Int32Array(nodes).fill(-1);
  for (let start = 0; start < m; start++) {
    while (frac(start)) {
      // walk along fractional arcs until a node repeats; the loop from its first visit is a cycle
      const pathNodes: number[] = [tail[start]];
      const pathArcs: number[] = [];
      pos[tail[start]] = 0;
      let v = tail[start], came = -1, cycleFrom = -1;
      for (;;) {
        const list = inc[v];
        let next = -1;
        for (let t = list.length - 1; t >= 0; t--) {
          const k = list[t];
          if (!frac(k)) { list[t] = list[list.length - 1]; list.pop(); continue; }
          if (k !== came) { next = k; break; }
        }
        if (next < 0) throw new Error('dependent rounding: a node has a single fractional arc (flow not conserved)');
        const w = tail[next] === v ? head[next] : tail[next];
        pathArcs.push(next);
        came = next; v = w;
        if (pos[w] >= 0) { cycleFrom = pos[w]; break; }
        pos[w] = pathNodes.length; pathNodes.push(w);
      }
      const cycArcs = pathArcs.slice(cycleFrom);
      const cycNodes = pathNodes.slice(cycleFrom);
      for (const x of pathNodes) pos[x] = -1;
      // direction +1 when the cycle walks the arc from tail to head
      let up = Infinity, down = Infinity;
      const dir = cycArcs.map((k, t) => (tail[k] === cycNodes[t] ? 1 : -1));
      cycArcs.forEach((k, t) => {
        const r = flow[k] % D;
        if (dir[t] > 0) { up = Math.min(up, D - r); down = Math.min(down, r); } else { up = Math.min(up, r); down = Math.min(down, D - r); }
      });
      const shift = rnd() < down / (up + down) ? up : -down;
      cycArcs.forEach((k, t) => { flow[k] += dir[t] * shift; });
    }
  }
}

export function solveRandomised(pb: Problem, o: { q: number; seed: number }): AssignmentResult {
  if (!(o.q > 0 && o.q <= 1)) throw new RangeError('q must be in (0, 1]');
  const { D, capUnits } = unitFor(o.q);
  const qUsed = capUnits / D;
  const r = solveFlowModel(pb, { unit: D, pairCapUnits: capUnits });
  if (!r.feasible || !r.certificate) return { ...infeasible('randomised', `${r.reason ?? 'infeasible'} with every pair's probability at most ${qUsed}`), q: qUsed };
  const A = pb.applicationIds.length, E = pb.expertIds.length;
  const G = pb.groupNames.length + 1;
  // circulation: sink → application (demand), application → quota node, → expert, expert → sink
  const sink = A + E;
  const quotaNode = new Map<number, number>();
  let nodes = sink + 1;
  for (let i = 0; i < A; i++) for (const [g] of pb.quotas[i]) quotaNode.set(i * G + g, nodes++);
  const P = r.pairs.length;
  const tail = new Int32Array(P + quotaNode.size + E + A), head = new Int32Array(tail.length), flow = new Float64Array(tail.length);
  const load = new Float64Array(E);
  const viaQuota = new Float64Array(nodes);
  let expected = 0;
  r.pairs.forEach(([i, j, f], k) => {
    const qn = pb.expertGroup[j] >= 0 ? quotaNode.get(i * G + pb.expertGroup[j]) : undefined;
    tail[k] = qn ?? i; head[k] = A + j; flow[k] = f;
    load[j] += f; if (qn !== undefined) viaQuota[qn] += f;
    expected += (pb.affinity[i * E + j] * f) / D;
  });
  let k = P;
  for (const [key, qn] of quotaNode) { tail[k] = Math.floor(key / G); head[k] = qn; flow[k] = viaQuota[qn]; k++; }
  for (let j = 0; j < E; j++) { tail[k] = A + j; head[k] = sink; flow[k] = load[j]; k++; }
  for (let i = 0; i < A; i++) { tail[k] = sink; head[k] = i; flow[k] = pb.demand[i] * D; k++; }
  roundCirculation(nodes, tail, head, flow, D, mulberry32(o.seed));
  const chosen: Array<[number, number]> = [];
  r.pairs.forEach(([i, j], t) => { if (flow[t] === D) chosen.push([i, j]); });
  const marginals = r.pairs.map(([i, j, f]) => ({ application: pb.applicationIds[i], expert: pb.expertIds[j], p: f / D }));
  return { mode: 'randomised', feasible: true, ...resultFromPairs(pb, chosen), upperBound: dualBound(pb, r.certificate),
    certificate: r.certificate, expectedObjective: expected, q: qUsed, marginals };
}
