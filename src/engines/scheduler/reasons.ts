// Why a meeting stayed unscheduled, in words an organiser can act on (English; the console may translate the shapes).
import type { Problem } from './model.ts';
import type { State } from './state.ts';

export function unscheduledReason(pb: Problem, st: State, m: number): string {
  const ids = [...pb.mParts[m]].map((p) => pb.partIds[p]);
  const mi = pb.input.meetings[m];
  const where = mi.session ? ` of session ${mi.session}` : '';
  if (pb.locked[m] >= 0) {
    const t = pb.locked[m];
    const other = st.conflicts(m, t, []).find((c) => pb.locked[c] === t);
    if (other !== undefined) return `locked to ${pb.slotIds[t]}, where locked meeting ${pb.meetIds[other]} already holds a participant`;
    if (pb.onsite[m] && st.onsiteAt[t] >= pb.tables) return `locked to ${pb.slotIds[t]}, where every table is taken by locked meetings`;
    return `locked to ${pb.slotIds[t]}, which is not possible there`;
  }
  if (pb.allowed[m].length === 0) {
    const inSession = (t: number) => mi.session === null || pb.sessionOf[t] === mi.session;
    for (const p of pb.mParts[m]) {
      let free = 0;
      for (let t = 0; t < pb.T; t++) if (inSession(t) && !pb.unavail[p * pb.T + t]) free++;
      if (free === 0) return `${pb.partIds[p]} is unavailable in every slot${where}`;
    }
    let common = 0;
    for (let t = 0; t < pb.T; t++) if (inSession(t) && pb.mParts[m].every((p) => !pb.unavail[p * pb.T + t])) common++;
    if (common === 0) return `${ids.join(', ')} have no free common slot${where}`;
    if (pb.mInterp[m].length === 0) return `no interpreter covers ${mi.needsInterpreter.join('+')}`;
    return `no ${mi.needsInterpreter.join('+')} interpreter is free when ${ids.join(', ')} are`;
  }
  for (const p of pb.mParts[m]) {
    const { n, usable } = demand(pb, p);
    if (n > usable) return `${pb.partIds[p]} has ${n} meetings but only ${usable} slots they can use`;
  }
  const busy = new Map<string, number>();
  let noTable = 0;
  let noInterp = 0;
  for (const t of pb.allowed[m]) {
    const blockers = pb.mParts[m].filter((p) => st.occ[p * pb.T + t] !== 0);
    for (const p of blockers) busy.set(pb.partIds[p], (busy.get(pb.partIds[p]) ?? 0) + 1);
    if (!blockers.length && pb.onsite[m] && st.onsiteAt[t] >= pb.tables) noTable++;
    else if (!blockers.length && pb.needsInterp[m]) noInterp++;
  }
  const parts = [...busy].sort((a, b) => b[1] - a[1]).map(([p, k]) => `${p} busy in ${k}`);
  if (noTable) parts.push(`no table free in ${noTable}`);
  if (noInterp) parts.push(`no interpreter free in ${noInterp}`);
  return `all ${pb.allowed[m].length} common free slots of ${ids.join(', ')} are taken (${parts.join(', ')})`;
}

/** Meetings of p that have an allowed slot, and the slots they can use together (computed once per participant). */
const demandCache = new WeakMap<Problem, Map<number, { n: number; usable: number }>>();
function demand(pb: Problem, p: number): { n: number; usable: number } {
  let cache = demandCache.get(pb);
  if (!cache) demandCache.set(pb, (cache = new Map()));
  let d = cache.get(p);
  if (!d) {
    const usable = new Set<number>();
    let n = 0;
    for (const x of pb.partMeetings[p]) {
      if (!pb.allowed[x].length) continue;
      n++;
      for (const t of pb.allowed[x]) usable.add(t);
    }
    d = { n, usable: usable.size };
    cache.set(p, d);
  }
  return d;
}
