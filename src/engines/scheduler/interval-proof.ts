// One more break than the per-participant bound, proven by exhaustive search over a relaxation.
//
// Let L be the per-participant bound (bounds.ts): every participant p and break segment s has at least f(p,s) forced
// breaks. A schedule of all meetings with exactly L breaks has exactly f(p,s) in each, so every (p,s) with f = 0 is
// busy in ONE run of consecutive slots: an interval whose length is the number of p's meetings confined to s (when
// all of p's meetings are confined to one segment each). The relaxation keeps only what such intervals must satisfy:
//   - the interval fits slots where p can meet, and p's own meetings can be matched to distinct slots inside it;
//   - two participants who meet have intervals that share an allowed slot of that meeting, and each participant's
//     meetings can be matched to distinct slots of its interval that also lie in the partners' intervals;
//   - in each slot at most 2 × tables interval participants are busy (bilateral on-site meetings, one per table).
// If no choice of intervals satisfies it — proven by a complete backtracking search with forward checking — no
// schedule of all meetings has L breaks, so L + 1 is a lower bound. A search that runs out of nodes or time proves
// nothing (the bound stays L). Only for bilateral meetings without parallel blocks; precedences and interpreters
// are left out (a relaxation may drop constraints).
import type { Problem } from './model.ts';

interface Unit { p: number; seg: number; len: number; meetings: number[]; domain: number[] }

export type ProofOutcome = 'infeasible' | 'feasible' | 'unknown';

/** `zeroBreak[p * S + s]`: (p, s) must be one run, except for at most `maxBroken` of them (each of those has a break
 * more than the per-participant bound). Returns whether such intervals can exist. */
