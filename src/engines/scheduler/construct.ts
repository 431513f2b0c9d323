// Phase 1: place as much weight as possible.
// A greedy pass (most constrained meetings first, each into the free slot that adds fewest breaks), then a tabu search
// over partial schedules in the style of PartialCol (Blöchliger & Zufferey): an unplaced meeting goes into a slot and
// evicts whatever blocks it there (meetings of the same participants, one on-site meeting when the tables are full);
// evicted meetings may not return to the slot they left for a while. It stops once the weight reaches the certified
// upper bound, after a run of iterations without improvement, or at the deadline.
import type { Problem } from './model.ts';
import type { Rng } from './rng.ts';
import { betterThan, MOVE_COST, searchKey, type State } from './state.ts';

export interface PhaseControl {
  deadline: number;
  maxIterations: number;
  /** Called every few thousand iterations; returns false to stop. */
  tick: (iterations: number) => boolean;
}

/** Hardness order: participants with the least slack (usable slots minus meetings) first, then fewest allowed slots. */
export function constructionOrder(pb: Problem, rng: Rng): number[] {
  const slack = new Float64Array(pb.P);
  for (let p = 0; p < pb.P; p++) {
    let free = 0;
    for (let t = 0; t < pb.T; t++) if (!pb.unavail[p * pb.T + t]) free++;
    slack[p] = free - pb.partMeetings[p].length;
  }
  const key = new Float64Array(pb.M);
  for (let m = 0; m < pb.M; m++) {
    let s = Infinity;
    for (const p of pb.mParts[m]) s = Math.min(s, slack[p]);
    key[m] = s * 1000 + pb.allowed[m].length - pb.weight[m] * 0.1 + rng.next() * 0.01;
  }
  return Array.from({ length: pb.M }, (_, m) => m).sort((a, b) => key[a] - key[b]);
}

export function canHost(st: State, m: number, t: number): boolean {
  const pb = st.pb;
  if (!pb.allowedMask[m * pb.T + t]) return false;
  if (pb.onsite[m] && st.onsiteAt[t] >= pb.tables) return false;
  if (pb.needsInterp[m] && !st.interpretersFit(t, [m])) return false;
  return st.isFree(m, t);
}

export function greedy(st: State, rng: Rng) {
  const pb = st.pb;
  // Locked and published meetings first, where they were put.
  // Heavier locked meetings first when locked meetings compete for the same participant, table or interpreter.
  const lockedOrder = [...Array(pb.M).keys()].filter((m) => pb.locked[m] >= 0).sort((a, b) => pb.weight[b] - pb.weight[a] || a - b);
  for (const m of lockedOrder) if (canHost(st, m, pb.locked[m])) st.place(m, pb.locked[m]);
  for (let m = 0; m < pb.M; m++) {
    const pub = st.pubSlot[m];
    if (st.slotOf[m] < 0 && pub >= 0 && canHost(st, m, pub)) st.place(m, pub);
  }
  const win = pb.anyPrec ? precedenceWindows(pb) : null;
  for (const m of constructionOrder(pb, rng)) {
    if (st.slotOf[m] >= 0) continue;
    let best = -1;
    let bestScore = Infinity;
    for (const t of pb.allowed[m]) {
      if (!canHost(st, m, t)) continue;
      let score = rng.next() * 0.5;
      // Precedences: keep inside the window the chains before and after the meeting leave it (earlier predecessors
      // are placed, later successors still fit).
      if (win && (t < win.earliest[m] || t > win.latest[m])) score += 100;
      for (const p of pb.mParts[m]) score += st.addDelta(p, t);
      if (score < bestScore) { bestScore = score; best = t; }
    }
    if (best >= 0) st.place(m, best);
  }
}

