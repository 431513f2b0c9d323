// Independent check of a schedule against the hard constraints, written from the input alone (it shares no code
// with the search) so tests and benchmarks can trust what the solver returns. Also recounts breaks.
import { parseInput } from './model.ts';
import type { Assignment, IncrementalOptions, ScheduleInput, ScheduleInputRaw } from './types.ts';

export interface ValidationReport {
  violations: string[];
  scheduled: number;
  weight: number;
  breaks: number;
  maxBreaks: number;
  breaksByParticipant: Map<string, number>;
}

export function validateSchedule(raw: ScheduleInput | ScheduleInputRaw, assignments: Assignment[],
  incremental?: IncrementalOptions): ValidationReport {
  const input = parseInput(raw);
  const v: string[] = [];
  const slots = new Map(input.slots.map((s) => [s.id, s]));
  const meetings = new Map(input.meetings.map((m) => [m.id, m]));
  const parts = new Map(input.participants.map((p) => [p.id, p]));
  const interps = new Map(input.interpreters.map((x) => [x.id, x]));
  const seenMeeting = new Set<string>();
  const busy = new Map<string, string>(); // participant|slot → meeting
  const tableUse = new Map<string, string>(); // slot|table → meeting
  const interpUse = new Map<string, string>(); // interpreter|slot → meeting
  const onsiteCount = new Map<string, number>();
  const slotOfMeeting = new Map<string, string>();
  let weight = 0;

  for (const a of assignments) {
    const m = meetings.get(a.meeting);
    const s = slots.get(a.slot);
    if (!m) { v.push(`unknown meeting ${a.meeting}`); continue; }
    if (!s) { v.push(`meeting ${a.meeting}: unknown slot ${a.slot}`); continue; }
    if (seenMeeting.has(m.id)) { v.push(`meeting ${m.id} assigned twice`); continue; }
    seenMeeting.add(m.id);
    slotOfMeeting.set(m.id, s.id);
    weight += m.priority;
    const isLocked = m.lockedSlot !== null;
    if (isLocked && m.lockedSlot !== s.id) v.push(`meeting ${m.id} is locked to ${m.lockedSlot} but placed in ${s.id}`);
    if (!isLocked && m.session !== null && s.session !== m.session) v.push(`meeting ${m.id} must be in session ${m.session}, got ${s.id} (${s.session})`);
    for (const pid of m.participants) {
      const p = parts.get(pid);
      if (!p) { v.push(`meeting ${m.id}: unknown participant ${pid}`); continue; }
      if (!isLocked && p.unavailableSlots.includes(s.id)) v.push(`meeting ${m.id}: ${pid} is unavailable in ${s.id}`);
      const key = `${pid}|${s.id}`;
      const other = busy.get(key);
      if (other) v.push(`${pid} is in meetings ${other} and ${m.id} in slot ${s.id}`);
      else busy.set(key, m.id);
    }
    if (m.mode === 'onsite') {
      onsiteCount.set(s.id, (onsiteCount.get(s.id) ?? 0) + 1);
      if (input.tables !== null) {
        if (a.table === undefined || !Number.isInteger(a.table) || a.table < 1 || a.table > input.tables) v.push(`on-site meeting ${m.id} has no valid table (got ${a.table})`);
        else {
          const key = `${s.id}|${a.table}`;
          if (tableUse.has(key)) v.push(`table ${a.table} in ${s.id} used by ${tableUse.get(key)} and ${m.id}`);
          tableUse.set(key, m.id);
        }
      }
    } else if (a.table !== undefined) v.push(`online meeting ${m.id} was given table ${a.table}`);
    if (m.needsInterpreter.length) {
      const x = a.interpreter ? interps.get(a.interpreter) : undefined;
      if (!x) v.push(`meeting ${m.id} needs an interpreter (${m.needsInterpreter.join('+')}) and has none`);
      else {
        if (!m.needsInterpreter.every((l) => x.languages.includes(l))) v.push(`interpreter ${x.id} does not cover ${m.needsInterpreter.join('+')} for ${m.id}`);
        if (x.unavailableSlots.includes(s.id)) v.push(`interpreter ${x.id} is unavailable in ${s.id} (meeting ${m.id})`);
        const key = `${x.id}|${s.id}`;
        if (interpUse.has(key)) v.push(`interpreter ${x.id} in ${s.id} for both ${interpUse.get(key)} and ${m.id}`);
        interpUse.set(key, m.id);
      }
    }
  }
  // One person, one place at a time: two slots (of parallel sessions) that overlap in time cannot both hold them.
  const slotsOf = new Map<string, string[]>();
  for (const key of busy.keys()) {
    const [pid, sid] = key.split('|');
    if (!slotsOf.has(pid)) slotsOf.set(pid, []);
    slotsOf.get(pid)!.push(sid);
  }
  const span = (sid: string) => [Date.parse(slots.get(sid)!.start), Date.parse(slots.get(sid)!.end)];
  for (const [pid, list] of slotsOf) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a0, a1] = span(list[i]);
        const [b0, b1] = span(list[j]);
        if (a0 < b1 && b0 < a1) v.push(`${pid} is in meetings ${busy.get(`${pid}|${list[i]}`)} (${list[i]}) and ${busy.get(`${pid}|${list[j]}`)} (${list[j]}) at the same time`);
      }
    }
  }
  // Precedences: a meeting listed in another's "after" ends before that one starts (when both are held).
  const slotPos = new Map([...input.slots].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)).map((x, i) => [x.id, i]));
  const timed = input.slots.every((x) => Date.parse(x.start) < Date.parse(x.end));
  for (const m of input.meetings) {
    const at = slotOfMeeting.get(m.id);
    if (!at) continue;
    for (const q of m.after) {
      const qa = slotOfMeeting.get(q);
      if (!qa) continue;
      const ok = timed ? Date.parse(slots.get(qa)!.end) <= Date.parse(slots.get(at)!.start) : slotPos.get(qa)! < slotPos.get(at)!;
      if (!ok) v.push(`meeting ${q} (${qa}) must be held before ${m.id} (${at})`);
    }
  }
  if (input.tables !== null) for (const [sid, n] of onsiteCount) if (n > input.tables) v.push(`${n} on-site meetings in ${sid}, only ${input.tables} tables`);
  // Locked meetings stay: one may only be missing when other locked meetings use up what it needs in its slot
  // (one of its participants, every table, or every qualified interpreter free then).
  const lockedAt = (sid: string) => assignments.filter((a) => a.slot === sid && meetings.get(a.meeting)?.lockedSlot === sid).map((a) => meetings.get(a.meeting)!);
  for (const m of input.meetings) {
    if (m.lockedSlot === null || seenMeeting.has(m.id)) continue;
    const sid = m.lockedSlot;
    const others = lockedAt(sid);
    const participantTaken = m.participants.some((pid) => others.some((o) => o.participants.includes(pid)));
    const tablesTaken = m.mode === 'onsite' && input.tables !== null && others.filter((o) => o.mode === 'onsite').length >= input.tables;
    const qualified = input.interpreters.filter((x) => m.needsInterpreter.every((l) => x.languages.includes(l)) && !x.unavailableSlots.includes(sid));
    const interpTaken = m.needsInterpreter.length > 0
      && qualified.every((x) => assignments.some((a) => a.slot === sid && a.interpreter === x.id && meetings.get(a.meeting)?.lockedSlot === sid));
    if (!participantTaken && !tablesTaken && !interpTaken) v.push(`locked meeting ${m.id} is not scheduled in ${sid}`);
  }
  if (incremental && !incremental.allowMoves) {
    for (const [mid, sid] of Object.entries(incremental.published)) {
      const at = slotOfMeeting.get(mid);
      if (meetings.has(mid) && slots.has(sid) && at !== sid && stillValid(input, mid, sid)) v.push(`published meeting ${mid} moved from ${sid} to ${at ?? 'nowhere'}`);
    }
  }

  const { byParticipant, total, max } = countBreaks(input, slotOfMeeting);
  if (input.maxBreaksDifference !== null) {
    const all = [...byParticipant.values()];
    const diff = all.length ? Math.max(...all) - Math.min(...all) : 0;
    if (diff > input.maxBreaksDifference) v.push(`breaks differ by ${diff} between participants, the limit is ${input.maxBreaksDifference}`);
  }
  return { violations: v, scheduled: seenMeeting.size, weight, breaks: total, maxBreaks: max, breaksByParticipant: byParticipant };
}