export function intervalRelaxation(pb: Problem, zeroBreak: Uint8Array, limits: { nodes: number; deadline: number }, maxBroken = 0): ProofOutcome {
  if (pb.anyOverlap) return 'unknown';
  for (let m = 0; m < pb.M; m++) if (pb.mParts[m].length !== 2 || !pb.allowed[m].length) return 'unknown';
  const T = pb.T;
  // Units: (p, s) pairs held to one interval. All of p's meetings must be confined to one segment each.
  const unitOf = new Int32Array(pb.P * pb.S).fill(-1);
  const units: Unit[] = [];
  for (let p = 0; p < pb.P; p++) {
    const bySeg = new Map<number, number[]>();
    let confined = true;
    for (const m of pb.partMeetings[p]) {
      const al = pb.allowed[m];
      const s = pb.segOf[al[0]];
      if (pb.segOf[al[al.length - 1]] !== s) { confined = false; break; }
      bySeg.set(s, [...(bySeg.get(s) ?? []), m]);
    }
    if (!confined) continue;
    for (const [s, ms] of bySeg) {
      if (!zeroBreak[p * pb.S + s] || ms.length < 2) continue;
      unitOf[p * pb.S + s] = units.length;
      units.push({ p, seg: s, len: ms.length, meetings: ms, domain: [] });
    }
  }
  if (!units.length) return 'feasible';
  const unitOfMeetingPart = (m: number, i: number) => { const p = pb.mParts[m][i]; return unitOf[p * pb.S + pb.segOf[pb.allowed[m][0]]]; };
  // Start domains: the interval fits and the unit's meetings match into it on their own.
  for (const u of units) {
    for (let a = pb.segStart[u.seg]; a + u.len <= pb.segEnd[u.seg]; a++) {
      if (matchInto(pb, u.meetings, a, a + u.len, () => true)) u.domain.push(a);
    }
  }
  // Busy participants per slot: at most two per table when every meeting is on-site.
  const cap = pb.tables !== Infinity && pb.onsite.every((x) => x === 1) ? 2 * pb.tables : Infinity;
  const partners: { v: number; m: number }[][] = units.map(() => []);
  units.forEach((u, i) => {
    for (const m of u.meetings) {
      const side = pb.mParts[m][0] === u.p ? 1 : 0;
      const v = unitOfMeetingPart(m, side);
      if (v >= 0) partners[i].push({ v, m });
    }
  });
  // start[i]: the interval's first slot; -1 while undecided; BROKEN when the unit is one of the broken ones.
  const BROKEN = -2;
  const start = new Int32Array(units.length).fill(-1);
  let broken = 0;
  // A unit without any start must be one of the broken ones.
  units.forEach((u, i) => { if (!u.domain.length) { start[i] = BROKEN; broken++; } });
  if (broken > maxBroken) return 'infeasible';
  const doms: number[][] = units.map((u) => u.domain.slice());
  let nodes = 0;
  let out: ProofOutcome = 'infeasible';

  /** Can unit i's meetings match to distinct slots of its interval (starting at a) that also lie in the assigned
   * partners' intervals, or in the hull of the starts left to an undecided partner? */
  const hallOk = (i: number, a = start[i]): boolean => {
    const u = units[i];
    return matchInto(pb, u.meetings, a, a + u.len, (m, t) => {
      const side = pb.mParts[m][0] === u.p ? 1 : 0;
      const v = unitOfMeetingPart(m, side);
      if (v < 0 || start[v] === BROKEN) return true;
      if (start[v] >= 0) return t >= start[v] && t < start[v] + units[v].len;
      // Unassigned partner: some start left in its domain covers t.
      const d = doms[v];
      // (No start left: it can only be one of the broken ones, which constrain nothing.)
      return d.length === 0 || (t >= d[0] && t < d[d.length - 1] + units[v].len);
    });
  };
  /** Slots surely busy (assigned, or covered by every start left) never exceed the cap. */
  const capOk = (): boolean => {
    if (cap === Infinity) return true;
    const busy = new Int32Array(T);
    for (let i = 0; i < units.length; i++) {
      if (start[i] === BROKEN || doms[i].length === 0) continue;
      const d = doms[i];
      const lo = start[i] >= 0 ? start[i] : d[d.length - 1];
      const hi = start[i] >= 0 ? start[i] + units[i].len : d[0] + units[i].len;
      for (let t = lo; t < hi; t++) if (++busy[t] > cap) return false;
    }
    return true;
  };
  const overlapHasSlot = (m: number, a1: number, l1: number, a2: number, l2: number) => {
    const lo = Math.max(a1, a2), hi = Math.min(a1 + l1, a2 + l2);
    for (const t of pb.allowed[m]) if (t >= lo && t < hi) return true;
    return false;
  };

  const rec = (): boolean => {
    // A node costs up to a few hundred small matchings: the clock is read at every one.
    if (++nodes > limits.nodes || Date.now() > limits.deadline) { out = 'unknown'; return true; }
    let pick = -1;
    for (let i = 0; i < units.length; i++) if (start[i] === -1 && (pick < 0 || doms[i].length < doms[pick].length)) pick = i;
    if (pick < 0) { out = 'feasible'; return true; }
    const saved = doms.map((d) => d);
    for (const a of saved[pick]) {
      start[pick] = a;
      doms[pick] = [a];
      let ok = true;
      // Forward checking: each unassigned partner keeps the starts that share an allowed slot with this interval.
      for (const { v, m } of partners[pick]) {
        if (start[v] === BROKEN) continue;
        if (start[v] >= 0) { if (!overlapHasSlot(m, a, units[pick].len, start[v], units[v].len)) { ok = false; break; } continue; }
        const nd = doms[v].filter((b) => overlapHasSlot(m, a, units[pick].len, b, units[v].len) && hallOk(v, b));
        // A partner left without starts must be broken later: impossible when no broken unit is left.
        if (!nd.length && broken >= maxBroken) { ok = false; break; }
        doms[v] = nd;
      }
      if (ok) ok = capOk() && hallOk(pick);
      if (ok) for (const { v } of partners[pick]) if (start[v] >= 0 && !hallOk(v)) { ok = false; break; }
      if (ok && rec()) return true;
      for (let i = 0; i < units.length; i++) doms[i] = saved[i];
      start[pick] = -1;
    }
    // Last: this unit is one of the broken ones (no interval; its partners lose nothing they had).
    if (broken < maxBroken) {
      start[pick] = BROKEN;
      broken++;
      let ok = true;
      for (const { v } of partners[pick]) if (start[v] >= 0 && !hallOk(v)) { ok = false; break; }
      if (ok && rec()) return true;
      broken--;
      start[pick] = -1;
    }
    return false;
  };
  rec();
  return out;
}

/** Perfect matching of `meetings` into distinct slots of [a, b) among their allowed slots that pass `ok`. */
function matchInto(pb: Problem, meetings: number[], a: number, b: number, ok: (m: number, t: number) => boolean): boolean {
  const n = b - a;
  if (meetings.length > n) return false;
  const owner = new Int32Array(n).fill(-1);
  const cand = meetings.map((m) => Array.from(pb.allowed[m]).filter((t) => t >= a && t < b && ok(m, t)));
  const seen = new Uint8Array(n);
  const augment = (i: number): boolean => {
    for (const t of cand[i]) {
      if (seen[t - a]) continue;
      seen[t - a] = 1;
      if (owner[t - a] < 0 || augment(owner[t - a])) { owner[t - a] = i; return true; }
    }
    return false;
  };
  for (let i = 0; i < meetings.length; i++) {
    if (!cand[i].length) return false;
    seen.fill(0);
    if (!augment(i)) return false;
  }
  return true;
}
