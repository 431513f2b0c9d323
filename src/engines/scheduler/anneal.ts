// Phase 2: simulated annealing on the full lexicographic cost, mostly to remove breaks.
// Moves: Kempe-chain swaps between two slots (the connected set of meetings in slots a and b that share participants
// changes sides, so nobody is double-booked afterwards; a chain of one meeting is a plain move into a free slot), and,
// while meetings are unplaced, insertion with eviction (accepted only if the weight does not fall, in practice).
// Target slots are biased towards the neighbours of a participant's other meetings, where breaks close.
// The schedule is fixed-length rounds of geometric cooling; each round restarts from the best schedule so far.
import type { PhaseControl } from './construct.ts';
import type { Rng } from './rng.ts';
import { betterThan, searchKey, type State } from './state.ts';

export interface AnnealOptions {
  roundIterations: number;
  t0: number;
  t1: number;
  /** Stop after this many rounds without a better schedule. */
  patienceRounds: number;
  /** Stop as soon as the schedule reaches these (weight at the upper bound, breaks at the lower bound). */
  targetUnsched: number;
  targetBreaks: number;
  /** Share of moves that swap two whole slots instead of one Kempe chain. */
  slotSwapRate: number;
  /** Restart from the best schedule every this many rounds (1: every round). */
  restoreEvery: number;
  /** Share of moves that start from a meeting of a participant who has a break. */
  focus: number;
  /** Share of target slots chosen next to another meeting of one of the participants. */
  nearRate: number;
  /** Share of moves that close a participant's gap by shifting a whole run of their meetings (a Kempe chain each). */
  shiftRate?: number;
  /** Share of those shifts that move the run by one slot instead of the gap's length. */
  shiftOneRate?: number;
  /** Tries to balance a chain that overflows the tables with a component going the other way. */
  balanceTries?: number;
}

const MAX_CHAIN = 60;

