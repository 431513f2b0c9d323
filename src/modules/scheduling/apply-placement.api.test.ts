// The console's apply places meetings exactly as self-booking does (the room's own video link) and tells people
// through the platform's notices (disabled accounts hear nothing).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, roleClients, type TestApp } from '../../testing/test-app.ts';
import { createEvent, participant } from '../events/testing.ts';
import { mailOutbox, meetings, notifications } from '../../db/schema/index.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: true }); c = await roleClients(t); });
after(async () => { await t.close(); });

async function runAndApply(eventId: string) {
  const r = await c.organiser.post(`/api/events/${eventId}/scheduling/runs`, { timeLimitSeconds: 1, seed: 1 });
  assert.equal(r.statusCode, 202, r.body);
  await t.jobs.drain();
  const applied = await c.organiser.post(`/api/events/${eventId}/scheduling/runs/${r.json().id}/apply`, { stage: 'preliminary' });
  assert.equal(applied.statusCode, 200, applied.body);
  return applied.json() as { changedMeetings: number; notified: number };
}

test('apply gives an online meeting its room\'s own video link, as self-booking does', async () => {
  const link = 'https://meeting.tencent.com/dm/room-a';
  const venues = [{ id: 'v1', name: { en: 'Online' }, address: {}, rooms: [{ id: 'r1', name: { en: 'Room A' }, videoUrl: link }] }];
  const ev = await createEvent(c.organiser, { format: 'online', bookingMode: 'organiser', requestsNeedAcceptance: false, videoProvider: 'link',
    videoLink: 'https://meeting.tencent.com/dm/event-wide', venues }, { roomId: 'r1' });
  const [a, b] = [await participant(t, ev.id), await participant(t, ev.id)];
  const id = (await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [b.id], message: 'hello' })).json().id as string;
  assert.equal((await runAndApply(ev.id)).changedMeetings, 1);
  const [m] = await t.deps.db.select().from(meetings).where(eq(meetings.id, id));
  assert.equal(m.status, 'scheduled');
  assert.equal(m.videoUrl, link);
});

test('apply tells the people whose agenda changed, except disabled accounts', async () => {
  const ev = await createEvent(c.organiser, { format: 'onsite', bookingMode: 'organiser', requestsNeedAcceptance: false }, { tables: 2 });
  const [a, b, d] = [await participant(t, ev.id), await participant(t, ev.id), await participant(t, ev.id)];
  const ids = [
    (await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [b.id], message: 'x' })).json().id as string,
    (await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [d.id], message: 'y' })).json().id as string,
  ];
  assert.equal((await c.admin.put(`/api/admin/users/${d.id}/disabled`, { disabled: true })).statusCode, 200);
  const r = await runAndApply(ev.id);
  assert.equal(r.changedMeetings, 2);
  assert.equal(r.notified, 2, 'the disabled account is not counted as told');
  const placed = await t.deps.db.select().from(meetings).where(inArray(meetings.id, ids));
  assert.ok(placed.every((m) => m.status === 'scheduled'));
  const notesOf = async (userId: string) => t.deps.db.select().from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'scheduling.agenda_changed')));
  assert.equal((await notesOf(a.id)).length, 1);
  assert.equal((await notesOf(b.id)).length, 1);
  assert.equal((await notesOf(d.id)).length, 0, 'no notice for a disabled account');
  const mails = await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.toEmail, d.email));
  assert.equal(mails.filter((x) => x.template === 'scheduling_agenda_changed').length, 0, 'no mail for a disabled account');
  assert.equal((await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.toEmail, a.email))).filter((x) => x.template === 'scheduling_agenda_changed').length, 1);
});
