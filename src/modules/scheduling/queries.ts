// Reads of the console: the event's export in the interchange format, the overview, a run with its proposal.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { taskRuns, eventRegistrations, eventScheduleState, eventSessions, eventSlots, eventUnavailability, meetingParticipants, meetings, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { forbidden, notFound } from '../../platform/errors.ts';

import { loadEvent, type EventRow } from '../../modules/events/events.ts';
import { canRunSchedule } from './policy.ts';
import type { EventExport, ExportMeeting, Proposal } from './proposal.ts';

export const RUN_KIND = 'events.schedule';
const PRIORITY: Record<string, number> = { must: 3, would: 2 };

/**
 * The event as the engine sees it. Slots that have started are left out (nothing moves into the past), and so are
 * meetings already held in them. Sessions are the meeting blocks (breaks are counted within a block).
 */
export async function buildExport(tx: Tx, e: EventRow, now: Date): Promise<EventExport> {
  const slotRows = await tx.select({ s: eventSlots, tables: eventSessions.tables }).from(eventSlots)
    .innerJoin(eventSessions, eq(eventSessions.id, eventSlots.sessionId))
    .where(eq(eventSlots.eventId, e.id)).orderBy(asc(eventSlots.startsAt), asc(eventSlots.id));
  const slots = slotRows.filter((r) => r.s.startsAt > now).map((r) => ({
    id: r.s.id, start: r.s.startsAt.toISOString(), end: r.s.endsAt.toISOString(), session: r.s.sessionId, blockId: r.s.sessionId,
    tables: e.format === 'online' ? null : r.tables && r.tables > 0 ? r.tables : null,
  }));
  const slotIds = new Set(slots.map((s) => s.id));
  const maxTables = Math.max(0, ...slots.map((s) => s.tables ?? 0));
  const tables = maxTables > 0 ? maxTables : null;

  const ms = await tx.select().from(meetings).where(and(eq(meetings.eventId, e.id), inArray(meetings.status, ['accepted', 'scheduled'])))
    .orderBy(asc(meetings.createdAt), asc(meetings.id));
  const ids = ms.map((m) => m.id);
  const parts = ids.length ? await tx.select().from(meetingParticipants).where(inArray(meetingParticipants.meetingId, ids)) : [];
  const regs = await tx.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, e.id), eq(eventRegistrations.status, 'approved')));
  const regOf = new Map(regs.map((r) => [r.userId, r]));
  const interpreterRegs = regs.filter((r) => r.role === 'interpreter');

  const out: ExportMeeting[] = [];
  for (const m of ms) {
    if (m.status === 'scheduled' && m.slotId && !slotIds.has(m.slotId)) continue; // held (or under way): not the scheduler's business
    const people = parts.filter((p) => p.meetingId === m.id && (p.isRequester || p.response === 'accepted')).map((p) => p.userId).sort();
    if (people.length < 2) continue;
    const current = m.status === 'scheduled' && m.slotId ? { slot: m.slotId, table: m.tableNo, interpreter: m.interpreterUserId } : null;
    // A manually attached interpreter sits in the meeting like a participant; otherwise the engine picks one from
    // the event's interpreters when someone needs one and the attendees' first languages differ.
    const langs = [...new Set(people.map((p) => regOf.get(p)?.languages[0]).filter((l): l is string => !!l))].sort();
    const needs = !m.interpreterUserId && interpreterRegs.length > 0 && langs.length > 1 && people.some((p) => regOf.get(p)?.needsInterpreter);
    out.push({
      id: m.id, participants: m.interpreterUserId ? [...people, m.interpreterUserId] : people, priority: PRIORITY[m.priority] ?? 2,
      mode: tables === null ? 'online' : 'onsite', session: null, lockedSlot: m.locked && current ? current.slot : null,
      needsInterpreter: needs ? langs : [], kind: m.kind, locked: m.locked, published: m.published, selfBooked: m.selfBooked && !!current, current,
    });
  }

  const personIds = [...new Set(out.flatMap((m) => m.participants))].sort();
  const everyone = [...new Set([...personIds, ...interpreterRegs.map((r) => r.userId)])];
  const who = everyone.length ? await tx.select({ id: users.id, country: users.country, timezone: users.timezone }).from(users).where(inArray(users.id, everyone)) : [];
  const unavail = everyone.length ? await tx.select().from(eventUnavailability).where(and(eq(eventUnavailability.eventId, e.id), inArray(eventUnavailability.userId, everyone))) : [];
  const unavailableOf = (u: string) => unavail.filter((x) => x.userId === u && slotIds.has(x.slotId)).map((x) => x.slotId).sort();
  const person = new Map(who.map((u) => [u.id, u]));
  return {
    eventId: e.id, name: e.slug, timezoneEvent: e.timezone, slots, tables,
    participants: personIds.map((id) => ({ id, country: person.get(id)?.country ?? undefined, timezone: person.get(id)?.timezone ?? undefined, unavailableSlots: unavailableOf(id) })),
    meetings: out,
    interpreters: interpreterRegs.filter((r) => !personIds.includes(r.userId)).sort((a, b) => a.userId.localeCompare(b.userId))
      .map((r) => ({ id: r.userId, languages: [...r.languages].sort(), unavailableSlots: unavailableOf(r.userId) })),
  };
}

export async function exportInput(ctx: RequestContext, eventId: string) {
  if (!canRunSchedule(ctx.actor)) throw forbidden();
  const e = await loadEvent(ctx.db, eventId);
  return buildExport(ctx.db, e, ctx.clock.now());
}