export function anneal(st: State, rng: Rng, o: AnnealOptions, ctl: PhaseControl): number {
  const pb = st.pb;
  const T = pb.T;
  const movable: number[] = [];
  for (let m = 0; m < pb.M; m++) if (pb.locked[m] < 0 && pb.allowed[m].length > 0) movable.push(m);
  if (movable.length === 0) return 0;
  const key = () => searchKey(st);
  // Overlapping slots and precedences are not part of the Kempe-chain construction: chains are checked once applied.
  const checkChains = pb.anyOverlap || pb.anyPrec;
  const chainValid = () => { for (const x of chain) if (!st.validAt(x)) return false; return true; };
  let bestKey = key();
  let best = st.snapshot();
  const mark = new Int32Array(pb.M);
  let stamp = 0;
  const chain: number[] = [];
  const from: number[] = [];
  const conf: number[] = [];
  let iter = 0;
  let roundsWithout = 0;
  const done = () => bestKey.unschedWeight <= o.targetUnsched + 1e-9 && bestKey.totalBreaks <= o.targetBreaks && bestKey.moved === 0 && bestKey.unfair === 0;

  /** Adds the Kempe component of m (between slots a and b) to `chain`; false if it cannot move. */
  const grow = (m: number, a: number, b: number): boolean => {
    chain.push(m);
    mark[m] = stamp;
    for (let i = chain.length - 1; i < chain.length; i++) {
      const x = chain[i];
      const s = st.slotOf[x];
      const other = s === a ? b : a;
      if (!pb.allowedMask[x * T + other]) return false;
      const ps = pb.mParts[x];
      for (let j = 0; j < ps.length; j++) {
        const y = st.occ[ps[j] * T + other] - 1;
        if (y < 0 || mark[y] === stamp) continue;
        if (pb.locked[y] >= 0 || chain.length >= MAX_CHAIN) return false;
        mark[y] = stamp;
        chain.push(y);
      }
    }
    return true;
  };

  /** Builds the Kempe chain of m between its slot a and slot b into `chain`; false if it cannot move. When the
   * tables of the receiving slot overflow, components of on-site meetings going the other way are added (a few
   * tries): with tight tables most single chains are refused, and a balanced pair of chains is still valid. */
  const buildChain = (m: number, a: number, b: number): boolean => {
    stamp++;
    chain.length = 0;
    if (!grow(m, a, b)) return false;
    if (pb.tables === Infinity) return true;
    for (let tries = 0; ; tries++) {
      let na = 0, nb = 0;
      for (const x of chain) if (pb.onsite[x]) { if (st.slotOf[x] === a) na++; else nb++; }
      const overA = st.onsiteAt[a] - na + nb > pb.tables, overB = st.onsiteAt[b] - nb + na > pb.tables;
      if (!overA && !overB) return true;
      if (tries >= (o.balanceTries ?? 0)) return false;
      const src = overB ? b : a; // take a component out of the slot that would overflow
      const list = st.atSlot[src];
      const y = list[rng.int(list.length)];
      if (mark[y] === stamp || !pb.onsite[y] || pb.locked[y] >= 0) continue;
      if (!grow(y, a, b)) return false;
    }
  };

  /** All meetings of slots a and b change sides (a column swap): reorders whole agendas at once. */
  const wholeSlots = (a: number, b: number): boolean => {
    chain.length = 0;
    for (const x of st.atSlot[a]) chain.push(x);
    for (const x of st.atSlot[b]) chain.push(x);
    for (const x of chain) {
      if (pb.locked[x] >= 0) return false;
      if (!pb.allowedMask[x * T + (st.slotOf[x] === a ? b : a)]) return false;
    }
    return chain.length > 0;
  };

  // Compound gap-closing move: p's meetings on one side of one of p's gaps shift by the gap's length, one Kempe swap
  // per meeting (nearest the gap first, so p is always free where its meeting goes). Single swaps rarely get there
  // because every intermediate step keeps the break. `applied` records each swap for undoing in reverse order.
  const applied: number[][] = [];
  const busy: number[] = [];
  const applyChain = (a: number, b: number) => {
    const rec: number[] = [];
    for (const x of chain) rec.push(x, st.slotOf[x]);
    for (const x of chain) st.remove(x);
    for (let i = 0; i < rec.length; i += 2) st.place(rec[i], rec[i + 1] === a ? b : a);
    applied.push(rec);
  };
  const undoApplied = () => {
    for (let k = applied.length - 1; k >= 0; k--) {
      const rec = applied[k];
      for (let i = 0; i < rec.length; i += 2) st.remove(rec[i]);
      for (let i = 0; i < rec.length; i += 2) st.place(rec[i], rec[i + 1]);
    }
    applied.length = 0;
  };
  const shiftRun = (p: number): boolean => {
    applied.length = 0;
    const pm = pb.partMeetings[p];
    const c = st.slotOf[pm[rng.int(pm.length)]];
    if (c < 0) return false;
    const seg = pb.segOf[c];
    busy.length = 0;
    for (let t = pb.segStart[seg]; t < pb.segEnd[seg]; t++) if (st.occ[p * T + t] !== 0) busy.push(t);
    let gaps = 0;
    for (let k = 0; k + 1 < busy.length; k++) if (busy[k + 1] - busy[k] > 1) gaps++;
    if (gaps === 0) return false;
    let pick = rng.int(gaps), k = 0;
    for (; k + 1 < busy.length; k++) if (busy[k + 1] - busy[k] > 1 && pick-- === 0) break;
    // Usually close the gap; sometimes shift by one slot only (shrinks a long gap, which the idle-slot slope rewards).
    const g = rng.next() < (o.shiftOneRate ?? 0) ? 1 : busy[k + 1] - busy[k] - 1;
    const left = rng.next() < 0.5; // shift the run after the gap left, else the run before it right
    for (let i = left ? k + 1 : k, n = 0; i >= 0 && i < busy.length && n < 8; n++) {
      const s = busy[i];
      if (n > 0 && Math.abs(s - busy[left ? i - 1 : i + 1]) !== 1) break; // end of the run
      const m = st.occ[p * T + s] - 1;
      if (pb.locked[m] >= 0 || !buildChain(m, s, left ? s - g : s + g)) { undoApplied(); return false; }
      applyChain(s, left ? s - g : s + g);
      if (checkChains && !chainValid()) { undoApplied(); return false; }
      i += left ? 1 : -1;
    }
    return applied.length > 0;
  };

  const hasBreak = (m: number): boolean => {
    const ps = pb.mParts[m];
    for (let i = 0; i < ps.length; i++) if (st.breaks[ps[i]] > 0) return true;
    return false;
  };

  const pickTarget = (m: number, a: number): number => {
    const al = pb.allowed[m];
    if (rng.next() < o.nearRate) {
      const ps = pb.mParts[m];
      let p = ps[rng.int(ps.length)];
      if (st.breaks[p] === 0) for (let i = 0; i < ps.length; i++) if (st.breaks[ps[i]] > 0) { p = ps[i]; break; }
      const pm = pb.partMeetings[p];
      const x = pm[rng.int(pm.length)];
      const c = st.slotOf[x];
      if (x !== m && c >= 0) {
        const b = c + (rng.next() < 0.5 ? -1 : 1);
        if (b >= 0 && b < T && b !== a && pb.segOf[b] === pb.segOf[c] && pb.allowedMask[m * T + b]) return b;
      }
    }
    return al[rng.int(al.length)];
  };

  let round = 0;
  while (iter < ctl.maxIterations) {
    if (round++ % o.restoreEvery === 0) st.restore(best);
    let temp = o.t0;
    const cool = Math.pow(o.t1 / o.t0, 1 / o.roundIterations);
    let improved = false;
    for (let k = 0; k < o.roundIterations && iter < ctl.maxIterations; k++, iter++) {
      temp *= cool;
      if ((iter & 4095) === 0 && (Date.now() > ctl.deadline || !ctl.tick(iter))) { st.restore(best); return iter; }
      let m = movable[rng.int(movable.length)];
      // Focus: most participants end with no break, so look a few times for a meeting of someone who has one.
      if (rng.next() < o.focus) for (let tries = 0; tries < 10 && !hasBreak(m); tries++) m = movable[rng.int(movable.length)];
      const a = st.slotOf[m];
      const before = st.cost();
      if (a < 0) {
        // Insertion with eviction.
        const al = pb.allowed[m];
        const t = al[rng.int(al.length)];
        st.conflicts(m, t, conf);
        if (conf.some((c) => pb.locked[c] >= 0)) continue;
        let onsiteFreed = 0;
        for (const c of conf) if (pb.onsite[c] && st.slotOf[c] === t) onsiteFreed++;
        if (pb.onsite[m] && st.onsiteAt[t] - onsiteFreed >= pb.tables) continue;
        if (pb.needsInterp[m] && !st.interpretersFit(t, [m], conf)) continue;
        const evicted = conf.slice();
        // Blockers are in slot t, or (overlapping slots, precedences) elsewhere: remember where each was.
        const evictedAt = evicted.map((c) => st.slotOf[c]);
        for (const c of evicted) st.remove(c);
        st.place(m, t);
        const delta = st.cost() - before;
        if (delta <= 0 || rng.next() < Math.exp(-delta / temp)) {
          if (betterThan(key(), bestKey)) { bestKey = key(); best = st.snapshot(); improved = true; }
        } else {
          st.remove(m);
          evicted.forEach((c, i) => st.place(c, evictedAt[i]));
        }
        continue;
      }
      if (o.shiftRate && !pb.anyInterp && rng.next() < o.shiftRate) {
        const ps = pb.mParts[m];
        let p = ps[rng.int(ps.length)];
        for (let i = 0; i < ps.length && st.breaks[p] === 0; i++) p = ps[i];
        if (st.breaks[p] === 0 || !shiftRun(p)) continue;
        const delta = st.cost() - before;
        if (delta <= 0 || rng.next() < Math.exp(-delta / temp)) {
          if (delta < 0 && betterThan(key(), bestKey)) { bestKey = key(); best = st.snapshot(); improved = true; }
        } else undoApplied();
        applied.length = 0;
        if (done()) { st.restore(best); return iter; }
        continue;
      }
      const b = pickTarget(m, a);
      if (b === a) continue;
      if (rng.next() < o.slotSwapRate) {
        if (!wholeSlots(a, b)) continue;
      } else if (!buildChain(m, a, b)) continue;
      from.length = 0;
      for (const x of chain) from.push(st.slotOf[x]);
      for (const x of chain) st.remove(x);
      for (let i = 0; i < chain.length; i++) st.place(chain[i], from[i] === a ? b : a);
      if ((pb.anyInterp && (!st.interpretersFit(a) || !st.interpretersFit(b))) || (checkChains && !chainValid())) {
        for (const x of chain) st.remove(x);
        for (let i = 0; i < chain.length; i++) st.place(chain[i], from[i]);
        continue;
      }
      const delta = st.cost() - before;
      if (delta <= 0 || rng.next() < Math.exp(-delta / temp)) {
        if (delta < 0 && betterThan(key(), bestKey)) { bestKey = key(); best = st.snapshot(); improved = true; }
      } else {
        for (const x of chain) st.remove(x);
        for (let i = 0; i < chain.length; i++) st.place(chain[i], from[i]);
      }
      if (done()) { st.restore(best); return iter; }
    }
    if (improved) roundsWithout = 0;
    else if (++roundsWithout >= o.patienceRounds) break;
    if (done()) break;
  }
  st.restore(best);
  return iter;
}
