// Mutable schedule used by the search: meeting → slot, who is busy when, tables and interpreters per slot, and the
// break count of every participant kept exact with O(1) updates per placed or removed meeting.
import type { Problem } from './model.ts';

/** Cost weights: the objective is lexicographic (weight ≫ moved published meetings ≫ breaks ≫ balance). */
export const WEIGHT_COST = 100000;
export const MOVE_COST = 1000;
export const BALANCE_COST = 0.001;
/** Per break above the fairness limit (maxBreaksDifference): more than any number of breaks, less than a meeting. */
export const FAIR_COST = 500;
/** Idle slots inside a participant's span: not part of the objective, but it gives the annealing a slope towards
 * closing gaps (a 3-slot gap and a 1-slot gap are both one break). Set per run (see solve.ts). */
export let IDLE_COST = 0.05;
export function setIdleCost(x: number) { IDLE_COST = x; }

export class State {
  readonly pb: Problem;
  readonly slotOf: Int32Array;
  /** occ[p*T+t] = meeting index + 1 of p's meeting in slot t, 0 when free. */
  readonly occ: Int32Array;
  readonly segCount: Int32Array;
  readonly breaks: Int32Array;
  /** First and last busy slot per participant and segment (valid while segCount > 0). */
  private readonly spanFirst: Int32Array;
  private readonly spanLast: Int32Array;
  idle = 0;
  readonly onsiteAt: Int32Array;
  /** Published slot per meeting in incremental mode (-1: not published). */
  readonly pubSlot: Int32Array;
  readonly interpAt: number[][];
  /** Meetings in each slot (unordered) and each meeting's position in its slot's list. */
  readonly atSlot: number[][];
  private readonly posInSlot: Int32Array;
  totalBreaks = 0;
  sumSq = 0;
  unschedWeight = 0;
  scheduled = 0;
  moved = 0;
  /** Meetings of p in slots overlapping t (other sessions at the same time): ovl[p*T+t]; only with overlaps. */
  readonly ovl: Int32Array;
  /** Participants per break count (for the fairness limit). */
  private readonly hist: Int32Array;
  /** Cost of one unit of unscheduled weight (smaller per unit when weights are large, e.g. count first). */
  readonly weightCost: number;

  constructor(pb: Problem, pubSlot?: Int32Array, weightCost = WEIGHT_COST) {
    this.weightCost = weightCost;
    this.ovl = new Int32Array(pb.anyOverlap ? pb.P * pb.T : 0);
    this.hist = new Int32Array(pb.T + 2);
    this.hist[0] = pb.P;
    this.pb = pb;
    this.slotOf = new Int32Array(pb.M).fill(-1);
    this.occ = new Int32Array(pb.P * pb.T);
    this.segCount = new Int32Array(pb.P * pb.S);
    this.breaks = new Int32Array(pb.P);
    this.spanFirst = new Int32Array(pb.P * pb.S);
    this.spanLast = new Int32Array(pb.P * pb.S);
    this.onsiteAt = new Int32Array(pb.T);
    this.pubSlot = pubSlot ?? new Int32Array(pb.M).fill(-1);
    this.interpAt = pb.anyInterp ? Array.from({ length: pb.T }, () => []) : [];
    this.atSlot = Array.from({ length: pb.T }, () => []);
    this.posInSlot = new Int32Array(pb.M).fill(-1);
    for (let m = 0; m < pb.M; m++) {
      this.unschedWeight += pb.weight[m];
      if (this.pubSlot[m] >= 0) this.moved++;
    }
  }

  cost(): number {
    const fair = this.pb.maxBreaksDiff === Infinity ? 0 : FAIR_COST * this.unfairness();
    return this.weightCost * this.unschedWeight + MOVE_COST * this.moved + this.totalBreaks + BALANCE_COST * this.sumSq + IDLE_COST * this.idle + fair;
  }

  /** Breaks above the fairness limit: max(0, most breaks − fewest breaks − limit). */
  unfairness(): number {
    const h = this.hist;
    let lo = 0, hi = h.length - 1;
    while (lo < hi && h[lo] === 0) lo++;
    while (hi > lo && h[hi] === 0) hi--;
    return Math.max(0, hi - lo - this.pb.maxBreaksDiff);
  }

  /** Is m, where it is now, clear of overlapping slots and precedences (the checks Kempe chains do not make)? */
  validAt(m: number): boolean {
    const pb = this.pb;
    const t = this.slotOf[m];
    if (t < 0) return true;
    if (pb.anyOverlap) {
      const ps = pb.mParts[m];
      for (let i = 0; i < ps.length; i++) if (this.ovl[ps[i] * pb.T + t] !== 0) return false;
    }
    if (pb.anyPrec) {
      for (const q of pb.before[m]) { const s = this.slotOf[q]; if (s >= 0 && pb.slotEnd[s] > pb.slotStart[t]) return false; }
      for (const q of pb.later[m]) { const s = this.slotOf[q]; if (s >= 0 && pb.slotEnd[t] > pb.slotStart[s]) return false; }
    }
    return true;
  }