// Runs are read without their params (the whole export, megabytes for a large event) and result: the console polls.
const runColumns = {
  id: taskRuns.id, kind: taskRuns.kind, scope: taskRuns.scope, status: taskRuns.status, progress: taskRuns.progress, best: taskRuns.best, error: taskRuns.error,
  createdAt: taskRuns.createdAt, finishedAt: taskRuns.finishedAt,
  settings: sql<Record<string, unknown>>`jsonb_build_object('timeLimitSeconds', ${taskRuns.params}->'timeLimitSeconds', 'seed', ${taskRuns.params}->'seed',
    'incremental', ${taskRuns.params}->'incremental', 'allowMoves', ${taskRuns.params}->'allowMoves', 'moveSelfBooked', ${taskRuns.params}->'moveSelfBooked')`,
};
type RunRow = { id: string; status: string; progress: number; best: Record<string, unknown> | null; error: string | null; createdAt: Date; finishedAt: Date | null; settings: Record<string, unknown> };
const runOut = (r: RunRow) => ({
  id: r.id, status: r.status, progress: r.progress, best: r.best ?? null, error: r.error, createdAt: r.createdAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
  settings: { timeLimitSeconds: r.settings.timeLimitSeconds, seed: r.settings.seed, incremental: r.settings.incremental, allowMoves: r.settings.allowMoves,
    moveSelfBooked: r.settings.moveSelfBooked ?? false },
});

/** The console's overview: stage, runs, the slots with their table counts. */
export async function overview(ctx: RequestContext, eventId: string) {
  if (!canRunSchedule(ctx.actor)) throw forbidden();
  const e = await loadEvent(ctx.db, eventId);
  const [state] = await ctx.db.select().from(eventScheduleState).where(eq(eventScheduleState.eventId, e.id));
  const runs = await ctx.db.select(runColumns).from(taskRuns).where(and(eq(taskRuns.kind, RUN_KIND), eq(taskRuns.scope, e.id))).orderBy(desc(taskRuns.createdAt)).limit(5);
  const slots = await ctx.db.select({ id: eventSlots.id, startsAt: eventSlots.startsAt, endsAt: eventSlots.endsAt, blockId: eventSlots.sessionId, tables: eventSessions.tables, blockTitle: eventSessions.title })
    .from(eventSlots).innerJoin(eventSessions, eq(eventSessions.id, eventSlots.sessionId)).where(eq(eventSlots.eventId, e.id)).orderBy(asc(eventSlots.startsAt));
  return {
    event: { id: e.id, slug: e.slug, title: e.title, timezone: e.timezone, format: e.format, bookingMode: e.bookingMode, scheduleVersion: e.scheduleVersion },
    stage: state?.stage ?? null, appliedRunId: state?.appliedRunId ?? null, appliedAt: state?.appliedAt?.toISOString() ?? null,
    runs: runs.map(runOut),
    slots: slots.map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), blockId: s.blockId, blockTitle: s.blockTitle,
      tables: e.format === 'online' ? null : s.tables && s.tables > 0 ? s.tables : null, past: s.startsAt <= ctx.clock.now() })),
  };
}

/** A run of this event; when done, its proposal with names and times so the organiser can read it. */
export async function getRun(ctx: RequestContext, eventId: string, runId: string) {
  if (!canRunSchedule(ctx.actor)) throw forbidden();
  const e = await loadEvent(ctx.db, eventId);
  const [r] = await ctx.db.select(runColumns).from(taskRuns).where(eq(taskRuns.id, runId));
  if (!r || r.kind !== RUN_KIND || r.scope !== e.id) throw notFound('run');
  if (r.status !== 'done') return { ...runOut(r), proposal: null, people: {}, slotTimes: {} };
  const [full] = await ctx.db.select({ params: taskRuns.params, result: taskRuns.result }).from(taskRuns).where(eq(taskRuns.id, runId));
  const proposal = (full.result?.proposal ?? null) as Proposal | null;
  if (!proposal) return { ...runOut(r), proposal: null, people: {}, slotTimes: {} };
  const personIds = new Set<string>(Object.keys(proposal.affected));
  const input = full.params.input as EventExport;
  const unplaced = new Set(proposal.unscheduled.map((u) => u.meeting));
  for (const m of input.meetings) if (unplaced.has(m.id)) for (const p of m.participants) personIds.add(p);
  const names = personIds.size ? await ctx.db.select({ id: users.id, name: users.name, org: users.organisationName, timezone: users.timezone }).from(users).where(inArray(users.id, [...personIds])) : [];
  const people = Object.fromEntries(names.map((u) => [u.id, { name: u.name, organisationName: u.org, timezone: u.timezone }]));
  const slotRows = await ctx.db.select({ id: eventSlots.id, startsAt: eventSlots.startsAt, endsAt: eventSlots.endsAt }).from(eventSlots).where(eq(eventSlots.eventId, e.id));
  const slotTimes = Object.fromEntries(slotRows.map((s) => [s.id, { startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() }]));
  // Reasons name participants by id (the engine knows no names); the console shows names.
  const unscheduled = proposal.unscheduled.map((u) => ({ ...u, reason: u.reason.replace(/[0-9a-f-]{36}/g, (id) => people[id]?.name ?? id) }));
  const relevant = new Set([...proposal.changes.map((c) => c.meeting), ...proposal.unscheduled.map((u) => u.meeting)]);
  const meetingsOf = Object.fromEntries(input.meetings.filter((m) => relevant.has(m.id)).map((m) => [m.id, m.participants]));
  return { ...runOut(r), proposal: { ...proposal, unscheduled, meetingParticipants: meetingsOf }, people, slotTimes };
}
