// The organiser's console end to end on an on-site event with two tables: run → proposal → apply → lock → late
// request → incremental re-run; refusals (concurrency, stale run, manual conflicts) and who may do what.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq, inArray } from 'drizzle-orm';
import { createTestApp, roleClients, type TestApp } from '../../testing/test-app.ts';
import { createEvent, participant } from '../events/testing.ts';
import { meetings, meetingSlotOccupancy, notifications, mailOutbox } from '../../db/schema/index.ts';
import { validateSchedule } from '../../engines/scheduler/index.ts';
import { toSolverInput, type EventExport } from './proposal.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: true }); c = await roleClients(t); });
after(async () => { await t.close(); });

type Person = Awaited<ReturnType<typeof participant>>;
type RunDetail = { status: string; progress: number; best: Record<string, unknown> | null; proposal: {
  summary: Record<string, number>; placements: Record<string, { slot: string; table: number | null }>; unscheduled: { meeting: string; reason: string }[];
  changes: { meeting: string }[]; affected: Record<string, string[]>; violations: string[] } | null; people: Record<string, { name: string }> };

async function setup() {
  const venues = [{ id: 'park', name: { ru: 'Технопарк', zh: '科技园', en: 'Technopark' }, address: {}, rooms: [{ id: 'hall', name: { ru: 'Зал А', zh: 'A厅', en: 'Hall A' } }] }];
  const ev = await createEvent(c.organiser, { format: 'onsite', bookingMode: 'organiser', requestsNeedAcceptance: false, venues }, { tables: 2, roomId: 'hall' });
  const p: Person[] = [];
  for (let i = 0; i < 6; i++) p.push(await participant(t, ev.id, { lang: (['ru', 'zh', 'en'] as const)[i % 3] }));
  const meet = async (from: Person, to: Person[], priority: 'must' | 'would' = 'would') => {
    const r = await from.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: to.map((x) => x.id), message: 'hello', priority });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(r.json().status, 'accepted');
    return r.json().id as string;
  };
  const ids = [
    await meet(p[0], [p[1]], 'must'), await meet(p[0], [p[2]]), await meet(p[0], [p[3]]), await meet(p[1], [p[2]]),
    await meet(p[3], [p[4]]), await meet(p[4], [p[5]]), await meet(p[2], [p[5]]), await meet(p[0], [p[4], p[5]]), // a group meeting
  ];
  // p0 cannot make the first slot.
  assert.equal((await p[0].c.put(`/api/events/${ev.id}/unavailability`, { slotIds: [ev.slots[0].id] })).statusCode, 200);
  return { ev, p, ids };
}

async function runAndWait(eventId: string, body: Record<string, unknown>) {
  const r = await c.organiser.post(`/api/events/${eventId}/scheduling/runs`, body);
  assert.equal(r.statusCode, 202, r.body);
  const runId = r.json().id as string;
  await t.jobs.drain();
  const d = await c.organiser.get(`/api/events/${eventId}/scheduling/runs/${runId}`);
  assert.equal(d.statusCode, 200, d.body);
  return { runId, run: d.json() as RunDetail };
}

const rowsOf = (ids: string[]) => t.deps.db.select().from(meetings).where(inArray(meetings.id, ids));

test('schedule all, count first: the objective reaches the engine and the bound comes with the progress', async () => {
  const { ev } = await setup();
  const bad = await c.organiser.post(`/api/events/${ev.id}/scheduling/runs`, { timeLimitSeconds: 2, objective: 'breaks' });
  assert.equal(bad.statusCode, 400);
  const started = await c.organiser.post(`/api/events/${ev.id}/scheduling/runs`, { timeLimitSeconds: 2, seed: 3, objective: 'count' });
  assert.equal(started.statusCode, 202, started.body);
  await t.jobs.drain();
  const run = (await c.organiser.get(`/api/events/${ev.id}/scheduling/runs/${started.json().id}`)).json() as RunDetail;
  assert.equal(run.status, 'done');
  assert.equal(run.proposal!.summary.objective, 'count');
  assert.equal(run.proposal!.summary.scheduled, 8);
  assert.equal(run.proposal!.summary.moreMeetingsAtMost, 0);
  const best = run.best as { objective?: string; upperBound?: number } | null;
  assert.equal(best?.objective, 'count');
  assert.ok((best?.upperBound ?? 0) >= 8, JSON.stringify(best));
});