  /** Change of p's breaks if p becomes busy in free slot t. */
  addDelta(p: number, t: number): number {
    const pb = this.pb;
    const s = pb.segOf[t];
    if (this.segCount[p * pb.S + s] === 0) return 0;
    const base = p * pb.T;
    const l = t > pb.segStart[s] && this.occ[base + t - 1] !== 0;
    const r = t + 1 < pb.segEnd[s] && this.occ[base + t + 1] !== 0;
    return l && r ? -1 : l || r ? 0 : 1;
  }

  /** Change of p's breaks if p's meeting in slot t is removed. */
  removeDelta(p: number, t: number): number {
    const pb = this.pb;
    const s = pb.segOf[t];
    if (this.segCount[p * pb.S + s] === 1) return 0;
    const base = p * pb.T;
    const l = t > pb.segStart[s] && this.occ[base + t - 1] !== 0;
    const r = t + 1 < pb.segEnd[s] && this.occ[base + t + 1] !== 0;
    return l && r ? 1 : l || r ? 0 : -1;
  }

  private addBreaks(p: number, d: number) {
    if (d === 0) return;
    const b = this.breaks[p];
    this.breaks[p] = b + d;
    this.totalBreaks += d;
    this.sumSq += (b + d) * (b + d) - b * b;
    this.hist[b]--;
    this.hist[b + d]++;
  }

  private markOverlaps(p: number, t: number, d: number) {
    const o = this.pb.overlaps[t];
    const base = p * this.pb.T;
    for (let i = 0; i < o.length; i++) this.ovl[base + o[i]] += d;
  }

