// Multilingual venues and rooms: stored as { ru, zh, en }, shown to each reader in their language (another
// language when theirs is missing) in calendar files, mail and the personal agenda.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { createTestApp, roleClients, type TestApp } from '../../testing/test-app.ts';
import { createEvent, participant } from './testing.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: true }); c = await roleClients(t); });
after(async () => { await t.close(); });

const venues = [{
  id: 'park', name: { ru: 'Технопарк «Политехник»', zh: '"综合技术"科技园', en: 'Polytechnic technopark' },
  address: { ru: 'Минск, пр. Независимости, 65', zh: '明斯克独立大街65号', en: '65 Nezavisimosti Ave, Minsk' },
  rooms: [{ id: 'hall-a', name: { ru: 'Зал А', zh: 'A厅', en: 'Hall A' } }, { id: 'hall-b', name: { ru: 'Малый зал' } }],
}];
/** Mail straight from the outbox table (the test clock jumps ahead, past the admin's session). */
const mails = async (to: string) => (await t.deps.database.sql.query<{ template: string; text: string }>('SELECT template, text FROM mail_outbox WHERE to_email = $1', [to])).rows;
const locations = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('location') ?? ''));

test('venue and room names are multilingual objects; a plain string is refused', async () => {
  const ev = await createEvent(c.organiser, { format: 'onsite', venues }, { roomId: 'hall-a', tables: 4 });
  assert.deepEqual((await c.anonymous.get(`/api/events/${ev.id}`)).json().venues, venues);
  const plain = await c.organiser.post('/api/events', { slug: 'plain-venue-names', title: { en: 'x' }, format: 'onsite', timezone: 'Europe/Minsk',
    startsLocal: '2026-04-15T09:00', endsLocal: '2026-04-15T14:00', venues: [{ id: 'v', name: 'Технопарк', address: {}, rooms: [] }] });
  assert.equal(plain.statusCode, 400);
  assert.equal(plain.json().error.fields[0].path, 'venues.0.name');
  const unnamed = await c.organiser.post('/api/events', { slug: 'unnamed-room', title: { en: 'x' }, format: 'onsite', timezone: 'Europe/Minsk',
    startsLocal: '2026-04-15T09:00', endsLocal: '2026-04-15T14:00', venues: [{ id: 'v', name: { en: 'V' }, address: {}, rooms: [{ id: 'r', name: { ru: '' } }] }] });
  assert.equal(unnamed.json().error.fields[0].code, 'ml_required');
});

test('a booked meeting shows its block\'s room in the reader\'s language: calendar LOCATION, mail, personal agenda', async () => {
  const ev = await createEvent(c.organiser, { format: 'onsite', venues }, { roomId: 'hall-a', tables: 4 });
  await c.organiser.post(`/api/events/${ev.id}/sessions`, { kind: 'plenary', title: { ru: 'Пленарное заседание' }, roomId: 'hall-b',
    startsLocal: '2026-04-15T09:00', endsLocal: '2026-04-15T10:00' });
  const ru = await participant(t, ev.id, { lang: 'ru' });
  const zh = await participant(t, ev.id, { lang: 'zh', timezone: 'Asia/Shanghai' });
  const id = (await ru.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [zh.id] })).json().id;
  assert.equal((await zh.c.post(`/api/meetings/${id}/accept`, { slotId: ev.slots[0].id })).json().tableNo, 1);

  const [ruLoc] = locations((await ru.c.get(`/api/meetings/${id}/ics`)).body);
  assert.equal(ruLoc, 'Стол 1 · Зал А, Технопарк «Политехник», Минск, пр. Независимости, 65');
  const [zhLoc] = locations((await zh.c.get(`/api/meetings/${id}/ics`)).body);
  assert.match(zhLoc, /A厅, "综合技术"科技园, 明斯克独立大街65号$/);
  assert.doesNotMatch(zhLoc, /Зал/);

  // The requester is told in Russian where the meeting is.
  const scheduled = (await mails(ru.email)).find((m) => m.template === 'events_meeting_scheduled');
  assert.ok(scheduled, 'meeting_scheduled mail queued');
  assert.match(scheduled.text, /Стол 1 · Зал А, Технопарк «Политехник»/);

  // The personal agenda names the rooms (the client resolves them from the event's venues).
  const agenda = (await zh.c.get(`/api/events/${ev.id}/my-agenda`)).json().items as { type: string; roomId: string | null }[];
  assert.deepEqual(agenda.map((i) => [i.type, i.roomId]), [['session', 'hall-b'], ['meeting', 'hall-a']]);

  // The subscription feed: the plenary's room has only a Russian name, which the Chinese reader gets as the fallback.
  const url = (await zh.c.post('/api/calendar/feed')).json().url as string;
  const feed = locations((await c.anonymous.get(new URL(url).pathname)).body);
  assert.ok(feed.includes('Малый зал, "综合技术"科技园, 明斯克独立大街65号'), feed.join(' | '));
});

test('the reminder mail names the room and table in the recipient\'s language', async () => {
  const ev = await createEvent(c.organiser, { format: 'onsite', venues }, { roomId: 'hall-a', tables: 4 });
  const ru = await participant(t, ev.id, { lang: 'ru' });
  const zh = await participant(t, ev.id, { lang: 'zh', timezone: 'Asia/Shanghai' });
  const id = (await ru.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [zh.id] })).json().id;
  await zh.c.post(`/api/meetings/${id}/accept`, { slotId: ev.slots[0].id });
  t.clock.set('2026-04-15T06:50:00Z'); // 09:50 Minsk, 10 minutes before the slot
  await t.jobs.send('events.reminders'); await t.jobs.drain();
  const reminder = (await mails(zh.email)).find((m) => m.template === 'events_reminder');
  assert.ok(reminder, 'reminder queued');
  assert.match(reminder.text, /A厅, "综合技术"科技园/);
});
