// Meeting requests from request to outcome, per role; expiry and reminders with the test clock.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, roleClients, type TestApp } from '../../testing/test-app.ts';
import { createEvent, participant } from './testing.ts';
import { outboxFor } from '../../platform/mail.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: true, env: { VIDEO_BASE_URL: 'https://meet.example.org' } }); c = await roleClients(t); });
after(async () => { await t.close(); });

const mails = (email: string) => outboxFor(t.deps.db, email);

test('only approved registrants request meetings, and only with approved registrants', async () => {
  const ev = await createEvent(c.organiser);
  const a = await participant(t, ev.id);
  const body = { inviteeUserIds: [a.id], message: 'Let us talk' };
  assert.equal((await c.participant.post(`/api/events/${ev.id}/meetings`, body)).json().error.code, 'not_registered');
  assert.equal((await c.anonymous.post(`/api/events/${ev.id}/meetings`, body)).statusCode, 401);
  const me = (await c.expert.get('/api/me')).json();
  assert.equal((await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [me.id] })).json().error.code, 'invitee_not_registered');
});

test('bilateral: request → the addressee is told in their language → accepts with a free common slot → both get the video room', async () => {
  const ev = await createEvent(c.organiser);
  const ru = await participant(t, ev.id, { lang: 'ru', timezone: 'Europe/Minsk' });
  const zh = await participant(t, ev.id, { lang: 'zh', timezone: 'Asia/Shanghai', country: 'CN' });
  const r = await ru.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [zh.id], message: 'Оптические датчики', priority: 'must' });
  assert.equal(r.json().status, 'requested');
  const id = r.json().id;
  const got = (await mails(zh.email)).find((m) => m.template === 'events_request_received')!;
  assert.match(got.subject, /新的会谈申请/);
  assert.equal((await zh.c.get(`/api/events/${ev.id}/my-meetings`)).json()[0].message, 'Оптические датчики');
  // The requester cannot accept their own request.
  assert.equal((await ru.c.post(`/api/meetings/${id}/accept`, {})).statusCode, 403);
  const free = (await zh.c.get(`/api/meetings/${id}/free-slots`)).json();
  assert.equal(free.length, ev.slots.length);
  const acc = await zh.c.post(`/api/meetings/${id}/accept`, { slotId: free[1].id });
  assert.equal(acc.statusCode, 200, acc.body);
  assert.equal(acc.json().status, 'scheduled');
  assert.match(acc.json().videoUrl, /^https:\/\/meet\.example\.org\/test-[a-z0-9]+-[0-9a-f]{32}$/);
  const seen = (await ru.c.get(`/api/meetings/${id}`)).json();
  assert.equal(seen.startsAt, free[1].startsAt);
  assert.equal(seen.videoUrl, acc.json().videoUrl);
  const told = (await mails(ru.email)).find((m) => m.template === 'events_meeting_scheduled')!;
  // 10:30 Minsk for the Russian reader, with Changchun's 15:30 alongside.
  assert.match(told.text, /10:30.*15:30 Чанчунь/);
  // In-app notification for the requester.
  const n = await t.deps.database.sql.query<{ kind: string }>(`SELECT kind FROM notifications WHERE user_id = $1 ORDER BY created_at`, [ru.id]);
  assert.ok(n.rows.some((x) => x.kind === 'events.meeting_scheduled'));
  // A second request between the same two is refused while this one is open.
  assert.equal((await zh.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [ru.id] })).json().error.code, 'meeting_exists');
});

test('a participant sees only their own meetings; organisers see all', async () => {
  const ev = await createEvent(c.organiser);
  const [a, b, x] = [await participant(t, ev.id), await participant(t, ev.id), await participant(t, ev.id)];
  const id = (await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [b.id], message: 'secret' })).json().id;
  assert.equal((await x.c.get(`/api/meetings/${id}`)).statusCode, 404);
  assert.equal((await x.c.get(`/api/meetings/${id}/free-slots`)).statusCode, 404);
  assert.equal((await x.c.get(`/api/events/${ev.id}/my-meetings`)).json().length, 0);
  assert.equal((await x.c.get(`/api/events/${ev.id}/meetings`)).statusCode, 403);
  assert.equal((await x.c.post(`/api/meetings/${id}/cancel`, {})).statusCode, 403);
  assert.equal((await c.organiser.get(`/api/meetings/${id}`)).json().message, 'secret');
  assert.equal((await c.organiser.get(`/api/events/${ev.id}/meetings`)).json().length, 1);
  assert.equal((await c.expert.get(`/api/meetings/${id}`)).statusCode, 404);
});