  place(m: number, t: number) {
    const pb = this.pb;
    const ps = pb.mParts[m];
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i];
      this.addBreaks(p, this.addDelta(p, t));
      this.occ[p * pb.T + t] = m + 1;
      if (pb.anyOverlap) this.markOverlaps(p, t, 1);
      const k = p * pb.S + pb.segOf[t];
      const n = this.segCount[k]++;
      if (n === 0) { this.spanFirst[k] = t; this.spanLast[k] = t; } else {
        // The new slot is either inside the span (one idle slot fewer) or extends it (the gap becomes idle).
        const f = this.spanFirst[k], l = this.spanLast[k];
        if (t < f) { this.idle += f - t - 1; this.spanFirst[k] = t; } else if (t > l) { this.idle += t - l - 1; this.spanLast[k] = t; } else this.idle--;
      }
    }
    this.slotOf[m] = t;
    this.posInSlot[m] = this.atSlot[t].length;
    this.atSlot[t].push(m);
    if (pb.onsite[m]) this.onsiteAt[t]++;
    if (pb.needsInterp[m]) this.interpAt[t].push(m);
    this.unschedWeight -= pb.weight[m];
    this.scheduled++;
    const pub = this.pubSlot[m];
    if (pub >= 0 && pub === t) this.moved--;
  }

  remove(m: number) {
    const pb = this.pb;
    const t = this.slotOf[m];
    const ps = pb.mParts[m];
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i];
      this.addBreaks(p, this.removeDelta(p, t));
      this.occ[p * pb.T + t] = 0;
      if (pb.anyOverlap) this.markOverlaps(p, t, -1);
      const k = p * pb.S + pb.segOf[t];
      const n = --this.segCount[k];
      if (n > 0) {
        const f = this.spanFirst[k], l = this.spanLast[k];
        const base = p * pb.T;
        if (t === f) { let x = t + 1; while (this.occ[base + x] === 0) x++; this.idle -= x - t - 1; this.spanFirst[k] = x; }
        else if (t === l) { let x = t - 1; while (this.occ[base + x] === 0) x--; this.idle -= t - x - 1; this.spanLast[k] = x; }
        else this.idle++;
      }
    }
    this.slotOf[m] = -1;
    const list = this.atSlot[t];
    const last = list.pop()!;
    if (last !== m) {
      list[this.posInSlot[m]] = last;
      this.posInSlot[last] = this.posInSlot[m];
    }
    this.posInSlot[m] = -1;
    if (pb.onsite[m]) this.onsiteAt[t]--;
    if (pb.needsInterp[m]) {
      const il = this.interpAt[t];
      il.splice(il.indexOf(m), 1);
    }
    this.unschedWeight += pb.weight[m];
    this.scheduled--;
    const pub = this.pubSlot[m];
    if (pub >= 0 && pub === t) this.moved++;
  }

  /** Meetings that block m's participants in slot t (distinct, in participant order). */
  conflicts(m: number, t: number, out: number[]): number[] {
    out.length = 0;
    const pb = this.pb;
    const ps = pb.mParts[m];
    for (let i = 0; i < ps.length; i++) {
      const x = this.occ[ps[i] * pb.T + t];
      if (x !== 0 && x - 1 !== m && !out.includes(x - 1)) out.push(x - 1);
      if (pb.anyOverlap && this.ovl[ps[i] * pb.T + t] !== 0) {
        for (const u of pb.overlaps[t]) {
          const y = this.occ[ps[i] * pb.T + u];
          if (y !== 0 && y - 1 !== m && !out.includes(y - 1)) out.push(y - 1);
        }
      }
    }
    if (pb.anyPrec) {
      for (const q of pb.before[m]) { const s = this.slotOf[q]; if (s >= 0 && pb.slotEnd[s] > pb.slotStart[t] && !out.includes(q)) out.push(q); }
      for (const q of pb.later[m]) { const s = this.slotOf[q]; if (s >= 0 && pb.slotEnd[t] > pb.slotStart[s] && !out.includes(q)) out.push(q); }
    }
    return out;
  }

  isFree(m: number, t: number): boolean {
    const pb = this.pb;
    const ps = pb.mParts[m];
    for (let i = 0; i < ps.length; i++) if (this.occ[ps[i] * pb.T + t] !== 0 || (pb.anyOverlap && this.ovl[ps[i] * pb.T + t] !== 0)) return false;
    if (pb.anyPrec) {
      for (const q of pb.before[m]) { const s = this.slotOf[q]; if (s >= 0 && pb.slotEnd[s] > pb.slotStart[t]) return false; }
      for (const q of pb.later[m]) { const s = this.slotOf[q]; if (s >= 0 && pb.slotEnd[t] > pb.slotStart[s]) return false; }
    }
    return true;
  }

  /** Can the interpreters of slot t cover its interpreter meetings plus `extra`, minus `without`? */
  interpretersFit(t: number, extra: number[] = [], without: number[] = []): boolean {
    const pb = this.pb;
    if (!pb.anyInterp) return true;
    const list = this.interpAt[t].filter((m) => !without.includes(m)).concat(extra.filter((m) => pb.needsInterp[m]));
    return interpreterMatching(pb, t, list) !== null;
  }

  snapshot(): Int32Array {
    return this.slotOf.slice();
  }

  restore(snap: Int32Array) {
    for (let m = 0; m < this.pb.M; m++) if (this.slotOf[m] >= 0 && this.slotOf[m] !== snap[m]) this.remove(m);
    for (let m = 0; m < this.pb.M; m++) if (snap[m] >= 0 && this.slotOf[m] !== snap[m]) this.place(m, snap[m]);
  }

  maxBreaks(): number {
    let mx = 0;
    for (let p = 0; p < this.pb.P; p++) if (this.breaks[p] > mx) mx = this.breaks[p];
    return mx;
  }
}

/** Lexicographic comparison key of a schedule: smaller is better. */
export interface SearchKey { unschedWeight: number; moved: number; unfair: number; totalBreaks: number; sumSq: number }
export function searchKey(st: State): SearchKey {
  return { unschedWeight: st.unschedWeight, moved: st.moved, unfair: st.pb.maxBreaksDiff === Infinity ? 0 : st.unfairness(), totalBreaks: st.totalBreaks, sumSq: st.sumSq };
}
export function betterThan(a: SearchKey, b: SearchKey): boolean {
  if (a.unschedWeight !== b.unschedWeight) return a.unschedWeight < b.unschedWeight;
  if (a.moved !== b.moved) return a.moved < b.moved;
  if (a.unfair !== b.unfair) return a.unfair < b.unfair;
  if (a.totalBreaks !== b.totalBreaks) return a.totalBreaks < b.totalBreaks;
  return a.sumSq < b.sumSq - 1e-9;
}

/** Interpreter for each meeting in `list` at slot t (Kuhn's augmenting paths), or null when none exists. */
export function interpreterMatching(pb: Problem, t: number, list: number[]): number[] | null {
  const owner = new Map<number, number>();
  const assign = new Array<number>(list.length).fill(-1);
  const tryAssign = (i: number, seen: Set<number>): boolean => {
    for (const k of pb.mInterp[list[i]]) {
      if (pb.interpUnavail[k * pb.T + t] || seen.has(k)) continue;
      seen.add(k);
      const o = owner.get(k);
      if (o === undefined || tryAssign(o, seen)) {
        owner.set(k, i);
        assign[i] = k;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < list.length; i++) if (!tryAssign(i, new Set())) return null;
  return assign;
}
