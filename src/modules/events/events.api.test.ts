// Events, agenda and registration through the API, for every role.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, roleClients, type TestApp } from '../../testing/test-app.ts';
import { baseEvent, createEvent, participant } from './testing.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: true }); c = await roleClients(t); });
after(async () => { await t.close(); });

test('only organisers and administrators create events; times are entered in the event zone', async () => {
  for (const who of ['participant', 'expert'] as const) assert.equal((await c[who].post('/api/events', baseEvent())).statusCode, 403);
  assert.equal((await c.anonymous.post('/api/events', baseEvent())).statusCode, 401);
  const r = await c.admin.post('/api/events', baseEvent({ timezone: 'Asia/Shanghai', startsLocal: '2026-05-20T14:00', endsLocal: '2026-05-20T18:00' }));
  assert.equal(r.statusCode, 201);
  const e = (await c.anonymous.get(`/api/events/${r.json().id}`)).json();
  assert.equal(e.startsAt, '2026-05-20T06:00:00.000Z'); // 14:00 in Changchun = 06:00 UTC = 09:00 Minsk
  const dup = await c.organiser.post('/api/events', baseEvent({ slug: e.slug }));
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().error.code, 'event_slug_taken');
});

test('a meeting block is split into slots of its length with pauses; a slot never overruns the block', async () => {
  const ev = await createEvent(c.organiser, {}, { startsLocal: '2026-04-15T10:00', endsLocal: '2026-04-15T11:00', slotMinutes: 20, pauseMinutes: 5 });
  assert.deepEqual(ev.slots.map((s) => s.startsAt), ['2026-04-15T07:00:00.000Z', '2026-04-15T07:25:00.000Z']);
  const bad = await c.organiser.post(`/api/events/${ev.id}/sessions`, { kind: 'meeting_block', title: { en: 'x' }, startsLocal: '2026-04-15T10:00', endsLocal: '2026-04-15T11:00', slotMinutes: 10 });
  assert.equal(bad.statusCode, 400);
  const plenary = await c.organiser.post(`/api/events/${ev.id}/sessions`, {
    kind: 'round_table', title: { en: 'Round table' }, topic: { ru: 'Взаимодействие бизнеса и науки' }, moderator: 'A. Moderator',
    speakers: [{ name: 'Speaker One' }], startsLocal: '2026-04-15T09:00', endsLocal: '2026-04-15T10:00',
  });
  assert.equal(plenary.statusCode, 201);
  const agenda = (await c.anonymous.get(`/api/events/${ev.slug}/agenda`)).json();
  assert.deepEqual(agenda.map((s: { kind: string }) => s.kind), ['round_table', 'meeting_block']);
  assert.equal(agenda[0].speakers[0].name, 'Speaker One');
  assert.equal((await c.participant.post(`/api/events/${ev.id}/sessions`, { kind: 'pause', title: { en: 'x' }, startsLocal: '2026-04-15T09:00', endsLocal: '2026-04-15T10:00' })).statusCode, 403);
});

test('drafts and invitation-only events are hidden from those who may not see them', async () => {
  const draft = (await c.organiser.post('/api/events', baseEvent({ status: 'draft' }))).json().id;
  assert.equal((await c.anonymous.get(`/api/events/${draft}`)).statusCode, 404);
  assert.equal((await c.participant.get(`/api/events/${draft}`)).statusCode, 404);
  assert.equal((await c.organiser.get(`/api/events/${draft}`)).statusCode, 200);
  assert.ok(!(await c.participant.get('/api/events')).json().some((e: { id: string }) => e.id === draft));
  const closed = (await c.organiser.post('/api/events', baseEvent({ visibility: 'invitation' }))).json().id;
  assert.equal((await c.expert.get(`/api/events/${closed}`)).statusCode, 404);
  assert.equal((await c.participant.post(`/api/events/${closed}/registration`, {})).statusCode, 404);
});

test('registration opens and closes on its dates', async () => {
  const r = await c.organiser.post('/api/events', baseEvent({ registrationOpensLocal: '2026-03-03T09:00', registrationClosesLocal: '2026-03-09T18:00' }));
  const id = r.json().id;
  const early = await c.participant.post(`/api/events/${id}/registration`, {});
  assert.equal(early.json().error.code, 'registration_closed');
  t.clock.set('2026-03-03T06:00:00Z'); // 09:00 Minsk
  assert.equal((await c.participant.post(`/api/events/${id}/registration`, {})).json().status, 'approved');
  assert.equal((await c.participant.post(`/api/events/${id}/registration`, {})).json().error.code, 'already_registered');
  t.clock.set('2026-03-09T15:00:00Z'); // 18:00 Minsk: closed
  assert.equal((await c.expert.post(`/api/events/${id}/registration`, {})).json().error.code, 'registration_closed');
});

test('capacity fills, late comers wait, and a freed place promotes the first in line (who is told)', async () => {
  const ev = await createEvent(c.organiser, { capacity: 2 });
  const a = await participant(t, ev.id);
  const b = await participant(t, ev.id);
  const w1 = await participant(t, ev.id, { lang: 'zh' });
  const w2 = await participant(t, ev.id);
  const mine = async (p: typeof a) => (await p.c.get(`/api/events/${ev.id}`)).json().myRegistration.status;
  assert.deepEqual([await mine(a), await mine(b), await mine(w1), await mine(w2)], ['approved', 'approved', 'waitlisted', 'waitlisted']);
  assert.equal((await b.c.delete(`/api/events/${ev.id}/registration`)).json().promoted, 1);
  assert.equal(await mine(w1), 'approved');
  assert.equal(await mine(w2), 'waitlisted');
  const mail = (await c.admin.get('/api/admin/outbox', { query: { to: w1.email } })).json();
  assert.ok(mail.items.some((m: { template: string; subject: string }) => m.template === 'events_registration_promoted' && /有空位/.test(m.subject)));
});

