// Calendar files parsed with a real iCalendar parser (ical.js); the subscription feed and its token.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import ExcelJS from 'exceljs';
import { createTestApp, roleClients, type TestApp } from '../../testing/test-app.ts';
import { createEvent, participant } from './testing.ts';
import { buildCalendar, transitions } from './ics.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: true }); c = await roleClients(t); });
after(async () => { await t.close(); });

/** Parses a calendar, registering its VTIMEZONEs so TZID times resolve to real instants. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, sequence: e.sequence, start: e.startDate.toJSDate().toISOString(), tzid: v.getFirstProperty('dtstart')!.getParameter('tzid'),
      status: String(v.getFirstPropertyValue('status')), summary: e.summary, location: e.location };
  });
}

test('a meeting .ics carries TZID, a stable UID and a SEQUENCE that grows when the meeting moves; cancelling sets STATUS:CANCELLED', async () => {
  const ev = await createEvent(c.organiser);
  const a = await participant(t, ev.id, { lang: 'ru' });
  const b = await participant(t, ev.id, { lang: 'zh', timezone: 'Asia/Shanghai' });
  const id = (await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [b.id] })).json().id;
  assert.equal((await a.c.get(`/api/meetings/${id}/ics`)).statusCode, 409); // nothing to put in a calendar yet
  await b.c.post(`/api/meetings/${id}/accept`, { slotId: ev.slots[0].id });
  const r1 = await a.c.get(`/api/meetings/${id}/ics`);
  assert.match(r1.headers['content-type'] as string, /text\/calendar/);
  const [e1] = parse(r1.body);
  assert.equal(e1.tzid, 'Europe/Minsk');
  assert.equal(e1.start, '2026-04-15T07:00:00.000Z');
  assert.equal(e1.status, 'CONFIRMED');
  assert.match(e1.summary, /^Встреча: Person/);
  assert.match(e1.location, /^https:\/\/meet\.jit\.si\//);
  assert.equal(parse((await b.c.get(`/api/meetings/${id}/ics`)).body)[0].summary.startsWith('会谈'), true);
  await a.c.post(`/api/meetings/${id}/book`, { slotId: ev.slots[3].id });
  const [e2] = parse((await a.c.get(`/api/meetings/${id}/ics`)).body);
  assert.equal(e2.uid, e1.uid);
  assert.ok(e2.sequence > e1.sequence);
  assert.equal(e2.start, '2026-04-15T08:30:00.000Z');
  await a.c.post(`/api/meetings/${id}/cancel`, {});
  const [e3] = parse((await a.c.get(`/api/meetings/${id}/ics`)).body);
  assert.equal(e3.uid, e1.uid);
  assert.ok(e3.sequence > e2.sequence);
  assert.equal(e3.status, 'CANCELLED');
  const x = await participant(t, ev.id);
  assert.equal((await x.c.get(`/api/meetings/${id}/ics`)).statusCode, 404);
});

test('the personal feed works by secret URL without signing in, shows sessions and meetings, and stops when revoked', async () => {
  const ev = await createEvent(c.organiser);
  await c.organiser.post(`/api/events/${ev.id}/sessions`, { kind: 'plenary', title: { ru: 'Пленарное заседание', en: 'Plenary' }, startsLocal: '2026-04-15T09:00', endsLocal: '2026-04-15T10:00' });
  const a = await participant(t, ev.id, { lang: 'en' });
  const b = await participant(t, ev.id);
  const id = (await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [b.id] })).json().id;
  await b.c.post(`/api/meetings/${id}/accept`, { slotId: ev.slots[1].id });
  assert.equal((await a.c.get('/api/calendar/feed')).json().active, false);
  const { url } = (await a.c.post('/api/calendar/feed')).json();
  const path = new URL(url).pathname;
  const feed = await t.client().get(path);
  assert.equal(feed.statusCode, 200);
  const items = parse(feed.body);
  assert.deepEqual(items.map((i) => i.summary.split(' — ')[0]), ['Plenary', items[1].summary]);
  assert.equal(items[1].uid, `meeting-${id}@synergy`);
  assert.equal(items[1].start, '2026-04-15T07:30:00.000Z');
  // A new URL replaces the old one; revoking ends the feed.
  const { url: url2 } = (await a.c.post('/api/calendar/feed')).json();
  assert.equal((await t.client().get(path)).statusCode, 404);
  assert.equal((await t.client().get(new URL(url2).pathname)).statusCode, 200);
  await a.c.delete('/api/calendar/feed');
  assert.equal((await t.client().get(new URL(url2).pathname)).statusCode, 404);
  assert.equal((await t.client().get('/api/calendar/not-a-real-token-at-all-xx.ics')).statusCode, 404);
});

test('VTIMEZONE follows daylight saving: Europe/Berlin meetings in winter and summer land on the right instants', () => {
  const tr = transitions('Europe/Berlin', new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'));
  assert.deepEqual(tr.map((x) => x.at.toISOString()), ['2026-03-29T01:00:00.000Z', '2026-10-25T01:00:00.000Z']);
  assert.equal(transitions('Europe/Minsk', new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z')).length, 0);
  const mk = (uid: string, start: string) => ({ uid, sequence: 0, stamp: new Date(), start: new Date(start), end: new Date(new Date(start).getTime() + 1800_000), tz: 'Europe/Berlin', summary: 'x', status: 'CONFIRMED' as const });
  const text = buildCalendar('test', [mk('w', '2026-02-10T09:00:00Z'), mk('s', '2026-07-10T08:00:00Z')]);
  assert.match(text, /DTSTART;TZID=Europe\/Berlin:20260210T100000/);
  assert.match(text, /DTSTART;TZID=Europe\/Berlin:20260710T100000/);
  const parsed = parse(text);
  assert.deepEqual(parsed.map((p) => p.start), ['2026-02-10T09:00:00.000Z', '2026-07-10T08:00:00.000Z']);
  // Long lines are folded at 75 octets and unfold to the original text.
  const long = buildCalendar('test', [{ ...mk('l', '2026-02-10T09:00:00Z'), summary: 'Встреча: '.repeat(20) }]);
  assert.ok(long.split('\r\n').every((l) => Buffer.byteLength(l) <= 75));
  assert.equal(parse(long)[0].summary, 'Встреча: '.repeat(20));
});

test('organisers export meetings as CSV and XLSX and read the schedule; participants cannot', async () => {
  const ev = await createEvent(c.organiser, { format: 'onsite' }, { tables: 3 });
  const a = await participant(t, ev.id);
  const b = await participant(t, ev.id);
  const id = (await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [b.id] })).json().id;
  assert.equal((await b.c.post(`/api/meetings/${id}/accept`, { slotId: ev.slots[0].id })).json().tableNo, 1);
  const csv = await c.organiser.get(`/api/events/${ev.id}/export.csv`);
  assert.equal(csv.statusCode, 200);
  const lines = csv.body.replace(/^\ufeff/, '').trim().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[0], /Статус/); // the organiser reads Russian
  assert.match(lines[1], /2026-04-15 10:00/);
  const xlsx = await c.organiser.get(`/api/events/${ev.id}/export.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as never);
  assert.equal(wb.worksheets[0].rowCount, 2);
  const sched = (await c.organiser.get(`/api/events/${ev.id}/schedule`)).json();
  assert.equal(sched.items[0].tableNo, 1);
  assert.equal(sched.items[0].participants.length, 2);
  for (const path of ['export.csv', 'export.xlsx', 'schedule', 'stats']) assert.equal((await a.c.get(`/api/events/${ev.id}/${path}`)).statusCode, 403);
});
