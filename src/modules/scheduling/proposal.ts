// Pure part of the console: the event's export in the engine's interchange format (with a few extra fields the
// engine ignores), the adapter to what the engine can express, and the proposal built from its result.
import { createHash } from 'node:crypto';
import type { Assignment, IncrementalOptions, ScheduleInputRaw, ScheduleResult } from '../../engines/scheduler/index.ts';

export type Placement = { slot: string; table: number | null; interpreter: string | null };

export type ExportSlot = { id: string; start: string; end: string; session: string; blockId: string; tables: number | null };
export type ExportMeeting = {
  id: string; participants: string[]; priority: number; mode: 'onsite' | 'online'; session: string | null;
  lockedSlot: string | null; needsInterpreter: string[];
  kind: string; locked: boolean; published: boolean; current: Placement | null;
  /** Placed by its own participants (self-booking): a run keeps it unless the organiser allows moving such meetings. */
  selfBooked?: boolean;
};
/** The interchange format (docs/scheduling-format.md) plus extra fields the engine ignores. */
export type EventExport = {
  eventId: string; name: string; timezoneEvent: string;
  slots: ExportSlot[]; tables: number | null; meetings: ExportMeeting[];
  participants: { id: string; country?: string; timezone?: string; unavailableSlots: string[] }[];
  interpreters: { id: string; languages: string[]; unavailableSlots: string[] }[];
};

/** A digest of everything the solver saw; a different digest at apply time means the meetings changed meanwhile. */
export function fingerprint(x: EventExport): string {
  return createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 32);
}

const BLOCKER = '__blocker__';

/**
 * The engine knows one table count for all slots. Blocks with fewer tables than the largest get locked dummy
 * meetings that hold the missing tables in each of their slots; they are removed again from the result.
 * (Online blocks of a hybrid event are capped at the largest table count: conservative, documented.)
 */
export function toSolverInput(x: EventExport): ScheduleInputRaw {
  const max = x.tables;
  const extraMeetings: ScheduleInputRaw['meetings'] = [];
  const extraParticipants: ScheduleInputRaw['participants'] = [];
  if (max !== null) {
    for (const s of x.slots) {
      const missing = s.tables && s.tables > 0 ? max - s.tables : 0;
      for (let i = 0; i < missing; i++) {
        const a = `${BLOCKER}${s.id}#${i}a`;
        const b = `${BLOCKER}${s.id}#${i}b`;
        extraParticipants.push({ id: a, unavailableSlots: [] }, { id: b, unavailableSlots: [] });
        extraMeetings.push({ id: `${BLOCKER}${s.id}#${i}`, participants: [a, b], priority: 1, mode: 'onsite', lockedSlot: s.id });
      }
    }
  }
  return {
    name: x.name, timezoneEvent: x.timezoneEvent,
    slots: x.slots.map((s) => ({ id: s.id, start: s.start, end: s.end, session: s.session })),
    tables: max,
    participants: [...x.participants, ...extraParticipants],
    meetings: [...x.meetings.map((m) => ({ id: m.id, participants: m.participants, priority: m.priority, mode: m.mode, session: m.session,
      lockedSlot: m.lockedSlot, needsInterpreter: m.needsInterpreter })), ...extraMeetings],
    interpreters: x.interpreters,
  };
}

export const isBlocker = (id: string) => id.startsWith(BLOCKER);

/** What the organiser chose for a run: keep or move published meetings, and may self-booked meetings move. */
export type RunRules = { incremental: boolean; allowMoves: boolean; moveSelfBooked?: boolean };

/** Can m still be held in slot s: all its participants available there and, if it needs one, a qualified interpreter? */
function stillPossible(x: EventExport, m: ExportMeeting, s: string): boolean {
  const unavailable = (list: { id: string; unavailableSlots: string[] }[], id: string) => list.find((p) => p.id === id)?.unavailableSlots.includes(s) ?? false;
  if (m.participants.some((p) => unavailable(x.participants, p))) return false;
  if (!m.needsInterpreter.length) return true;
  return x.interpreters.some((k) => m.needsInterpreter.every((l) => k.languages.includes(l)) && !k.unavailableSlots.includes(s));
}