/** Tabu search on partial schedules; leaves the best schedule found in `st`. */
export function repair(st: State, rng: Rng, targetUnsched: number, stagnation: number, ctl: PhaseControl): number {
  const pb = st.pb;
  const T = pb.T;
  const U: number[] = [];
  const posU = new Int32Array(pb.M).fill(-1);
  const addU = (m: number) => { posU[m] = U.length; U.push(m); };
  const delU = (m: number) => {
    const last = U.pop()!;
    if (last !== m) { U[posU[m]] = last; posU[last] = posU[m]; }
    posU[m] = -1;
  };
  for (let m = 0; m < pb.M; m++) if (st.slotOf[m] < 0 && pb.allowed[m].length > 0) addU(m);
  const tabuUntil = new Int32Array(pb.M * T);
  let best = st.snapshot();
  let bestKey = searchKey(st);
  let lastImprove = 0;
  let iter = 0;
  const conf: number[] = [];
  const cand: number[] = [];
  const SAMPLE = 24;
  while (U.length > 0 && st.unschedWeight > targetUnsched + 1e-9 && iter - lastImprove < stagnation && iter < ctl.maxIterations) {
    iter++;
    if ((iter & 63) === 0 && (Date.now() > ctl.deadline || !ctl.tick(iter))) break;
    cand.length = 0;
    if (U.length <= SAMPLE) cand.push(...U);
    else for (let k = 0; k < SAMPLE; k++) cand.push(U[rng.int(U.length)]);
    let bm = -1, bt = -1, bVictim = -1, bScore = Infinity;
    for (const m of cand) {
      for (const t of pb.allowed[m]) {
        st.conflicts(m, t, conf);
        let lost = 0, movedDelta = st.pubSlot[m] === t ? -1 : 0, ok = true, onsiteFreed = 0;
        for (const c of conf) {
          if (pb.locked[c] >= 0) { ok = false; break; }
          lost += pb.weight[c];
          if (st.pubSlot[c] === st.slotOf[c]) movedDelta++;
          if (pb.onsite[c] && st.slotOf[c] === t) onsiteFreed++;
        }
        if (!ok) continue;
        let victim = -1;
        if (pb.onsite[m] && st.onsiteAt[t] - onsiteFreed >= pb.tables) {
          victim = tableVictim(st, rng, t, conf);
          if (victim < 0) continue;
          lost += pb.weight[victim];
          if (st.pubSlot[victim] === t) movedDelta++;
        }
        if (pb.needsInterp[m] && !st.interpretersFit(t, [m], victim >= 0 ? [...conf, victim] : conf)) continue;
        const gain = pb.weight[m] - lost;
        let brk = 0;
        for (const p of pb.mParts[m]) brk += st.addDelta(p, t);
        const score = -gain * st.weightCost + movedDelta * MOVE_COST + brk + rng.next();
        const aspiration = st.unschedWeight - gain < bestKey.unschedWeight - 1e-9;
        if (tabuUntil[m * T + t] > iter && !aspiration) continue;
        if (score < bScore) { bScore = score; bm = m; bt = t; bVictim = victim; }
      }
    }
    if (bm < 0) {
      // Everything is tabu: let time pass by dropping a random unplaceable candidate from this round.
      continue;
    }
    st.conflicts(bm, bt, conf);
    if (bVictim >= 0) conf.push(bVictim);
    const tenure = 7 + rng.int(10) + Math.floor(0.6 * U.length);
    for (const c of conf) {
      tabuUntil[c * T + st.slotOf[c]] = iter + tenure;
      st.remove(c);
      addU(c);
    }
    st.place(bm, bt);
    delU(bm);
    const key = searchKey(st);
    if (betterThan(key, bestKey)) {
      if (st.unschedWeight < bestKey.unschedWeight - 1e-9) lastImprove = iter;
      bestKey = key;
      best = st.snapshot();
    }
  }
  st.restore(best);
  return iter;
}

/** An on-site, unlocked meeting in slot t outside `conf` to give up its table (random among the lightest). */
function tableVictim(st: State, rng: Rng, t: number, conf: number[]): number {
  const pb = st.pb;
  const list = st.atSlot[t];
  let best = -1;
  let bestW = Infinity;
  const start = rng.int(list.length || 1);
  for (let k = 0; k < list.length; k++) {
    const x = list[(start + k) % list.length];
    if (!pb.onsite[x] || pb.locked[x] >= 0 || conf.includes(x)) continue;
    if (pb.weight[x] < bestW) { bestW = pb.weight[x]; best = x; }
  }
  return best;
}

/** Earliest and latest slot index of each meeting that its chains of predecessors and successors allow when all are
 * held (Kahn's order on the precedence graph; meetings on a cycle keep their whole range). A heuristic guide only. */
export function precedenceWindows(pb: Problem): { earliest: Int32Array; latest: Int32Array } {
  const earliest = new Int32Array(pb.M);
  const latest = new Int32Array(pb.M);
  for (let m = 0; m < pb.M; m++) {
    const al = pb.allowed[m];
    earliest[m] = al.length ? al[0] : 0;
    latest[m] = al.length ? al[al.length - 1] : pb.T - 1;
  }
  const sweep = (pred: Int32Array[], succ: Int32Array[], forward: boolean) => {
    const indeg = Int32Array.from(pred, (l) => l.length);
    const queue: number[] = [];
    for (let m = 0; m < pb.M; m++) if (indeg[m] === 0) queue.push(m);
    for (let i = 0; i < queue.length; i++) {
      const m = queue[i];
      for (const n of succ[m]) {
        const al = pb.allowed[n];
        if (forward) {
          // n starts after m ends: first allowed slot of n starting at or after the end of m's earliest slot.
          const k = al.findIndex((t) => pb.slotStart[t] >= pb.slotEnd[earliest[m]]);
          if (k >= 0 && al[k] > earliest[n]) earliest[n] = al[k];
        } else {
          let k = -1;
          for (let j = al.length - 1; j >= 0; j--) if (pb.slotEnd[al[j]] <= pb.slotStart[latest[m]]) { k = j; break; }
          if (k >= 0 && al[k] < latest[n]) latest[n] = al[k];
        }
        if (--indeg[n] === 0) queue.push(n);
      }
    }
  };
  sweep(pb.before, pb.later, true);
  sweep(pb.later, pb.before, false);
  return { earliest, latest };
}