test('decline with a reason; cancel tells the other side and frees the slot', async () => {
  const ev = await createEvent(c.organiser);
  const [a, b] = [await participant(t, ev.id, { lang: 'en' }), await participant(t, ev.id)];
  const d = (await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [b.id] })).json().id;
  assert.equal((await b.c.post(`/api/meetings/${d}/decline`, { reason: 'Not our field' })).json().status, 'declined');
  assert.match((await mails(a.email)).find((m) => m.template === 'events_request_declined')!.text, /Not our field/);
  assert.equal((await b.c.post(`/api/meetings/${d}/accept`, {})).json().error.code, 'meeting_not_pending');

  const id = (await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [b.id] })).json().id;
  await b.c.post(`/api/meetings/${id}/accept`, { slotId: ev.slots[0].id });
  assert.equal((await b.c.post(`/api/meetings/${id}/cancel`, { reason: 'Flight changed' })).json().status, 'cancelled');
  assert.match((await mails(a.email)).find((m) => m.template === 'events_meeting_cancelled')!.text, /Flight changed/);
  const again = (await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [b.id] })).json().id;
  assert.equal((await b.c.post(`/api/meetings/${again}/accept`, { slotId: ev.slots[0].id })).json().status, 'scheduled');
});

test('group meetings bring up to six organisations; all invitees must answer', async () => {
  const ev = await createEvent(c.organiser);
  const ps: Awaited<ReturnType<typeof participant>>[] = [];
  for (let i = 0; i < 7; i++) ps.push(await participant(t, ev.id));
  // Each test participant has no organisation, so each counts as one: 1 + 6 invitees = 7 > 6.
  const tooMany = await ps[0].c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: ps.slice(1).map((p) => p.id) });
  assert.equal(tooMany.json().error.code, 'group_too_large');
  const g = await ps[0].c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [ps[1].id, ps[2].id] });
  const id = g.json().id;
  assert.equal((await ps[1].c.post(`/api/meetings/${id}/accept`, {})).json().status, 'requested');
  assert.equal((await ps[2].c.post(`/api/meetings/${id}/accept`, { slotId: ev.slots[4].id })).json().status, 'scheduled');
  const m = (await ps[0].c.get(`/api/meetings/${id}`)).json();
  assert.equal(m.kind, 'group');
  assert.equal(m.participants.length, 3);
  // One invitee withdraws: the meeting goes on for the others.
  assert.equal((await ps[1].c.post(`/api/meetings/${id}/cancel`, {})).json().status, 'scheduled');
  assert.equal((await ps[2].c.get(`/api/meetings/${id}`)).json().participants.find((p: { userId: string }) => p.userId === ps[1].id).response, 'declined');
});

test('the organiser\'s maximum of meetings per participant applies', async () => {
  const ev = await createEvent(c.organiser, { maxMeetingsPerParticipant: 1, requestsNeedAcceptance: false });
  const [a, b, d] = [await participant(t, ev.id), await participant(t, ev.id), await participant(t, ev.id)];
  // Auto-accepted: no answer needed.
  assert.equal((await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [b.id] })).json().status, 'accepted');
  assert.equal((await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [d.id] })).json().error.code, 'meeting_limit_reached');
});