/**
 * The engine's input and incremental options for a run. Kept in place (locked for the engine, where still possible):
 * self-booked meetings unless `moveSelfBooked`, and published ones in the incremental mode without moves. Moving at
 * a cost (as few as possible): self-booked meetings when allowed, published ones in the incremental mode with moves.
 */
export function solverPlan(x: EventExport, rules: RunRules): { input: ScheduleInputRaw; incremental?: IncrementalOptions } {
  const slots = new Set(x.slots.map((s) => s.id));
  const keep = new Set<string>();
  const placed: Record<string, string> = {};
  for (const m of x.meetings) {
    if (!m.current || !slots.has(m.current.slot) || m.lockedSlot) continue;
    const selfBooked = !!m.selfBooked;
    if (!selfBooked && !(rules.incremental && m.published)) continue;
    placed[m.id] = m.current.slot;
    const stays = selfBooked ? !rules.moveSelfBooked : !rules.allowMoves;
    if (stays && stillPossible(x, m, m.current.slot)) keep.add(m.id);
  }
  const input = toSolverInput(x);
  input.meetings = input.meetings.map((m) => (keep.has(m.id) ? { ...m, lockedSlot: placed[m.id] } : m));
  return { input, incremental: Object.keys(placed).length ? { published: placed, allowMoves: true } : undefined };
}

export type SelfBookedMove = { meeting: string; from: Placement; to: Placement | null; reason: 'moves_allowed' | 'no_longer_possible' };

/** Every self-booked meeting the proposal takes out of its slot, and why it may. */
function selfBookedMoves(x: EventExport, placed: Map<string, Placement>): SelfBookedMove[] {
  const out: SelfBookedMove[] = [];
  for (const m of x.meetings) {
    if (!m.selfBooked || !m.current) continue;
    const to = placed.get(m.id) ?? null;
    if (to && to.slot === m.current.slot) continue;
    out.push({ meeting: m.id, from: m.current, to, reason: stillPossible(x, m, m.current.slot) ? 'moves_allowed' : 'no_longer_possible' });
  }
  return out;
}

/**
 * Table numbers per slot within the block's own count: a meeting that stays in its slot keeps its table if it can,
 * the others take the lowest free numbers. Online meetings (and online blocks) get no table.
 */
export function assignTables(x: EventExport, assignments: Assignment[]): Map<string, Placement> {
  const slot = new Map(x.slots.map((s) => [s.id, s]));
  const meeting = new Map(x.meetings.map((m) => [m.id, m]));
  const bySlot = new Map<string, Assignment[]>();
  for (const a of assignments) if (!isBlocker(a.meeting)) bySlot.set(a.slot, [...(bySlot.get(a.slot) ?? []), a]);
  const out = new Map<string, Placement>();
  for (const [sid, list] of bySlot) {
    const tables = slot.get(sid)?.tables ?? 0;
    const taken = new Set<number>();
    const pending: Assignment[] = [];
    for (const a of list) {
      const m = meeting.get(a.meeting)!;
      const keep = m.current && m.current.slot === sid && m.current.table && m.current.table <= tables && !taken.has(m.current.table) ? m.current.table : null;
      if (m.mode === 'onsite' && tables > 0 && keep === null) pending.push(a);
      if (keep !== null && m.mode === 'onsite') taken.add(keep);
      out.set(a.meeting, { slot: sid, table: m.mode === 'onsite' && tables > 0 ? keep : null, interpreter: a.interpreter ?? null });
    }
    for (const a of pending) {
      let n = 1;
      while (taken.has(n)) n++;
      taken.add(n);
      out.get(a.meeting)!.table = n;
    }
  }
  return out;
}

export type MeetingChange = { meeting: string; from: Placement | null; to: Placement | null; newlyPublished: boolean };

export type Proposal = {
  summary: {
    requested: number; scheduled: number; weight: number; totalWeight: number; upperBound: number; upperBoundSource: string;
    weightGap: number; moreMeetingsAtMost: number; breaks: number; maxBreaks: number; breaksLowerBound: number; objective: string; seconds: number;
    movedPublished: number; movedSelfBooked: number; changedMeetings: number; changedParticipants: number;
  };
  placements: Record<string, Placement>;
  unscheduled: { meeting: string; reason: string }[];
  changes: MeetingChange[];
  /** Self-booked meetings that the proposal moves, each with its reason. */
  selfBookedMoves: SelfBookedMove[];
  /** Participant or interpreter → meetings of theirs that change. */
  affected: Record<string, string[]>;
  violations: string[];
};

