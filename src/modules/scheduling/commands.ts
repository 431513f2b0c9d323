// Writes of the console: start a run, apply its proposal, lock/unlock and move meetings by hand.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { eventScheduleState, events, eventSessions, eventSlots, meetingParticipants, meetings, meetingSlotOccupancy, notifications, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { queueMail } from '../../platform/mail.ts';
import { t } from '../../platform/i18n.ts';
import { newId } from '../../platform/tokens.ts';
import { cancelTaskRun, getTaskRun, startTaskRun } from '../../platform/task-runs.ts';
import { isLang, mlText, type Lang } from '../../shared/languages.ts';
import { roomText } from '../../shared/venues.ts';
import { loadEvent, type EventRow } from '../events/events.ts';
import { attendeesOf, bookMeeting, mapBookingConflict } from '../events/booking.ts';
import { jitsiRoomUrl } from '../events/slots.ts';
import { whenText } from '../events/notify.ts';
import { applyRefusal, canRunSchedule, type ApplyStage } from './policy.ts';
import { buildExport, RUN_KIND } from './queries.ts';
import { fingerprint, type Placement, type Proposal } from './proposal.ts';
import type { RunParams } from './solve-run.ts';
import type { moveBody, startRunBody } from './schema.ts';
import './runner.ts';

export async function startRun(ctx: RequestContext, eventId: string, body: z.output<typeof startRunBody>) {
  if (!canRunSchedule(ctx.actor)) throw forbidden();
  const e = await loadEvent(ctx.db, eventId);
  const input = await buildExport(ctx.db, e, ctx.clock.now());
  const params: RunParams = { input, fingerprint: fingerprint(input), timeLimitSeconds: body.timeLimitSeconds, seed: body.seed,
    incremental: body.incremental, allowMoves: body.allowMoves, moveSelfBooked: body.moveSelfBooked, objective: body.objective };
  const r = await startTaskRun(ctx, { kind: RUN_KIND, scope: e.id, params: params as unknown as Record<string, unknown>, userId: ctx.actor!.userId });
  if (!r.ok) throw new AppError('schedule_run_in_progress', { status: 409, params: { runId: r.run.id } });
  await ctx.db.transaction((tx) => audit(tx, ctx, { entityType: 'event', entityId: e.id, action: 'schedule_run',
    changes: { runId: r.run.id, meetings: input.meetings.length, timeLimitSeconds: body.timeLimitSeconds, seed: body.seed, incremental: body.incremental, allowMoves: body.allowMoves } }));
  return { id: r.run.id, status: r.run.status };
}

/** Stops a queued or running run (a running one stops within about a second and stores no proposal). */
export async function cancelRun(ctx: RequestContext, eventId: string, runId: string) {
  if (!canRunSchedule(ctx.actor)) throw forbidden();
  const e = await loadEvent(ctx.db, eventId);
  const run = await getTaskRun(ctx, runId);
  if (!run || run.kind !== RUN_KIND || run.scope !== e.id) throw notFound('run');
  const ok = await cancelTaskRun(ctx, run.id);
  if (!ok) throw new AppError('run_not_active', { status: 409 });
  await ctx.db.transaction((tx) => audit(tx, ctx, { entityType: 'event', entityId: e.id, action: 'schedule_cancel', changes: { runId } }));
  return { ok: true as const };
}

const samePlace = (a: Placement | null, b: Placement | null) =>
  (!a && !b) || (!!a && !!b && a.slot === b.slot && a.table === b.table && a.interpreter === b.interpreter);

/**
 * Applies a finished run in one transaction: re-checks that the meetings are as the run saw them, writes slots,
 * tables and interpreters through the same occupancy constraints as self-booking, bumps the calendar SEQUENCE of
 * changed meetings, records the stage, and tells only the people whose agenda changed.
 */
