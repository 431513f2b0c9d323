// The certificate: an upper bound on the schedulable weight and a lower bound on breaks, each from relaxations that
// any valid schedule satisfies. Upper bound = the smallest of
//   - "allowed": every meeting that has at least one allowed slot,
//   - "slots": per slot, the heaviest meetings that fit (a slot holds at most ⌊free participants / 2⌋ bilateral
//     meetings and at most `tables` on-site ones, plus the online ones),
//   - "participants": the LP (HiGHS) with x_m ∈ [0,1] where, for every participant and every window W that is the
//     allowed-slot set of one of their meetings or the union of them all, the meetings confined to W number ≤ |W|;
//     the same for on-site meetings and tables × |W|,
//     and at most one of two meetings whose precedence no pair of their allowed slots satisfies,
//   - "time-indexed": for small instances, the LP with x_{m,t} (each meeting once, each participant once per slot,
//     once per instant across parallel blocks, tables per slot, per slot no more interpreter meetings of a qualified set than its free interpreters, and for a
//     precedence q before m: m in slot t excludes q from the slots that do not end by t's start).
// The weights are integers, so the floor of an LP optimum is a bound too.
import { intervalRelaxation } from './interval-proof.ts';
import type { Problem } from './model.ts';

export interface UpperBound {
  value: number;
  source: string;
  all: Record<string, number>;
}

type Highs = { solve: (lp: string, opts?: Record<string, unknown>) => { Status: string; ObjectiveValue: number } };
let highsPromise: Promise<Highs> | null = null;
async function loadHighs(): Promise<Highs> {
  highsPromise ??= import('highs').then((mod) => (mod.default as unknown as () => Promise<Highs>)());
  return highsPromise;
}

/** `skipLpIfReached`: weight already achieved; when it meets the combinatorial bound the LPs cannot tighten anything. */
/** Starts loading HiGHS (WASM compile) early, so the first LP bound does not pay for it. */
export function preloadLp(): void {
  void loadHighs().catch(() => {});
}

/** `deadline` (epoch ms): an LP whose expected time does not fit before it is skipped (its text is built and parsed
 * outside HiGHS's own time limit, so the time-indexed LP is predicted from the participant LP's time and size). */
export async function upperBound(pb: Problem, opts: { lp: boolean; lpTimeSeconds?: number; skipLpIfReached?: number; deadline?: number }): Promise<UpperBound> {
  const all: Record<string, number> = {};
  let allowedW = 0;
  for (let m = 0; m < pb.M; m++) if (pb.allowed[m].length) allowedW += pb.weight[m];
  all.allowed = allowedW;
  all.slots = slotBound(pb);
  if (opts.lp && (opts.skipLpIfReached === undefined || opts.skipLpIfReached < Math.min(all.allowed, all.slots) - 1e-9)) {
    const lpTime = opts.lpTimeSeconds ?? 20;
    try {
      const highs = await loadHighs();
      const deadline = opts.deadline ?? Infinity;
      const t0 = Date.now();
      const part = solveLp(highs, participantLp(pb), Math.min(lpTime, (deadline - t0) / 1000));
      if (part !== null) all.participants = part;
      const partMs = Date.now() - t0;
      let nVars = 0, partVars = 0;
      for (let m = 0; m < pb.M; m++) { nVars += pb.allowed[m].length; if (pb.allowed[m].length) partVars++; }
      // The time-indexed LP has about nVars / partVars times the variables of the participant LP.
      const expectedMs = Math.min(partMs * (nVars / Math.max(1, partVars)), 1000 * lpTime) + 2 * partMs;
      if (nVars <= 25000 && Date.now() + expectedMs <= deadline) {
        const ti = solveLp(highs, timeIndexedLp(pb), Math.min(lpTime, (deadline - Date.now()) / 1000));
        if (ti !== null) all['time-indexed'] = ti;
      }
    } catch {
      // The LP bounds are optional; the combinatorial ones stand.
    }
  }
  let value = Infinity;
  let source = '';
  for (const [k, v] of Object.entries(all)) if (v < value - 1e-9) { value = v; source = k; }
  return { value, source, all };
}