test('in organiser-scheduled mode participants cannot pick slots; organisers book and assign interpreters without double-booking', async () => {
  const ev = await createEvent(c.organiser, { bookingMode: 'organiser' });
  const [a, b, d, e] = [await participant(t, ev.id), await participant(t, ev.id), await participant(t, ev.id), await participant(t, ev.id)];
  const interp = await participant(t, ev.id);
  await c.admin.post(`/api/events/${ev.id}/registration`, {});
  // Re-register the interpreter with the interpreter role.
  await interp.c.delete(`/api/events/${ev.id}/registration`);
  await interp.c.post(`/api/events/${ev.id}/registration`, { role: 'interpreter', languages: ['ru', 'zh'] });
  const m1 = (await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [b.id] })).json().id;
  const m2 = (await d.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [e.id] })).json().id;
  assert.equal((await b.c.post(`/api/meetings/${m1}/accept`, { slotId: ev.slots[0].id })).json().error.code, 'booking_by_organiser');
  await b.c.post(`/api/meetings/${m1}/accept`, {});
  await e.c.post(`/api/meetings/${m2}/accept`, {});
  assert.equal((await b.c.post(`/api/meetings/${m1}/book`, { slotId: ev.slots[0].id })).json().error.code, 'booking_by_organiser');
  assert.equal((await c.organiser.post(`/api/meetings/${m1}/book`, { slotId: ev.slots[0].id })).statusCode, 200);
  assert.equal((await c.organiser.post(`/api/meetings/${m2}/book`, { slotId: ev.slots[0].id })).statusCode, 200);
  // Not published yet: no video link visible to the calendar until the schedule is published.
  assert.equal((await a.c.get(`/api/meetings/${m1}`)).json().published, false);
  assert.equal((await c.organiser.put(`/api/meetings/${m1}/interpreter`, { userId: interp.id })).statusCode, 200);
  const busy = await c.organiser.put(`/api/meetings/${m2}/interpreter`, { userId: interp.id });
  assert.equal(busy.json().error.code, 'interpreter_busy');
  assert.equal((await c.organiser.put(`/api/meetings/${m2}/interpreter`, { userId: a.id })).statusCode, 400);
  assert.equal((await interp.c.get(`/api/meetings/${m1}`)).statusCode, 200);
});

test('unanswered requests expire by the background job; a late answer is refused', async () => {
  const ev = await createEvent(c.organiser, { requestExpiryHours: 48 });
  const [a, b, d] = [await participant(t, ev.id, { lang: 'ru' }), await participant(t, ev.id), await participant(t, ev.id)];
  const id = (await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [b.id] })).json().id;
  const id2 = (await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [d.id] })).json().id;
  t.clock.advance(47 * 3600_000);
  await t.jobs.send('events.expire-requests');
  await t.jobs.drain();
  assert.equal((await a.c.get(`/api/meetings/${id}`)).json().status, 'requested');
  t.clock.advance(2 * 3600_000);
  await t.jobs.send('events.expire-requests');
  await t.jobs.drain();
  assert.equal((await a.c.get(`/api/meetings/${id}`)).json().status, 'expired');
  assert.ok((await mails(a.email)).some((m) => m.template === 'events_request_expired' && /истёк/.test(m.subject)));
  assert.equal((await b.c.post(`/api/meetings/${id}/accept`, {})).json().error.code, 'meeting_not_pending');
  // The other one expired too (by the job), so a late acceptance is refused with a clear reason.
  assert.equal((await d.c.post(`/api/meetings/${id2}/accept`, {})).json().error.code, 'meeting_not_pending');
});

