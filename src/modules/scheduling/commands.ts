// Writes of the console: start a run, apply its proposal, lock/unlock and move meetings by hand.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { eventScheduleState } from '../../db/schema/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { cancelTaskRun, getTaskRun, startTaskRun } from '../../platform/task-runs.ts';
import { loadEvent } from '../events/events.ts';
import { bookMeeting, mapBookingConflict } from '../events/booking.ts';
import type { PlaceItem } from '../events/placement.ts';
import { applySchedulePlacements, audienceOfChange, meetingOfEventForUpdate, meetingsForUpdate, setMeetingLock } from '../events/schedule.ts';
import { tellAgendaChanged } from '../events/schedule-notices.ts';
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
  if (!r.ok) throw new AppError('schedule_run_in_progress', { params: { runId: r.run.id } });
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
  if (!ok) throw new AppError('run_not_active');
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
    if (refusal) throw new AppError(refusal);
    const now = ctx.clock.now();

    // What changes against the current state (for a re-apply of the same run, only the stage may change).
    const changed: { id: string; from: Placement | null; to: Placement | null; publish: boolean }[] = [];
    for (const m of before.meetings) {
      const to = proposal!.placements[m.id] ?? null;
      const publish = !!to && !m.published;
      if (!samePlace(m.current, to) || publish) changed.push({ id: m.id, from: m.current, to, publish });
    }
    const ids = changed.map((c) => c.id);
    const rowOf = new Map((await meetingsForUpdate(tx, e.id, ids)).map((r) => [r.id, r]));
    const items: PlaceItem[] = changed.map((c) => {
      const m = rowOf.get(c.id)!;
      return { meeting: m, to: c.to ? { slotId: c.to.slot, tableNo: c.to.table, interpreterUserId: c.to.interpreter ?? m.interpreterUserId } : null };
    });
    const affected = await audienceOfChange(tx, changed.map((c) => ({ meeting: rowOf.get(c.id)!, interpreters: [c.from?.interpreter, c.to?.interpreter] })));
    const { version } = await applySchedulePlacements(tx, ctx, e, items);
    const after = fingerprint(await buildExport(tx, e, now));
    const st = { stage, version, appliedRunId: run!.id, appliedFingerprint: after, appliedAt: now, appliedBy: ctx.actor!.userId };
    await tx.insert(eventScheduleState).values({ eventId: e.id, ...st }).onConflictDoUpdate({ target: eventScheduleState.eventId, set: st });
    const notified = await tellAgendaChanged(tx, ctx, e, affected, stage);
    await audit(tx, ctx, { entityType: 'event', entityId: e.id, action: 'schedule_apply',
      changes: { runId: run!.id, stage, version, changedMeetings: ids.length, notified, unscheduled: proposal!.unscheduled.length } });
    return { stage, version, changedMeetings: ids.length, notified };
  }));
}

export async function setLocked(ctx: RequestContext, eventId: string, meetingId: string, locked: boolean) {
  if (!canRunSchedule(ctx.actor)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const e = await loadEvent(tx, eventId);
    const m = await meetingOfEventForUpdate(tx, e.id, meetingId);
    if (locked && (m.status !== 'scheduled' || !m.slotId)) throw new AppError('meeting_not_scheduled');
    await setMeetingLock(tx, ctx, m.id, { locked });
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
    const m = await meetingOfEventForUpdate(tx, e.id, meetingId);
    if (!['accepted', 'scheduled'].includes(m.status)) throw new AppError('meeting_not_accepted');
    const from = { slotId: m.slotId, tableNo: m.tableNo };
    const r = await bookMeeting(tx, ctx, e, m, body.slotId, body.table);
    const published = m.published || e.schedulePublishedAt !== null;
    await setMeetingLock(tx, ctx, m.id, { locked: body.lock, published });
    await audit(tx, ctx, { entityType: 'meeting', entityId: m.id, action: 'move', changes: { from, to: { slotId: r.slotId, tableNo: r.tableNo }, locked: body.lock } });
    if (published) {
      const [st] = await tx.select().from(eventScheduleState).where(eq(eventScheduleState.eventId, e.id));
      await tellAgendaChanged(tx, ctx, e, await audienceOfChange(tx, [{ meeting: m, interpreters: [] }]), (st?.stage as ApplyStage) ?? 'preliminary');
    }
    return { slotId: r.slotId, tableNo: r.tableNo, locked: body.lock };
  }));
}