test('schedule all: a valid proposal with its certificate and changes, applied through the booking constraints', async () => {
  const { ev, p, ids } = await setup();
  const input = (await c.organiser.get(`/api/events/${ev.id}/scheduling/input.json`));
  assert.equal(input.statusCode, 200, input.body);
  assert.match(String(input.headers['content-disposition']), /attachment/);
  const exported = input.json() as EventExport;
  assert.equal(exported.slots.length, 6);
  assert.equal(exported.tables, 2);
  assert.equal(exported.meetings.length, 8);
  assert.deepEqual(exported.meetings.map((m) => m.priority).sort(), [2, 2, 2, 2, 2, 2, 2, 3]);
  assert.equal(exported.meetings.find((m) => m.participants.length === 3)?.kind, 'group');
  assert.deepEqual(exported.participants.find((x) => x.id === p[0].id)?.unavailableSlots, [ev.slots[0].id]);

  // Only one run per event at a time; the refusal speaks the organiser's language (Russian).
  const first = await c.organiser.post(`/api/events/${ev.id}/scheduling/runs`, { timeLimitSeconds: 2, seed: 3 });
  assert.equal(first.statusCode, 202, first.body);
  const second = await c.organiser.post(`/api/events/${ev.id}/scheduling/runs`, { timeLimitSeconds: 2 });
  assert.equal(second.statusCode, 409);
  assert.match(second.json().error.message, /уже идёт/);
  const queued = (await c.organiser.get(`/api/events/${ev.id}/scheduling/runs/${first.json().id}`)).json();
  assert.equal(queued.status, 'queued');
  assert.equal(queued.proposal, null);

  await t.jobs.drain();
  const run = (await c.organiser.get(`/api/events/${ev.id}/scheduling/runs/${first.json().id}`)).json() as RunDetail;
  assert.equal(run.status, 'done');
  assert.equal(run.progress, 1);
  const pr = run.proposal!;
  assert.deepEqual(pr.violations, []);
  assert.equal(pr.summary.scheduled, 8, JSON.stringify(pr.unscheduled));
  assert.equal(pr.summary.weight, 17);
  assert.ok(pr.summary.upperBound >= pr.summary.weight);
  assert.equal(pr.summary.moreMeetingsAtMost, 0);
  // An independent check on the exported input: nobody double-booked, availability and tables respected.
  const assignments = Object.entries(pr.placements).map(([meeting, x]) => ({ meeting, slot: x.slot, table: x.table ?? undefined }));
  assert.deepEqual(validateSchedule(toSolverInput(exported), assignments).violations, []);
  const seen = new Set<string>();
  for (const m of exported.meetings) {
    const at = pr.placements[m.id];
    assert.ok(at.table! >= 1 && at.table! <= 2);
    assert.ok(!seen.has(`${at.slot}|${at.table}`), 'a table holds one meeting per slot');
    seen.add(`${at.slot}|${at.table}`);
    for (const who of m.participants) { assert.ok(!seen.has(`${who}@${at.slot}`)); seen.add(`${who}@${at.slot}`); }
  }
  assert.notEqual(pr.placements[ids[0]].slot, ev.slots[0].id, 'p0 is unavailable in the first slot');
  assert.equal(pr.changes.length, 8);
  assert.equal(Object.keys(pr.affected).length, 6);
  assert.ok(run.people[p[0].id].name.startsWith('Person'));

  // Nothing is written before the organiser applies.
  assert.ok((await rowsOf(ids)).every((m) => m.status === 'accepted' && m.slotId === null));
  const applied = await c.organiser.post(`/api/events/${ev.id}/scheduling/runs/${first.json().id}/apply`, { stage: 'preliminary' });
  assert.equal(applied.statusCode, 200, applied.body);
  assert.deepEqual(applied.json(), { stage: 'preliminary', version: 1, changedMeetings: 8, notified: 6 });
  const rows = await rowsOf(ids);
  for (const m of rows) {
    assert.equal(m.status, 'scheduled');
    assert.equal(m.slotId, pr.placements[m.id].slot);
    assert.equal(m.tableNo, pr.placements[m.id].table);
    assert.equal(m.published, true);
    assert.equal(m.icsSequence, 1);
  }
  const occ = await t.deps.db.select().from(meetingSlotOccupancy).where(inArray(meetingSlotOccupancy.meetingId, ids));
  assert.equal(occ.length, 17, 'seven bilateral meetings and one of three people');
  const ics = await p[1].c.get(`/api/meetings/${ids[0]}/ics`);
  assert.match(ics.body, new RegExp(`UID:meeting-${ids[0]}@synergy`));
  assert.match(ics.body, /SEQUENCE:1/);
  const notes = await t.deps.db.select().from(notifications).where(eq(notifications.kind, 'scheduling.agenda_changed'));
  assert.equal(notes.filter((n) => p.some((x) => x.id === n.userId)).length, 6);
  const mailZh = (await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.toEmail, p[1].email))).find((m) => m.template === 'scheduling_agenda_changed');
  assert.match(mailZh!.subject, /初步/);
  assert.match(mailZh!.text, /长春|明斯克/, 'times are given in the reader’s zone with the other side’s city');
  assert.match(mailZh!.text, /号桌 — A厅, 科技园/, 'table, room and venue in the reader’s language');

  // The same run applied again as final changes nothing and tells nobody.
  const final = await c.organiser.post(`/api/events/${ev.id}/scheduling/runs/${first.json().id}/apply`, { stage: 'final' });
  assert.deepEqual(final.json(), { stage: 'final', version: 2, changedMeetings: 0, notified: 0 });
  assert.equal((await c.organiser.get(`/api/events/${ev.id}/scheduling`)).json().stage, 'final');

  // A late request makes the run stale: applying it again is refused with a request to re-run.
  const p6 = await participant(t, ev.id);
  const late = (await p6.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [p[1].id], message: 'late' })).json().id as string;
  const stale = await c.organiser.post(`/api/events/${ev.id}/scheduling/runs/${first.json().id}/apply`, { stage: 'final' });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().error.code, 'schedule_changed');

  // Lock one meeting, re-run incrementally with moves allowed: the locked one stays, the late one is placed.
  assert.equal((await c.organiser.post(`/api/events/${ev.id}/meetings/${ids[0]}/lock`)).json().locked, true);
  const before = new Map((await rowsOf(ids)).map((m) => [m.id, m.slotId]));
  const { runId, run: rerun } = await runAndWait(ev.id, { timeLimitSeconds: 2, incremental: true, allowMoves: false });
  assert.deepEqual(rerun.proposal!.violations, []);
  assert.equal(rerun.proposal!.summary.scheduled, 9);
  assert.equal(rerun.proposal!.placements[ids[0]].slot, before.get(ids[0]));
  assert.deepEqual(rerun.proposal!.changes.map((x) => x.meeting), [late], 'published meetings stay where they are');
  const re = await c.organiser.post(`/api/events/${ev.id}/scheduling/runs/${runId}/apply`, { stage: 'final' });
  assert.deepEqual(re.json(), { stage: 'final', version: 3, changedMeetings: 1, notified: 2 });
  const [lateRow] = await rowsOf([late]);
  assert.equal(lateRow.status, 'scheduled');
  assert.equal((await rowsOf([ids[1]]))[0].icsSequence, 1, 'unchanged meetings keep their SEQUENCE');
});