test('with organiser approval registrations wait; organisers approve; participants see only approved attendees without emails', async () => {
  const ev = await createEvent(c.organiser, { approvalMode: 'manual' });
  const p = await participant(t, ev.id);
  assert.equal((await p.c.get(`/api/events/${ev.id}`)).json().myRegistration.status, 'pending');
  assert.equal((await p.c.get(`/api/events/${ev.id}/registrations`)).statusCode, 403);
  const regs = (await c.organiser.get(`/api/events/${ev.id}/registrations`)).json();
  assert.equal(regs[0].email, p.email);
  assert.equal((await c.participant.put(`/api/event-registrations/${regs[0].id}/status`, { status: 'approved' })).statusCode, 403);
  assert.equal((await c.organiser.put(`/api/event-registrations/${regs[0].id}/status`, { status: 'approved' })).json().status, 'approved');
  const seen = (await p.c.get(`/api/events/${ev.id}/registrations`)).json();
  assert.equal(seen.length, 1);
  assert.equal(seen[0].email, undefined);
  assert.equal((await c.anonymous.get(`/api/events/${ev.id}/registrations`)).statusCode, 401);
});

test('registrants mark slots when they are unavailable; those slots are not offered for their meetings', async () => {
  const ev = await createEvent(c.organiser);
  const a = await participant(t, ev.id);
  const b = await participant(t, ev.id);
  assert.equal((await a.c.put(`/api/events/${ev.id}/unavailability`, { slotIds: [ev.slots[0].id, ev.slots[1].id] })).statusCode, 200);
  assert.equal((await a.c.get(`/api/events/${ev.id}/unavailability`)).json().slotIds.length, 2);
  const m = (await b.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [a.id] })).json().id;
  const free = (await a.c.get(`/api/meetings/${m}/free-slots`)).json().map((s: { id: string }) => s.id);
  assert.equal(free.length, ev.slots.length - 2);
  assert.ok(!free.includes(ev.slots[0].id));
  const r = await a.c.post(`/api/meetings/${m}/accept`, { slotId: ev.slots[0].id });
  assert.equal(r.json().error.code, 'slot_unavailable');
});

test('with the "link" video provider, meetings get the link pasted for the block\'s room (e.g. Tencent Meeting)', async () => {
  const venues = [{ id: 'v1', name: { en: 'Online' }, address: {}, rooms: [{ id: 'r1', name: { en: 'Room A' }, videoUrl: 'https://meeting.tencent.com/dm/abc123' }] }];
  assert.equal((await c.organiser.post('/api/events', baseEvent({ videoProvider: 'link' }))).json().error.fields[0].path, 'videoLink');
  const ev = await createEvent(c.organiser, { videoProvider: 'link', venues }, { roomId: 'r1' });
  const [a, b] = [await participant(t, ev.id), await participant(t, ev.id)];
  const id = (await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [b.id] })).json().id;
  assert.equal((await b.c.post(`/api/meetings/${id}/accept`, { slotId: ev.slots[0].id })).json().videoUrl, 'https://meeting.tencent.com/dm/abc123');
  // Organisers see the event-wide link; participants do not get it from the event page.
  assert.equal((await a.c.get(`/api/events/${ev.id}`)).json().videoLink, null);
});

test('organisers attach the round table resolution afterwards; a block with booked meetings keeps its timing', async () => {
  const ev = await createEvent(c.organiser);
  const rt = (await c.organiser.post(`/api/events/${ev.id}/sessions`, { kind: 'round_table', title: { en: 'RT' }, startsLocal: '2026-04-15T09:00', endsLocal: '2026-04-15T10:00' })).json().id;
  const upd = await c.organiser.put(`/api/event-sessions/${rt}`, { kind: 'round_table', title: { en: 'RT' }, startsLocal: '2026-04-15T09:00', endsLocal: '2026-04-15T10:00', minutes: { en: 'Agreed to prepare joint applications.' } });
  assert.equal(upd.statusCode, 200);
  const agenda = (await c.anonymous.get(`/api/events/${ev.id}/agenda`)).json();
  assert.equal(agenda.find((s: { id: string }) => s.id === rt).minutes.en, 'Agreed to prepare joint applications.');
  const block = agenda.find((s: { kind: string }) => s.kind === 'meeting_block');
  const [a, b] = [await participant(t, ev.id), await participant(t, ev.id)];
  const id = (await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [b.id] })).json().id;
  await b.c.post(`/api/meetings/${id}/accept`, { slotId: ev.slots[0].id });
  const move = await c.organiser.put(`/api/event-sessions/${block.id}`, { kind: 'meeting_block', title: { en: 'Meetings' }, startsLocal: '2026-04-15T11:00', endsLocal: '2026-04-15T13:00', slotMinutes: 30 });
  assert.equal(move.json().error.code, 'block_has_meetings');
  // Renaming without changing the timing is fine and keeps the slots (and the meeting's slot).
  assert.equal((await c.organiser.put(`/api/event-sessions/${block.id}`, { kind: 'meeting_block', title: { en: 'Renamed' }, startsLocal: '2026-04-15T10:00', endsLocal: '2026-04-15T13:00', slotMinutes: 30, pauseMinutes: 0 })).statusCode, 200);
  assert.equal((await a.c.get(`/api/meetings/${id}`)).json().slotId, ev.slots[0].id);
});
