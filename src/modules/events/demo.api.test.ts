// The demo data: the 2021 exchange complete, and an upcoming event a newcomer can use end to end.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, roleClients, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: true }); c = await roleClients(t); });
after(async () => { await t.close(); });

test('the 2021 exchange: opening speeches, the round table, a 10:00–13:00 Minsk meeting block, meetings held with outcomes', async () => {
  const e = (await c.anonymous.get('/api/events/synergy-of-innovations-2021')).json();
  assert.equal(e.status, 'closed');
  assert.equal(e.organisers.length, 5);
  const agenda = (await c.anonymous.get('/api/events/synergy-of-innovations-2021/agenda')).json();
  assert.deepEqual(agenda.map((s: { kind: string }) => s.kind), ['plenary', 'round_table', 'meeting_block']);
  assert.equal(agenda[0].speakers[0].name, 'Андрей Косовский');
  assert.equal(agenda[1].topic.ru, 'Взаимодействие бизнеса и науки как фактор роста');
  assert.equal(agenda[2].startsAt, '2021-09-29T07:00:00.000Z'); // 10:00 Minsk, 15:00 Changchun
  assert.equal(agenda[2].slots.length, 6);
  const mine = (await c.participant.get('/api/events/synergy-of-innovations-2021/my-meetings')).json();
  assert.equal(mine.length, 2);
  assert.ok(mine[0].myOutcome.outcomes.includes('memorandum_planned'));
  const cn = (await c.participantCn.get('/api/events/synergy-of-innovations-2021/my-meetings')).json();
  assert.ok(cn.some((m: { kind: string }) => m.kind === 'group'));
  const stats = (await c.organiser.get('/api/events/synergy-of-innovations-2021/stats')).json();
  assert.equal(stats.meetings.held, 3);
  assert.equal(stats.meetings.noShows, 1);
  assert.equal(stats.requests.declined, 1);
  assert.deepEqual(stats.registrations.byCountry, { BY: 5, CN: 4 });
});

test('the upcoming online event is open: a demo participant registers, requests a meeting, the partner accepts a slot', async () => {
  const e = (await c.participant.get('/api/events/synergy-online-brokerage')).json();
  assert.equal(e.registrationOpen, true);
  assert.ok(new Date(e.startsAt).getTime() > t.clock.now().getTime() + 20 * 86400_000);
  assert.equal((await c.participant.post(`/api/events/${e.id}/registration`, { role: 'delegate', languages: ['ru'] })).json().status, 'approved');
  const attendees = (await c.participant.get(`/api/events/${e.id}/registrations`)).json();
  const jlu = attendees.find((a: { name: string }) => a.name === '张伟');
  const id = (await c.participant.post(`/api/events/${e.id}/meetings`, { inviteeUserIds: [jlu.userId], message: 'Добрый день!' })).json().id;
  const partner = t.client();
  await partner.login('participant.jlu@synergy.demo', 'synergy-2021');
  const free = (await partner.get(`/api/meetings/${id}/free-slots`)).json();
  assert.equal(free.length, 6);
  const r = (await partner.post(`/api/meetings/${id}/accept`, { slotId: free[0].id })).json();
  assert.equal(r.status, 'scheduled');
  const agenda = (await c.participant.get(`/api/events/${e.id}/my-agenda`)).json();
  assert.deepEqual(agenda.items.map((i: { type: string }) => i.type), ['session', 'meeting']);
  assert.match(agenda.items[1].meeting.videoUrl, /^https:\/\/meet\.jit\.si\//);
});