/** A published slot that the current input still allows (availability, session) must be kept. */
function stillValid(input: ScheduleInput, mid: string, sid: string): boolean {
  const m = input.meetings.find((x) => x.id === mid)!;
  const s = input.slots.find((x) => x.id === sid)!;
  if (m.lockedSlot !== null) return m.lockedSlot === sid;
  if (m.session !== null && m.session !== s.session) return false;
  return m.participants.every((pid) => !input.participants.find((p) => p.id === pid)?.unavailableSlots.includes(sid));
}

/** Breaks: per participant and segment (session, or everything for breakScope "all"), the idle runs between meetings. */
export function countBreaks(input: ScheduleInput, slotOfMeeting: Map<string, string>) {
  const order = [...input.slots].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const sessionsInOrder: string[] = [];
  for (const s of order) if (!sessionsInOrder.includes(s.session)) sessionsInOrder.push(s.session);
  const segments = input.breakScope === 'all' ? [order.map((s) => s.id)]
    : sessionsInOrder.map((ses) => order.filter((s) => s.session === ses).map((s) => s.id));
  const busy = new Map<string, Set<string>>();
  for (const m of input.meetings) {
    const sid = slotOfMeeting.get(m.id);
    if (!sid) continue;
    for (const p of m.participants) {
      if (!busy.has(p)) busy.set(p, new Set());
      busy.get(p)!.add(sid);
    }
  }
  const byParticipant = new Map<string, number>();
  let total = 0;
  let max = 0;
  for (const p of input.participants) {
    const b = busy.get(p.id);
    let n = 0;
    if (b) for (const seg of segments) {
      const flags = seg.map((sid) => b.has(sid));
      const first = flags.indexOf(true);
      const last = flags.lastIndexOf(true);
      for (let i = first + 1; i <= last && first >= 0; i++) if (flags[i] && !flags[i - 1]) n++;
    }
    byParticipant.set(p.id, n);
    total += n;
    max = Math.max(max, n);
  }
  return { byParticipant, total, max };
}