export async function applyRun(ctx: RequestContext, eventId: string, runId: string, stage: ApplyStage) {
  if (!canRunSchedule(ctx.actor)) throw forbidden();
  const run = await getTaskRun(ctx, runId);
  return mapBookingConflict(() => ctx.db.transaction(async (tx) => {
    const e = await loadEvent(tx, eventId, true); // serialises applies and manual changes of this event
    if (!run || run.kind !== RUN_KIND || run.scope !== e.id) throw notFound('run');
    const params = run.params as unknown as RunParams;
    const proposal = (run.result?.proposal ?? null) as Proposal | null;
    const [state] = await tx.select().from(eventScheduleState).where(eq(eventScheduleState.eventId, e.id));
    const before = await buildExport(tx, e, ctx.clock.now());
    const refusal = applyRefusal({ status: run.status, hasProposal: !!proposal, violations: proposal?.violations.length ?? 0 },
      { now: fingerprint(before), atRun: params.fingerprint, afterApplyOfThisRun: state?.appliedRunId === run.id ? state.appliedFingerprint : null });
    if (refusal) throw new AppError(refusal, { status: 409 });
    const now = ctx.clock.now();

    // What changes against the current state (for a re-apply of the same run, only the stage may change).
    const changed: { id: string; from: Placement | null; to: Placement | null; publish: boolean }[] = [];
    for (const m of before.meetings) {
      const to = proposal!.placements[m.id] ?? null;
      const publish = !!to && !m.published;
      if (!samePlace(m.current, to) || publish) changed.push({ id: m.id, from: m.current, to, publish });
    }
    const ids = changed.map((c) => c.id);
    if (ids.length) await tx.delete(meetingSlotOccupancy).where(inArray(meetingSlotOccupancy.meetingId, ids));
    const rows = ids.length ? await tx.select().from(meetings).where(inArray(meetings.id, ids)).for('update') : [];
    // Attendees of all changed meetings in one read (large events change thousands at once).
    const partRows = ids.length ? await tx.select().from(meetingParticipants).where(inArray(meetingParticipants.meetingId, ids)) : [];
    const attendees = new Map<string, string[]>();
    for (const r of partRows) if (r.isRequester || r.response === 'accepted') attendees.set(r.meetingId, [...(attendees.get(r.meetingId) ?? []), r.userId]);
    const rowOf = new Map(rows.map((r) => [r.id, r]));
    const version = e.scheduleVersion + 1;
    const affected = new Map<string, Set<string>>();
    const unplace: string[] = [];
    const place: SQL[] = [];
    for (const c of changed) {
      const m = rowOf.get(c.id)!;
      const people = attendees.get(m.id) ?? [];
      const interpreter = c.to ? (c.to.interpreter ?? m.interpreterUserId) : m.interpreterUserId;
      for (const p of new Set([...people, ...[c.from?.interpreter, interpreter].filter((x): x is string => !!x)])) {
        if (!affected.has(p)) affected.set(p, new Set());
        affected.get(p)!.add(m.id);
      }
      if (!c.to) { unplace.push(m.id); continue; }
      const videoUrl = c.to.table === null ? (e.videoProvider === 'link' ? e.videoLink : m.videoUrl ?? jitsiRoomUrl(ctx.config.VIDEO_BASE_URL, e.slug)) : null;
      place.push(sql`(${m.id}::uuid, ${c.to.slot}::uuid, ${c.to.table}::int, ${interpreter}::uuid, ${videoUrl}::text)`);
    }
    // Tables first released for every changed meeting: the table index is checked row by row, so two meetings
    // swapping tables in one slot would otherwise collide half-way. Then all placements in a few statements.
    for (let i = 0; i < ids.length; i += 5000) {
      const part = ids.slice(i, i + 5000);
      await tx.update(meetings).set({ tableNo: null, icsSequence: sql`${meetings.icsSequence} + 1`, updatedAt: now }).where(inArray(meetings.id, part));
    }
    for (let i = 0; i < unplace.length; i += 5000) {
      await tx.update(meetings).set({ status: 'accepted', slotId: null, selfBooked: false }).where(inArray(meetings.id, unplace.slice(i, i + 5000)));
    }
    for (let i = 0; i < place.length; i += 500) {
      await tx.execute(sql`UPDATE meetings AS m SET status = 'scheduled', slot_id = v.slot, table_no = v.tbl, interpreter_user_id = v.interp, video_url = v.video,
        published = true, self_booked = (m.self_booked AND m.slot_id = v.slot), schedule_version = ${version}, reminder_sent_at = NULL
        FROM (VALUES ${sql.join(place.slice(i, i + 500), sql`, `)}) AS v(id, slot, tbl, interp, video) WHERE m.id = v.id`);
    }
    // Occupancy after all moves are written, so a swap of two meetings does not trip over itself.
    const occupancy: (typeof meetingSlotOccupancy.$inferInsert)[] = [];
    for (const c of changed) {
      if (!c.to) continue;
      const m = rowOf.get(c.id)!;
      const interpreter = c.to.interpreter ?? m.interpreterUserId;
      for (const userId of [...(attendees.get(m.id) ?? []), ...(interpreter ? [interpreter] : [])]) occupancy.push({ eventId: e.id, slotId: c.to.slot, userId, meetingId: m.id });
    }
    for (let i = 0; i < occupancy.length; i += 1000) await tx.insert(meetingSlotOccupancy).values(occupancy.slice(i, i + 1000));
    await tx.update(events).set({ scheduleVersion: version, schedulePublishedAt: now, updatedAt: now }).where(eq(events.id, e.id));
    const after = fingerprint(await buildExport(tx, e, now));
    const st = { stage, version, appliedRunId: run!.id, appliedFingerprint: after, appliedAt: now, appliedBy: ctx.actor!.userId };
    await tx.insert(eventScheduleState).values({ eventId: e.id, ...st }).onConflictDoUpdate({ target: eventScheduleState.eventId, set: st });
    await audit(tx, ctx, { entityType: 'event', entityId: e.id, action: 'schedule_apply',
      changes: { runId: run!.id, stage, version, changedMeetings: ids.length, notified: affected.size, unscheduled: proposal!.unscheduled.length } });
    await tellAffected(tx, ctx, e, affected, stage);
    return { stage, version, changedMeetings: ids.length, notified: affected.size };
  }));
}