function solveLp(highs: Highs, lp: string, seconds: number): number | null {
  if (!(seconds > 0.01)) return null;
  const r = highs.solve(lp, { output_flag: false, time_limit: seconds });
  if (r.Status !== 'Optimal') return null;
  return Math.floor(r.ObjectiveValue + 1e-6);
}

const slotBoundCache = new WeakMap<Problem, number>();
function slotBound(pb: Problem): number {
  const known = slotBoundCache.get(pb);
  if (known !== undefined) return known;
  const value = computeSlotBound(pb);
  slotBoundCache.set(pb, value);
  return value;
}

function computeSlotBound(pb: Problem): number {
  let total = 0;
  for (let t = 0; t < pb.T; t++) {
    const here: number[] = [];
    const parts = new Set<number>();
    let online = 0;
    let minSize = Infinity;
    for (let m = 0; m < pb.M; m++) {
      if (!pb.allowedMask[m * pb.T + t]) continue;
      here.push(m);
      if (!pb.onsite[m]) online++;
      minSize = Math.min(minSize, pb.mParts[m].length);
      for (const p of pb.mParts[m]) parts.add(p);
    }
    if (!here.length) continue;
    const k = Math.min(Math.floor(parts.size / minSize), pb.tables + online, here.length);
    const ws = here.map((m) => pb.weight[m]).sort((a, b) => b - a);
    for (let i = 0; i < k; i++) total += ws[i];
  }
  return total;
}

/** Writes `name: terms <= rhs` with short lines (the LP reader prefers them). */
function row(name: string, vars: string[], rhs: number): string {
  const chunks: string[] = [];
  for (let i = 0; i < vars.length; i += 12) chunks.push(vars.slice(i, i + 12).join(' + '));
  return ` ${name}: ${chunks.join('\n  + ')} <= ${rhs}\n`;
}

function objective(terms: string[]): string {
  const chunks: string[] = [];
  for (let i = 0; i < terms.length; i += 12) chunks.push(terms.slice(i, i + 12).join(' + '));
  return `Maximize\n obj: ${chunks.join('\n  + ')}\nSubject To\n`;
}

function windowKey(a: Int32Array): string {
  return a.join(',');
}

function participantLp(pb: Problem): string {
  const vars: number[] = [];
  for (let m = 0; m < pb.M; m++) if (pb.allowed[m].length) vars.push(m);
  let lp = objective(vars.map((m) => `${pb.weight[m]} x${m}`));
  let r = 0;
  const windowRows = (ms: number[], capPerSlot: number) => {
    if (!ms.length) return;
    const windows = new Map<string, Set<number>>();
    const union = new Set<number>();
    for (const m of ms) {
      windows.set(windowKey(pb.allowed[m]), new Set(pb.allowed[m]));
      for (const t of pb.allowed[m]) union.add(t);
    }
    windows.set('union', union);
    for (const w of windows.values()) {
      const inside = ms.filter((m) => pb.allowed[m].every((t) => w.has(t)));
      if (inside.length > w.size * capPerSlot) lp += row(`r${r++}`, inside.map((m) => `x${m}`), w.size * capPerSlot);
    }
  };
  for (let p = 0; p < pb.P; p++) windowRows(pb.partMeetings[p].filter((m) => pb.allowed[m].length), 1);
  if (pb.tables !== Infinity) windowRows(vars.filter((m) => pb.onsite[m]), pb.tables);
  // A precedence no pair of allowed slots can satisfy: at most one of the two meetings.
  if (pb.anyPrec) {
    for (let m = 0; m < pb.M; m++) {
      if (!pb.allowed[m].length) continue;
      const lastStart = Math.max(...Array.from(pb.allowed[m], (t) => pb.slotStart[t]));
      for (const q of pb.before[m]) {
        if (!pb.allowed[q].length) continue;
        const firstEnd = Math.min(...Array.from(pb.allowed[q], (t) => pb.slotEnd[t]));
        if (firstEnd > lastStart) lp += row(`r${r++}`, [`x${m}`, `x${q}`], 1);
      }
    }
  }
  if (r === 0) lp += ` r0: x${vars[0] ?? 0} <= 1\n`;
  lp += 'Bounds\n';
  for (const m of vars) lp += ` 0 <= x${m} <= 1\n`;
  return `${lp}End\n`;
}