const samePlace = (a: Placement | null, b: Placement | null) =>
  (!a && !b) || (!!a && !!b && a.slot === b.slot && a.table === b.table && a.interpreter === b.interpreter);

/** What the result would change, meeting by meeting and person by person. */
export function buildProposal(x: EventExport, r: ScheduleResult, violations: string[], rules?: RunRules): Proposal {
  const placed = assignTables(x, r.assignments);
  const moves = selfBookedMoves(x, placed);
  // Checked independently of the plan: a self-booked meeting moved without permission while it could stay is an error.
  if (rules) for (const mv of moves) if (mv.reason === 'moves_allowed' && !rules.moveSelfBooked) violations = [...violations, `self-booked meeting ${mv.meeting} moved without permission`];
  const changes: MeetingChange[] = [];
  const affected: Record<string, string[]> = {};
  for (const m of x.meetings) {
    const to = placed.get(m.id) ?? null;
    const newlyPublished = !!to && !m.published;
    if (samePlace(m.current, to) && !newlyPublished) continue;
    changes.push({ meeting: m.id, from: m.current, to, newlyPublished });
    const people = new Set([...m.participants, ...[m.current?.interpreter, to?.interpreter].filter((v): v is string => !!v)]);
    for (const p of people) (affected[p] ??= []).push(m.id);
  }
  const blockers = x.meetings.length ? r.assignments.filter((a) => isBlocker(a.meeting)).length : 0;
  const realUnscheduled = r.unscheduled.filter((u) => !isBlocker(u.meeting));
  const weight = r.weight - blockers;
  // Blockers are locked, so any real schedule plus them is feasible for the engine: its bound minus theirs holds.
  // The engine sees one table count; the tables of each block give a bound of their own (capacity of all slots).
  const engineBound = r.certificate.upperBound - blockers;
  const capBound = tableCapacityBound(x);
  const upperBound = Math.min(engineBound, capBound);
  const weights = x.meetings.map((m) => m.priority);
  const minWeight = weights.length ? Math.min(...weights) : 1;
  const scheduled = r.scheduled - blockers;
  // Any schedule places at most upperBound / (lightest weight) meetings; the gap to that is what might be missing.
  const countBound = Math.min(Math.floor((upperBound + 1e-9) / minWeight), r.certificate.countUpperBound - blockers);
  const moreMeetingsAtMost = Math.max(0, Math.min(realUnscheduled.length, countBound - scheduled));
  return {
    summary: {
      requested: x.meetings.length, scheduled, weight, totalWeight: r.totalWeight - blockers, upperBound, upperBoundSource: capBound < engineBound ? 'tables per slot' : r.certificate.upperBoundSource,
      weightGap: Math.max(0, upperBound - weight), moreMeetingsAtMost, breaks: r.breaks, maxBreaks: r.maxBreaks,
      breaksLowerBound: r.certificate.breaksLowerBound, objective: r.certificate.objective, seconds: r.seconds, movedPublished: r.movedPublished.length, movedSelfBooked: moves.length,
      changedMeetings: changes.length, changedParticipants: Object.keys(affected).length,
    },
    placements: Object.fromEntries(placed),
    unscheduled: realUnscheduled,
    changes,
    selfBookedMoves: moves,
    affected,
    violations,
  };
}

/** On-site meetings only: no schedule places more than the tables of all slots hold; the heaviest ones at best. */
export function tableCapacityBound(x: EventExport): number {
  if (x.tables === null || x.meetings.some((m) => m.mode !== 'onsite') || x.slots.some((s) => !s.tables)) return Infinity;
  const capacity = x.slots.reduce((n, s) => n + (s.tables ?? 0), 0);
  return x.meetings.map((m) => m.priority).sort((a, b) => b - a).slice(0, capacity).reduce((a, b) => a + b, 0);
}
