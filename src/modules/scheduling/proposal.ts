// Pure part of the console: the event's export in the engine's interchange format (with a few extra fields the
// engine ignores), the adapter to what the engine can express, and the proposal built from its result.
import { createHash } from 'node:crypto';
import type { Assignment, ScheduleInputRaw, ScheduleResult } from '../../engines/scheduler/index.ts';

export type Placement = { slot: string; table: number | null; interpreter: string | null };

export type ExportSlot = { id: string; start: string; end: string; session: string; blockId: string; tables: number | null };
export type ExportMeeting = {
  id: string; participants: string[]; priority: number; mode: 'onsite' | 'online'; session: string | null;
  lockedSlot: string | null; needsInterpreter: string[];
  kind: string; locked: boolean; published: boolean; current: Placement | null;
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

/** Published meetings for the incremental mode: those with a published slot that still exists. */
export function publishedPlacements(x: EventExport): Record<string, string> {
  const slots = new Set(x.slots.map((s) => s.id));
  const out: Record<string, string> = {};
  for (const m of x.meetings) if (m.published && m.current && slots.has(m.current.slot)) out[m.id] = m.current.slot;
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
    movedPublished: number; changedMeetings: number; changedParticipants: number;
  };
  placements: Record<string, Placement>;
  unscheduled: { meeting: string; reason: string }[];
  changes: MeetingChange[];
  /** Participant or interpreter → meetings of theirs that change. */
  affected: Record<string, string[]>;
  violations: string[];
};

const samePlace = (a: Placement | null, b: Placement | null) =>
  (!a && !b) || (!!a && !!b && a.slot === b.slot && a.table === b.table && a.interpreter === b.interpreter);

/** What the result would change, meeting by meeting and person by person. */
export function buildProposal(x: EventExport, r: ScheduleResult, violations: string[]): Proposal {
  const placed = assignTables(x, r.assignments);
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
      breaksLowerBound: r.certificate.breaksLowerBound, objective: r.certificate.objective, seconds: r.seconds, movedPublished: r.movedPublished.length,
      changedMeetings: changes.length, changedParticipants: Object.keys(affected).length,
    },
    placements: Object.fromEntries(placed),
    unscheduled: realUnscheduled,
    changes,
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
