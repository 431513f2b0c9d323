// Exact minimum-cost flow with lower bounds and node supplies, by Goldberg's cost scaling
// (push–relabel, FIFO, ε divided by ALPHA per phase). Costs are integers; multiplying them by n+1 and
// stopping at ε = 1 makes the flow exactly optimal. Afterwards exact integer potentials (a dual
// certificate: reduced cost ≥ 0 on every residual arc) are recovered by label correcting.
// Feasibility is decided first by a maximum flow (Dinic), since push–relabel does not stop on an
// infeasible network.

const ALPHA = 12;

export interface FlowArcs {
  nodes: number;
  /** supply (+) or demand (−) of each node; must sum to 0 */
  supply: Float64Array | number[];
  tail: Int32Array; head: Int32Array;
  lower: Float64Array; upper: Float64Array;
  /** integer costs */
  cost: Float64Array;
  arcs: number;
}

export interface FlowSolution {
  feasible: boolean;
  /** flow of every arc (between lower and upper), when feasible */
  flow: Float64Array;
  /** integer potentials P with cost + P(tail) − P(head) ≥ 0 on every arc with residual capacity */
  potential: Float64Array;
  /** how much supply could not be routed, when infeasible */
  shortfall: number;
}

interface Residual { first: Int32Array; to: Int32Array; res: Float64Array; cst: Float64Array; rev: Int32Array; fwd: Int32Array }

/** Residual graph in compressed rows: arc a leaves node v for first[v] ≤ a < first[v+1]. */
function buildResidual(n: number, m: number, tail: Int32Array, head: Int32Array, cap: Float64Array, cost: Float64Array, extra = 0): Residual {
  const deg = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) { deg[tail[k]]++; deg[head[k]]++; }
  const first = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) first[v + 1] = first[v] + deg[v];
  const pos = first.slice(0, n);
  const size = 2 * m + extra;
  const to = new Int32Array(size), rev = new Int32Array(size), fwd = new Int32Array(m);
  const res = new Float64Array(size), cst = new Float64Array(size);
  for (let k = 0; k < m; k++) {
    const u = tail[k], v = head[k];
    const a = pos[u]++, b = pos[v]++;
    to[a] = v; res[a] = cap[k]; cst[a] = cost[k]; rev[a] = b;
    to[b] = u; res[b] = 0; cst[b] = -cost[k]; rev[b] = a;
    fwd[k] = a;
  }
  return { first, to, res, cst, rev, fwd };
}

/** Maximum flow from the supplies to the demands (Dinic); returns the routed amount. */
function maxFlowFeasible(n: number, f: FlowArcs, b: Float64Array): { routed: number; need: number } {
  const s = n, t = n + 1;
  const tail: number[] = [], head: number[] = [], cap: number[] = [];
  for (let k = 0; k < f.arcs; k++) { tail.push(f.tail[k]); head.push(f.head[k]); cap.push(f.upper[k] - f.lower[k]); }
  let need = 0;
  for (let v = 0; v < n; v++) {
    if (b[v] > 0) { tail.push(s); head.push(v); cap.push(b[v]); need += b[v]; }
    else if (b[v] < 0) { tail.push(v); head.push(t); cap.push(-b[v]); }
  }
  const m = tail.length;
  const g = buildResidual(n + 2, m, Int32Array.from(tail), Int32Array.from(head), Float64Array.from(cap), new Float64Array(m));
  const level = new Int32Array(n + 2), it = new Int32Array(n + 2), queue = new Int32Array(n + 2);
  let routed = 0;
  const stack = new Int32Array(n + 2); // arcs on the current path
  for (;;) {
    level.fill(-1); level[s] = 0;
    let qh = 0, qt = 0; queue[qt++] = s;
    while (qh < qt) {
      const v = queue[qh++];
      for (let a = g.first[v]; a < g.first[v + 1]; a++) {
        if (g.res[a] > 0 && level[g.to[a]] < 0) { level[g.to[a]] = level[v] + 1; queue[qt++] = g.to[a]; }
      }
    }
    if (level[t] < 0) break;
    for (let v = 0; v < n + 2; v++) it[v] = g.first[v];
    // iterative blocking-flow search
    let depth = 0, v = s;
    for (;;) {
      if (v === t) {
        let d = Infinity;
        for (let i = 0; i < depth; i++) d = Math.min(d, g.res[stack[i]]);
        for (let i = 0; i < depth; i++) { g.res[stack[i]] -= d; g.res[g.rev[stack[i]]] += d; }
        routed += d;
        depth = 0; v = s;
        continue;
      }
      let advanced = false;
      for (; it[v] < g.first[v + 1]; it[v]++) {
        const a = it[v], w = g.to[a];
        if (g.res[a] > 0 && level[w] === level[v] + 1) { stack[depth++] = a; v = w; advanced = true; break; }
      }
      if (advanced) continue;
      level[v] = -1; // dead end
      if (depth === 0) break;
      const a = stack[--depth];
      v = g.to[g.rev[a]];
      it[v]++;
    }
  }
  return { routed, need };
}

