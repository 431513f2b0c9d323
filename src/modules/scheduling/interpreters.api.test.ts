// Interpreters in "Schedule all": meetings whose attendees need interpretation get an interpreter who covers both
// languages, never two meetings at once, and the interpreter's occupancy rows are written on apply.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eq, inArray } from 'drizzle-orm';
import { createTestApp, roleClients, signUp, type TestApp } from '../../testing/test-app.ts';
import { createEvent } from '../events/testing.ts';
import { meetings, meetingSlotOccupancy } from '../../db/schema/index.ts';
import type { EventExport } from './proposal.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: true }); c = await roleClients(t); });
after(async () => { await t.close(); });

let n = 0;
async function person(eventId: string, body: Record<string, unknown>, timezone = 'Europe/Minsk') {
  const email = `i${++n}-${Math.random().toString(36).slice(2, 7)}@example.org`;
  const cl = await signUp(t, { email, timezone, country: timezone === 'Asia/Shanghai' ? 'CN' : 'BY' });
  const r = await cl.post(`/api/events/${eventId}/registration`, body);
  assert.equal(r.statusCode, 201, r.body);
  return { c: cl, id: (await cl.get('/api/me')).json().id as string };
}

test('meetings that need interpretation get a free interpreter covering both languages', async () => {
  // Two slots only: the two ru–zh meetings share one interpreter, so they must go to different slots.
  const ev = await createEvent(c.organiser, { format: 'online', bookingMode: 'organiser', requestsNeedAcceptance: false },
    { startsLocal: '2026-04-15T10:00', endsLocal: '2026-04-15T11:00', slotMinutes: 30 });
  const interpreter = await person(ev.id, { role: 'interpreter', languages: ['ru', 'zh'] });
  const ru1 = await person(ev.id, { languages: ['ru'], needsInterpreter: true });
  const ru2 = await person(ev.id, { languages: ['ru'], needsInterpreter: true });
  const zh1 = await person(ev.id, { languages: ['zh'] }, 'Asia/Shanghai');
  const zh2 = await person(ev.id, { languages: ['zh'] }, 'Asia/Shanghai');
  const ru3 = await person(ev.id, { languages: ['ru'] });
  const a = (await ru1.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [zh1.id], message: 'a' })).json().id as string;
  const b = (await ru2.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [zh2.id], message: 'b' })).json().id as string;
  const same = (await ru3.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [ru1.id], message: 'no interpreter needed' })).json().id as string;

  const x = (await c.organiser.get(`/api/events/${ev.id}/scheduling/input.json`)).json() as EventExport;
  assert.equal(x.tables, null);
  assert.ok(x.meetings.every((m) => m.mode === 'online'));
  assert.deepEqual(x.interpreters.map((i) => [i.id, i.languages]), [[interpreter.id, ['ru', 'zh']]]);
  assert.deepEqual(x.meetings.find((m) => m.id === a)!.needsInterpreter, ['ru', 'zh']);
  assert.deepEqual(x.meetings.find((m) => m.id === same)!.needsInterpreter, []);
  assert.equal(x.participants.find((p) => p.id === zh1.id)!.timezone, 'Asia/Shanghai');

  const start = await c.organiser.post(`/api/events/${ev.id}/scheduling/runs`, { timeLimitSeconds: 1 });
  assert.equal(start.statusCode, 202, start.body);
  await t.jobs.drain();
  const run = (await c.organiser.get(`/api/events/${ev.id}/scheduling/runs/${start.json().id}`)).json();
  const pl = run.proposal.placements;
  assert.deepEqual(run.proposal.violations, []);
  assert.equal(run.proposal.summary.scheduled, 3);
  assert.equal(pl[a].interpreter, interpreter.id);
  assert.equal(pl[b].interpreter, interpreter.id);
  assert.notEqual(pl[a].slot, pl[b].slot, 'one interpreter, one meeting at a time');
  assert.equal(pl[same].interpreter, null);
  assert.equal(pl[a].table, null, 'online meetings use no table');

  assert.equal((await c.organiser.post(`/api/events/${ev.id}/scheduling/runs/${start.json().id}/apply`, { stage: 'final' })).statusCode, 200);
  const rows = await t.deps.db.select().from(meetings).where(inArray(meetings.id, [a, b]));
  assert.ok(rows.every((m) => m.interpreterUserId === interpreter.id && m.videoUrl));
  const occ = await t.deps.db.select().from(meetingSlotOccupancy).where(eq(meetingSlotOccupancy.userId, interpreter.id));
  assert.equal(occ.length, 2);
  // The interpreter is told too (their agenda changed).
  const mine = (await interpreter.c.get(`/api/events/${ev.id}/my-meetings`)).json() as { id: string }[];
  assert.deepEqual(mine.map((m) => m.id).sort(), [a, b].sort());
});