test('manual moves refuse conflicts; locks need a slot; a moved meeting is locked where it was put', async () => {
  const { ev, p, ids } = await setup();
  const { runId } = await runAndWait(ev.id, { timeLimitSeconds: 1 });
  assert.equal((await c.organiser.post(`/api/events/${ev.id}/scheduling/runs/${runId}/apply`, { stage: 'preliminary' })).statusCode, 200);
  const rows = new Map((await rowsOf(ids)).map((m) => [m.id, m]));
  // ids[2] is p0–p3; ids[0] is p0–p1: p0 is busy in ids[0]'s slot.
  const clash = await c.organiser.post(`/api/events/${ev.id}/meetings/${ids[2]}/move`, { slotId: rows.get(ids[0])!.slotId });
  assert.equal(clash.statusCode, 409);
  assert.equal(clash.json().error.code, 'participant_busy');
  const unavailable = await c.organiser.post(`/api/events/${ev.id}/meetings/${ids[2]}/move`, { slotId: ev.slots[0].id });
  assert.equal(unavailable.statusCode, 409);
  assert.equal(unavailable.json().error.code, 'slot_unavailable');
  // A slot where p0 and p3 are both free (the move dialog lists exactly these).
  const free = (await c.organiser.get(`/api/meetings/${ids[2]}/free-slots`)).json() as { id: string }[];
  if (free.length) {
    const moved = await c.organiser.post(`/api/events/${ev.id}/meetings/${ids[2]}/move`, { slotId: free[0].id });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().locked, true);
    const [m] = await rowsOf([ids[2]]);
    assert.equal(m.slotId, free[0].id);
    assert.equal(m.icsSequence, 2);
    assert.equal(m.locked, true);
    const occ = await t.deps.db.select().from(meetingSlotOccupancy).where(eq(meetingSlotOccupancy.meetingId, ids[2]));
    assert.deepEqual(occ.map((o) => o.slotId), [free[0].id, free[0].id]);
  }
  // Locking needs a slot.
  const unscheduled = await setupLock(ev.id);
  assert.equal(unscheduled.statusCode, 409);
  assert.equal(unscheduled.json().error.code, 'meeting_not_scheduled');

  // Even when published meetings may move, locked ones stay: p0 gets a late request in a full agenda.
  assert.equal((await c.organiser.post(`/api/events/${ev.id}/meetings/${ids[0]}/lock`)).statusCode, 200);
  const late = await participant(t, ev.id);
  await late.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [p[0].id], message: 'late', priority: 'must' });
  const locked = new Map((await rowsOf(ids)).filter((m) => m.locked).map((m) => [m.id, m.slotId]));
  assert.ok(locked.size >= 1);
  const { run } = await runAndWait(ev.id, { timeLimitSeconds: 1, incremental: true, allowMoves: true });
  assert.deepEqual(run.proposal!.violations, []);
  for (const [id, slotId] of locked) assert.equal(run.proposal!.placements[id].slot, slotId, 'a locked meeting keeps its slot');
});