function timeIndexedLp(pb: Problem): string {
  const name = (m: number, t: number) => `y${m}_${t}`;
  const terms: string[] = [];
  for (let m = 0; m < pb.M; m++) for (const t of pb.allowed[m]) terms.push(`${pb.weight[m]} ${name(m, t)}`);
  let lp = objective(terms.length ? terms : ['0 dummy']);
  let r = 0;
  for (let m = 0; m < pb.M; m++) if (pb.allowed[m].length > 1) lp += row(`m${r++}`, [...pb.allowed[m]].map((t) => name(m, t)), 1);
  // Each participant once per instant: the slots that contain slot t's start (t and the overlapping slots of parallel
  // blocks that start no later) form a clique.
  const clique = Array.from({ length: pb.T }, (_, t) => [t, ...Array.from(pb.overlaps[t]).filter((u) => pb.slotStart[u] <= pb.slotStart[t])]);
  for (let p = 0; p < pb.P; p++) {
    for (let t = 0; t < pb.T; t++) {
      const vs: string[] = [];
      for (const u of clique[t]) for (const m of pb.partMeetings[p]) if (pb.allowedMask[m * pb.T + u]) vs.push(name(m, u));
      if (vs.length > 1) lp += row(`p${r++}`, vs, 1);
    }
  }
  if (pb.tables !== Infinity) {
    for (let t = 0; t < pb.T; t++) {
      const vs: string[] = [];
      for (let m = 0; m < pb.M; m++) if (pb.onsite[m] && pb.allowedMask[m * pb.T + t]) vs.push(name(m, t));
      if (vs.length > pb.tables) lp += row(`t${r++}`, vs, pb.tables);
    }
  }
  // Precedences (q before m, when both are held): m in slot t excludes q from every slot that does not end by t's start.
  if (pb.anyPrec) {
    for (let m = 0; m < pb.M; m++) {
      for (const q of pb.before[m]) {
        for (const t of pb.allowed[m]) {
          const vs = [name(m, t)];
          for (const u of pb.allowed[q]) if (pb.slotEnd[u] > pb.slotStart[t]) vs.push(name(q, u));
          if (vs.length > 1) lp += row(`q${r++}`, vs, 1);
        }
      }
    }
  }
  // Interpreters (Hall's condition per slot): meetings whose qualified interpreters all lie in a set Q need no more
  // than the members of Q free in that slot. Q runs over the distinct qualified sets of the meetings.
  if (pb.anyInterp) {
    const sets = new Map<string, Int32Array>();
    for (let m = 0; m < pb.M; m++) if (pb.needsInterp[m]) sets.set(pb.mInterp[m].join(','), pb.mInterp[m]);
    for (const q of sets.values()) {
      const inQ = new Set(q);
      const within = [];
      for (let m = 0; m < pb.M; m++) if (pb.needsInterp[m] && pb.mInterp[m].every((k) => inQ.has(k))) within.push(m);
      for (let t = 0; t < pb.T; t++) {
        const vs = within.filter((m) => pb.allowedMask[m * pb.T + t]).map((m) => name(m, t));
        let free = 0;
        for (const k of q) if (!pb.interpUnavail[k * pb.T + t]) free++;
        if (vs.length > free) lp += row(`i${r++}`, vs, free);
      }
    }
  }
  if (r === 0 && terms.length) lp += ` z0: ${terms[0].split(' ')[1]} <= 1\n`;
  lp += 'Bounds\n';
  for (let m = 0; m < pb.M; m++) for (const t of pb.allowed[m]) lp += ` 0 <= ${name(m, t)} <= 1\n`;
  return `${lp}End\n`;
}

/**
 * Lower bound on total breaks of any schedule that drops at most `dropped` meetings. Per participant and break
 * segment: the meetings confined to the segment need busy slots inside the runs of slots where the participant can
 * meet there; every busy run lies in one such run, so the runs touched (first those that must be: holding a locked
 * meeting or the only place of some meeting; then the longest) must hold them all, and breaks ≥ runs touched − 1.
 */
const lbCache = new WeakMap<Problem, Map<number, number>>();
/** `proof`: with nothing dropped, also try to prove one more break (interval-proof.ts) within these limits. Pure in
 * (problem, dropped) once computed and asked for often (progress reports): computed once per value. */