export function minCostFlow(f: FlowArcs): FlowSolution {
  const n = f.nodes, m = f.arcs;
  const b = Float64Array.from(f.supply);
  const cap = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    cap[k] = f.upper[k] - f.lower[k];
    b[f.tail[k]] -= f.lower[k];
    b[f.head[k]] += f.lower[k];
  }
  const { routed, need } = maxFlowFeasible(n, f, b);
  if (routed < need) return { feasible: false, flow: new Float64Array(m), potential: new Float64Array(n), shortfall: need - routed };

  const N = n + 1;
  let maxCost = 0;
  const scaled = new Float64Array(m);
  for (let k = 0; k < m; k++) { scaled[k] = f.cost[k] * N; maxCost = Math.max(maxCost, Math.abs(scaled[k])); }
  const g = buildResidual(n, m, f.tail, f.head, cap, scaled);
  const p = new Float64Array(n);
  const excess = new Float64Array(n);
  const current = new Int32Array(n);
  const queue = new Int32Array(n + 1); // circular FIFO of active nodes
  const inQueue = new Uint8Array(n);
  const { first, to, res, cst, rev } = g;
  let eps = maxCost;
  do { // at least one refine, at ε = 1, even when all costs are 0
    eps = Math.max(1, Math.floor(eps / ALPHA));
    // Refine: make every arc ε-optimal by saturating those with negative reduced cost.
    excess.set(b);
    resetFlow(g, cap, f);
    for (let v = 0; v < n; v++) {
      for (let a = first[v]; a < first[v + 1]; a++) {
        const r = res[a];
        if (r > 0 && cst[a] + p[v] - p[to[a]] < 0) {
          res[a] = 0; res[rev[a]] += r; excess[v] -= r; excess[to[a]] += r;
        }
      }
    }
    let qh = 0, qt = 0;
    for (let v = 0; v < n; v++) { current[v] = first[v]; if (excess[v] > 0) { queue[qt++] = v; inQueue[v] = 1; } }
    let size = qt;
    while (size > 0) {
      const v = queue[qh]; qh = qh === n ? 0 : qh + 1; size--; inQueue[v] = 0;
      // discharge v
      const pv = p[v];
      let a = current[v];
      const end = first[v + 1];
      let ev = excess[v];
      let pvNow = pv;
      while (ev > 0) {
        if (a === end) {
          // relabel: the highest price keeping some residual arc at reduced cost −ε
          let best = -Infinity;
          for (let x = first[v]; x < end; x++) if (res[x] > 0) { const c = p[to[x]] - cst[x]; if (c > best) best = c; }
          pvNow = best - eps; p[v] = pvNow;
          a = first[v];
          continue;
        }
        if (res[a] > 0) {
          const w = to[a];
          if (cst[a] + pvNow - p[w] < 0) {
            const d = ev < res[a] ? ev : res[a];
            res[a] -= d; res[rev[a]] += d; ev -= d;
            const before = excess[w];
            excess[w] = before + d;
            if (before <= 0 && before + d > 0 && !inQueue[w]) { queue[qt] = w; qt = qt === n ? 0 : qt + 1; size++; inQueue[w] = 1; }
            if (ev === 0) break;
          }
        }
        a++;
      }
      excess[v] = ev; current[v] = a;
    }
  } while (eps > 1);
  const flow = new Float64Array(m);
  for (let k = 0; k < m; k++) flow[k] = f.lower[k] + (cap[k] - res[g.fwd[k]]);
  return { feasible: true, flow, potential: exactPotentials(g, n, f, p, N), shortfall: 0 };
}

/** Sets the residual graph back to zero flow (above the lower bounds) before a refine phase. */
function resetFlow(g: Residual, cap: Float64Array, f: FlowArcs) {
  for (let k = 0; k < f.arcs; k++) { const a = g.fwd[k]; g.res[a] = cap[k]; g.res[g.rev[a]] = 0; }
}

/** Label correcting from the scaled prices: integer P with cost + P(u) − P(v) ≥ 0 on residual arcs. */
function exactPotentials(g: Residual, n: number, f: FlowArcs, p: Float64Array, N: number): Float64Array {
  const P = new Float64Array(n);
  for (let v = 0; v < n; v++) P[v] = Math.floor(p[v] / N);
  const { first, to, res, cst } = g;
  const queue: number[] = [];
  const inQ = new Uint8Array(n);
  for (let v = 0; v < n; v++) { queue.push(v); inQ[v] = 1; }
  let head = 0;
  let work = 0;
  const limit = 50 * (2 * f.arcs + n) + 1e6;
  while (head < queue.length) {
    const u = queue[head++]; inQ[u] = 0;
    if (head > 1 << 20) { queue.splice(0, head); head = 0; }
    for (let a = first[u]; a < first[u + 1]; a++) {
      if (res[a] <= 0) continue;
      const w = to[a];
      const c = cst[a] / N + P[u];
      if (c < P[w]) { P[w] = c; if (!inQ[w]) { inQ[w] = 1; queue.push(w); } }
      if (++work > limit) throw new Error('potential recovery did not converge (negative cycle: flow not optimal)');
    }
  }
  return P;
}