async function setupLock(eventId: string) {
  const q = await participant(t, eventId);
  const r = await participant(t, eventId);
  const id = (await q.c.post(`/api/events/${eventId}/meetings`, { inviteeUserIds: [r.id], message: 'x' })).json().id;
  return c.organiser.post(`/api/events/${eventId}/meetings/${id}/lock`);
}

test('participants, experts and anonymous visitors cannot run, see or apply schedules', async () => {
  const ev = await createEvent(c.organiser, { format: 'online', bookingMode: 'organiser' });
  for (const who of [c.participant, c.expert, c.anonymous]) {
    const status = who === c.anonymous ? 401 : 403;
    assert.equal((await who.post(`/api/events/${ev.id}/scheduling/runs`, {})).statusCode, status);
    assert.equal((await who.get(`/api/events/${ev.id}/scheduling`)).statusCode, status);
    assert.equal((await who.get(`/api/events/${ev.id}/scheduling/input.json`)).statusCode, status);
  }
  const { runId, run } = await runAndWait(ev.id, { timeLimitSeconds: 1 });
  assert.equal(run.proposal!.summary.requested, 0);
  for (const who of [c.participant, c.expert, c.anonymous]) {
    assert.equal((await who.get(`/api/events/${ev.id}/scheduling/runs/${runId}`)).statusCode, who === c.anonymous ? 401 : 403);
    assert.equal((await who.post(`/api/events/${ev.id}/scheduling/runs/${runId}/apply`, { stage: 'final' })).statusCode, who === c.anonymous ? 401 : 403);
  }
  // A queued run can be stopped by an organiser, not by a participant; then it never runs.
  const queued = (await c.organiser.post(`/api/events/${ev.id}/scheduling/runs`, {})).json().id as string;
  assert.equal((await c.participant.post(`/api/events/${ev.id}/scheduling/runs/${queued}/cancel`)).statusCode, 403);
  assert.equal((await c.organiser.post(`/api/events/${ev.id}/scheduling/runs/${queued}/cancel`)).statusCode, 200);
  await t.jobs.drain();
  assert.equal((await c.organiser.get(`/api/events/${ev.id}/scheduling/runs/${queued}`)).json().status, 'cancelled');
  assert.equal((await c.organiser.post(`/api/events/${ev.id}/scheduling/runs/${queued}/cancel`)).statusCode, 409);
  // An administrator may; a run of another event is not found under this one.
  assert.equal((await c.admin.get(`/api/events/${ev.id}/scheduling/runs/${runId}`)).statusCode, 200);
  const other = await createEvent(c.organiser, { format: 'online' });
  assert.equal((await c.organiser.get(`/api/events/${other.id}/scheduling/runs/${runId}`)).statusCode, 404);
});