export function breaksLowerBound(pb: Problem, dropped: number, proof?: { nodes: number; deadline: number }): number {
  let cache = lbCache.get(pb);
  if (!cache) lbCache.set(pb, (cache = new Map()));
  const known = cache.get(dropped);
  if (known !== undefined) return known;
  const forced = new Uint8Array(pb.P * pb.S);
  let value = computeBreaksLowerBound(pb, dropped, forced);
  if (dropped <= 0 && proof) {
    const zeroBreak = forced.map((f) => (f === 0 ? 1 : 0));
    // k broken intervals cannot fit: every schedule of all meetings has at least k + 1 breaks more.
    for (let k = 0; k < pb.P * pb.S && Date.now() < proof.deadline; k++) {
      if (intervalRelaxation(pb, zeroBreak, proof, k) !== 'infeasible') break;
      value++;
    }
  }
  // Without a proof attempt the value is not cached, so a later call with limits can still try.
  if (proof || dropped > 0) cache.set(dropped, value);
  return value;
}

/** Per participant and segment: meetings confined to it and the usable runs, longest first, forced runs first (by
 * locked meetings only, and also by meetings with one possible run, which counts only when nothing is dropped). */
interface SegmentRuns { p: number; s: number; k: number; locked: { len: number; forced: boolean }[]; only: { len: number; forced: boolean }[] }
const runsCache = new WeakMap<Problem, SegmentRuns[]>();

function segmentRuns(pb: Problem): SegmentRuns[] {
  const known = runsCache.get(pb);
  if (known) return known;
  const out: SegmentRuns[] = [];
  for (let p = 0; p < pb.P; p++) {
    for (let s = 0; s < pb.S; s++) {
      const a = pb.segStart[s], b = pb.segEnd[s];
      const usable = new Uint8Array(b - a);
      const locked = new Uint8Array(b - a);
      let k = 0;
      for (const m of pb.partMeetings[p]) {
        const al = pb.allowed[m];
        if (!al.length) continue;
        if (al.every((t) => t >= a && t < b)) k++;
        for (const t of al) if (t >= a && t < b) usable[t - a] = 1;
        if (pb.locked[m] >= a && pb.locked[m] < b) locked[pb.locked[m] - a] = 1;
      }
      if (k <= 1) continue;
      const runs: { len: number; forced: boolean }[] = [];
      const runOf = new Int32Array(b - a).fill(-1);
      for (let i = 0; i < usable.length; i++) {
        if (!usable[i]) continue;
        if (i === 0 || !usable[i - 1]) runs.push({ len: 0, forced: false });
        const cur = runs[runs.length - 1];
        runOf[i] = runs.length - 1;
        cur.len++;
        if (locked[i]) cur.forced = true;
      }
      const only = runs.map((r) => ({ ...r }));
      // A run is also forced when some meeting can only be held inside it (e.g. a morning-only meeting when the last
      // morning slot is forbidden, next to an afternoon-only one).
      for (const m of pb.partMeetings[p]) {
        const al = pb.allowed[m];
        if (!al.length || al[0] < a || al[al.length - 1] >= b) continue;
        const r0 = runOf[al[0] - a];
        if (al.every((t) => runOf[t - a] === r0)) only[r0].forced = true;
      }
      const order = (x: { len: number; forced: boolean }, y: { len: number; forced: boolean }) => Number(y.forced) - Number(x.forced) || y.len - x.len;
      out.push({ p, s, k, locked: runs.sort(order), only: only.sort(order) });
    }
  }
  runsCache.set(pb, out);
  return out;
}

/** `forced[p * S + s]` receives the breaks forced in (p, s) (at most 255 counted). */
function computeBreaksLowerBound(pb: Problem, dropped: number, forced: Uint8Array): number {
  let total = 0;
  for (const seg of segmentRuns(pb)) {
    const k = seg.k - dropped;
    if (k <= 1) continue;
    let cap = 0;
    let used = 0;
    for (const r of dropped <= 0 ? seg.only : seg.locked) {
      if (cap >= k && !r.forced) break;
      cap += r.len;
      used++;
    }
    if (used > 1) { total += used - 1; forced[seg.p * pb.S + seg.s] = Math.min(255, used - 1); }
  }
  return total;
}