/** One in-app notice and one mail per person whose agenda changed, listing their meetings in their language and zone. */
async function tellAffected(tx: Tx, ctx: RequestContext, e: EventRow, affected: Map<string, Set<string>>, stage: ApplyStage) {
  if (!affected.size) return;
  const ids = [...new Set([...affected.values()].flatMap((s) => [...s]))];
  const ms = await tx.select({ id: meetings.id, status: meetings.status, tableNo: meetings.tableNo, at: eventSlots.startsAt, roomId: eventSessions.roomId }).from(meetings)
    .leftJoin(eventSlots, eq(eventSlots.id, meetings.slotId)).leftJoin(eventSessions, eq(eventSessions.id, eventSlots.sessionId)).where(inArray(meetings.id, ids));
  const people = await tx.select({ id: users.id, email: users.email, lang: users.lang, timezone: users.timezone }).from(users).where(inArray(users.id, [...affected.keys()]));
  const link = `/events/${e.slug}/agenda`;
  for (const u of people) {
    const lang: Lang = isLang(u.lang) ? u.lang : 'en';
    const lines = ms.filter((m) => affected.get(u.id)!.has(m.id)).sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0)).map((m) =>
      m.status === 'scheduled' && m.at
        ? `• ${[whenText(m.at, u.timezone, lang), m.tableNo ? t(lang, 'scheduling:notice.table', { n: m.tableNo }) : '', roomText(e.venues, m.roomId, lang)].filter(Boolean).join(' — ')}`
        : `• ${t(lang, 'scheduling:notice.unplaced')}`);
    const params = { event: mlText(e.title, lang), stage: t(lang, `scheduling:stage.${stage}`), changes: lines.join('\n'), link: `${ctx.config.publicUrl}${link}` };
    await tx.insert(notifications).values({ id: newId(), userId: u.id, kind: 'scheduling.agenda_changed', data: { ...params, stageCode: stage, meetings: [...affected.get(u.id)!] }, link, createdAt: ctx.clock.now() });
    await queueMail(tx, ctx, { to: u.email, userId: u.id, lang, template: 'scheduling_agenda_changed', params });
  }
}

async function meetingOfEvent(tx: Tx, eventId: string, meetingId: string) {
  const [m] = await tx.select().from(meetings).where(and(eq(meetings.id, meetingId), eq(meetings.eventId, eventId))).for('update');
  if (!m) throw notFound('meeting');
  return m;
}

export async function setLocked(ctx: RequestContext, eventId: string, meetingId: string, locked: boolean) {
  if (!canRunSchedule(ctx.actor)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const e = await loadEvent(tx, eventId);
    const m = await meetingOfEvent(tx, e.id, meetingId);
    if (locked && (m.status !== 'scheduled' || !m.slotId)) throw new AppError('meeting_not_scheduled', { status: 409 });
    await tx.update(meetings).set({ locked, updatedAt: ctx.clock.now() }).where(eq(meetings.id, m.id));
    await audit(tx, ctx, { entityType: 'meeting', entityId: m.id, action: locked ? 'lock' : 'unlock' });
    return { locked };
  });
}

/**
 * Moves one meeting by hand. The events module's booking checks availability, occupancy and tables; the database
 * constraints are the final guard (a conflict becomes a 409 with the reason). A moved meeting is locked so the
 * next run keeps it where the organiser put it.
 */
export async function moveMeeting(ctx: RequestContext, eventId: string, meetingId: string, body: z.output<typeof moveBody>) {
  if (!canRunSchedule(ctx.actor)) throw forbidden();
  return mapBookingConflict(() => ctx.db.transaction(async (tx) => {
    const e = await loadEvent(tx, eventId, true);
    const m = await meetingOfEvent(tx, e.id, meetingId);
    if (!['accepted', 'scheduled'].includes(m.status)) throw new AppError('meeting_not_accepted', { status: 409 });
    const from = { slotId: m.slotId, tableNo: m.tableNo };
    const r = await bookMeeting(tx, ctx, e, m, body.slotId, body.table);
    await tx.update(meetings).set({ locked: body.lock, published: m.published || e.schedulePublishedAt !== null }).where(eq(meetings.id, m.id));
    await audit(tx, ctx, { entityType: 'meeting', entityId: m.id, action: 'move', changes: { from, to: { slotId: r.slotId, tableNo: r.tableNo }, locked: body.lock } });
    const [fresh] = await tx.select().from(meetings).where(eq(meetings.id, m.id));
    if (fresh.published) {
      const people = await attendeesOf(tx, m.id);
      if (fresh.interpreterUserId) people.push(fresh.interpreterUserId);
      const [st] = await tx.select().from(eventScheduleState).where(eq(eventScheduleState.eventId, e.id));
      await tellAffected(tx, ctx, e, new Map(people.map((p) => [p, new Set([m.id])])), (st?.stage as ApplyStage) ?? 'preliminary');
    }
    return { slotId: r.slotId, tableNo: r.tableNo, locked: body.lock };
  }));
}