test('reminders go out N minutes before, once, in each person\'s zone; outcomes are recorded by both sides after the start', async () => {
  const ev = await createEvent(c.organiser, { reminderMinutes: 30 });
  const ru = await participant(t, ev.id, { lang: 'ru', timezone: 'Europe/Minsk' });
  const de = await participant(t, ev.id, { lang: 'en', timezone: 'Europe/Berlin', country: 'DE' });
  const id = (await ru.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [de.id] })).json().id;
  await de.c.post(`/api/meetings/${id}/accept`, { slotId: ev.slots[0].id }); // 10:00 Minsk = 07:00 UTC
  assert.equal((await ru.c.put(`/api/meetings/${id}/outcome`, { attendance: 'took_place' })).json().error.code, 'meeting_not_held');
  t.clock.set('2026-04-15T06:29:00Z');
  // Sessions would have expired over six weeks; sign the two in again.
  await ru.c.login(ru.email, 'correct horse battery');
  await de.c.login(de.email, 'correct horse battery');
  await t.jobs.send('events.reminders'); await t.jobs.drain();
  assert.ok(!(await mails(ru.email)).some((m) => m.template === 'events_reminder'));
  t.clock.set('2026-04-15T06:31:00Z');
  await t.jobs.send('events.reminders'); await t.jobs.drain();
  await t.jobs.send('events.reminders'); await t.jobs.drain();
  const ruRem = (await mails(ru.email)).filter((m) => m.template === 'events_reminder');
  const deRem = (await mails(de.email)).filter((m) => m.template === 'events_reminder');
  assert.equal(ruRem.length, 1);
  assert.match(ruRem[0].text, /10:00 \(15:00 Чанчунь\)/);
  assert.match(deRem[0].text, /09:00 \(10:00 Minsk\)/); // Berlin in April is on summer time (UTC+2); third-country readers get Minsk alongside
  t.clock.set('2026-04-15T07:40:00Z');
  await ru.c.login(ru.email, 'correct horse battery');
  await de.c.login(de.email, 'correct horse battery');
  assert.equal((await ru.c.put(`/api/meetings/${id}/outcome`, { attendance: 'took_place', outcomes: ['memorandum_planned'], note: 'MoU draft by June' })).statusCode, 200);
  assert.equal((await de.c.put(`/api/meetings/${id}/outcome`, { attendance: 'took_place', outcomes: ['memorandum_planned', 'follow_up'] })).statusCode, 200);
  await c.organiser.login('organiser@synergy.demo', 'synergy-2021');
  assert.equal((await c.organiser.put(`/api/meetings/${id}/outcome`, { attendance: 'no_show' })).statusCode, 403);
  assert.deepEqual((await ru.c.get(`/api/meetings/${id}`)).json().myOutcome.outcomes, ['memorandum_planned']);
  const stats = (await c.organiser.get(`/api/events/${ev.id}/stats`)).json();
  assert.equal(stats.meetings.held, 1);
  assert.deepEqual(stats.outcomes, { memorandum_planned: 1, follow_up: 1 });
  assert.equal(stats.requests.sent, 1);
});

test('organisers publish the schedule (everyone told, calendar entries appear), lock meetings, and send the follow-up survey', async () => {
  await c.organiser.login('organiser@synergy.demo', 'synergy-2021');
  const ev = await createEvent(c.organiser, { bookingMode: 'organiser', followUpUrl: 'https://survey.example.org/s/1' });
  const [a, b] = [await participant(t, ev.id, { lang: 'zh' }), await participant(t, ev.id)];
  const id = (await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [b.id] })).json().id;
  await b.c.post(`/api/meetings/${id}/accept`, {});
  await c.organiser.post(`/api/meetings/${id}/book`, { slotId: ev.slots[2].id });
  assert.equal((await a.c.get(`/api/meetings/${id}/ics`)).statusCode, 409); // not published yet
  assert.equal((await a.c.post(`/api/events/${ev.id}/schedule/publish`)).statusCode, 403);
  const pub = (await c.organiser.post(`/api/events/${ev.id}/schedule/publish`)).json();
  assert.deepEqual(pub, { version: 1, meetings: 1, notified: 2 });
  assert.equal((await a.c.get(`/api/meetings/${id}`)).json().published, true);
  assert.equal((await a.c.get(`/api/meetings/${id}/ics`)).statusCode, 200);
  assert.ok((await mails(a.email)).some((m) => m.template === 'events_schedule_published' && /会谈日程已发布/.test(m.subject)));
  assert.equal((await c.organiser.post(`/api/events/${ev.id}/meetings/${id}/lock`)).statusCode, 200);
  assert.equal((await a.c.get(`/api/meetings/${id}`)).json().locked, true);
  const f = (await c.organiser.post(`/api/events/${ev.id}/follow-up`)).json();
  assert.equal(f.notified, 2);
  assert.match((await mails(b.email)).find((m) => m.template === 'events_follow_up')!.text, /survey\.example\.org\/s\/1/);
});
