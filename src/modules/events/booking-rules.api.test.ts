// Booking rules the database enforces: one person in one meeting at any instant across overlapping
// meeting blocks, the per-participant maximum for everyone in a meeting, one open request per pair.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, roleClients, type TestApp } from '../../testing/test-app.ts';
import { createEvent, participant } from './testing.ts';
import { isExclusionViolation } from './booking.ts';

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: 'base' }); c = await roleClients(t); });
after(async () => { await t.close(); });

async function accepted(ev: { id: string }, a: Awaited<ReturnType<typeof participant>>, b: Awaited<ReturnType<typeof participant>>) {
  const r = await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [b.id], message: 'hello', priority: 'must' });
  assert.equal(r.statusCode, 201, r.body);
  assert.equal((await b.c.post(`/api/meetings/${r.json().id}/accept`, {})).json().status, 'accepted');
  return r.json().id as string;
}

/** A second meeting block at the same hours as the first one (another room), with its slots. */
async function overlappingBlock(eventId: string) {
  const b = await c.organiser.post(`/api/events/${eventId}/sessions`, {
    kind: 'meeting_block', title: { en: 'Meetings, room 2' }, startsLocal: '2026-04-15T10:00', endsLocal: '2026-04-15T13:00', slotMinutes: 30, pauseMinutes: 0,
  });
  assert.equal(b.statusCode, 201, b.body);
  const agenda = (await c.organiser.get(`/api/events/${eventId}/agenda`)).json() as { id: string; kind: string; slots: { id: string; startsAt: string }[] }[];
  return agenda.filter((s) => s.kind === 'meeting_block')[1].slots;
}

test('one person is never in two meetings at one instant, across overlapping meeting blocks (also in parallel)', async () => {
  const ev = await createEvent(c.organiser);
  const second = await overlappingBlock(ev.id);
  const twin = second.find((s) => s.startsAt === ev.slots[1].startsAt)!;
  assert.ok(twin && twin.id !== ev.slots[1].id, 'two different slots at the same time');
  const [a, b, d] = [await participant(t, ev.id), await participant(t, ev.id), await participant(t, ev.id)];
  const m1 = await accepted(ev, a, b);
  const m2 = await accepted(ev, a, d);
  assert.equal((await b.c.post(`/api/meetings/${m1}/book`, { slotId: ev.slots[1].id })).statusCode, 200);
  const clash = await d.c.post(`/api/meetings/${m2}/book`, { slotId: twin.id });
  assert.equal(clash.statusCode, 409);
  assert.equal(clash.json().error.code, 'participant_busy');

  // In parallel, into the two overlapping slots of another hour: exactly one wins.
  assert.equal((await b.c.post(`/api/meetings/${m1}/book`, { slotId: ev.slots[0].id })).statusCode, 200, 'moved away again');
  const twin3 = second.find((s) => s.startsAt === ev.slots[3].startsAt)!;
  const results = await Promise.all([b.c.post(`/api/meetings/${m1}/book`, { slotId: ev.slots[3].id }), d.c.post(`/api/meetings/${m2}/book`, { slotId: twin3.id })]);
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);

  // The database itself refuses it, whoever writes (the console's apply writes occupancy rows directly).
  const [held] = (await t.deps.database.sql.query<{ slot_id: string; starts_at: Date }>(
    `SELECT o.slot_id, s.starts_at FROM meeting_slot_occupancy o JOIN event_slots s ON s.id = o.slot_id WHERE o.user_id = $1`, [a.id])).rows;
  const otherBlockTwin = [...ev.slots, ...second]
    .find((s) => new Date(s.startsAt).getTime() === new Date(held.starts_at).getTime() && s.id !== held.slot_id)!;
  await assert.rejects(
    t.deps.database.sql.query(`INSERT INTO meeting_slot_occupancy (event_id, slot_id, user_id, meeting_id) VALUES ($1, $2, $3, $4)`,
      [ev.id, otherBlockTwin.id, a.id, m2]),
    (e: unknown) => isExclusionViolation(e, 'meeting_occupancy_no_overlap'));
});

test('the per-participant maximum counts the requester too, also when acceptances race', async () => {
  const ev = await createEvent(c.organiser, { maxMeetingsPerParticipant: 2 });
  const requester = await participant(t, ev.id);
  const others = await Promise.all(Array.from({ length: 6 }, () => participant(t, ev.id)));
  const ids: string[] = [];
  for (const o of others) {
    const r = await requester.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [o.id] });
    assert.equal(r.statusCode, 201, r.body);
    ids.push(r.json().id);
  }
  const first = await Promise.all(ids.slice(0, 4).map((id, i) => others[i].c.post(`/api/meetings/${id}/accept`, {})));
  assert.equal(first.filter((r) => r.statusCode === 200).length, 2, 'exactly the maximum is accepted');
  const refused = first.filter((r) => r.statusCode !== 200);
  assert.ok(refused.every((r) => r.statusCode === 409 && r.json().error.code === 'partner_meeting_limit_reached'), refused.map((r) => r.body).join());
  assert.equal((await others[5].c.post(`/api/meetings/${ids[5]}/accept`, {})).statusCode, 409);
  const mine = await t.deps.database.sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM meetings m JOIN meeting_participants p ON p.meeting_id = m.id WHERE m.event_id = $1 AND p.user_id = $2 AND m.status IN ('accepted', 'scheduled')`,
    [ev.id, requester.id]);
  assert.equal(mine.rows[0].n, 2);

  // With automatic acceptance the invitee's maximum applies at request time.
  const auto = await createEvent(c.organiser, { maxMeetingsPerParticipant: 1, requestsNeedAcceptance: false });
  const [x, y, z] = [await participant(t, auto.id), await participant(t, auto.id), await participant(t, auto.id)];
  assert.equal((await x.c.post(`/api/events/${auto.id}/meetings`, { inviteeUserIds: [z.id] })).statusCode, 201);
  const full = await y.c.post(`/api/events/${auto.id}/meetings`, { inviteeUserIds: [z.id] });
  assert.equal(full.statusCode, 409);
  assert.equal(full.json().error.code, 'partner_meeting_limit_reached');
});

test('X→Y and Y→X requested in parallel: one open request for the pair, enforced by the database', async () => {
  const ev = await createEvent(c.organiser);
  const [x, y] = [await participant(t, ev.id), await participant(t, ev.id)];
  const results = await Promise.all([
    x.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [y.id] }),
    y.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [x.id] }),
  ]);
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409]);
  assert.equal(results.find((r) => r.statusCode === 409)!.json().error.code, 'meeting_exists');
  const open = await t.deps.database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM meetings WHERE event_id = $1 AND status IN ('requested', 'accepted', 'scheduled')`, [ev.id]);
  assert.equal(open.rows[0].n, 1);
  // The index, not only the check in code: a second open row for the pair is refused outright.
  const [row] = (await t.deps.database.sql.query<{ pair_key: string; requested_by: string }>(`SELECT pair_key, requested_by FROM meetings WHERE event_id = $1`, [ev.id])).rows;
  await assert.rejects(t.deps.database.sql.query(
    `INSERT INTO meetings (id, event_id, requested_by, kind, status, pair_key, created_at, updated_at) VALUES (gen_random_uuid(), $1, $2, 'bilateral', 'requested', $3, now(), now())`,
    [ev.id, row.requested_by, row.pair_key]), /meetings_open_pair_uq/);
  // Once declined, a new request for the pair is possible.
  const winner = results.find((r) => r.statusCode === 201)!.json().id;
  const invitee = results[0].statusCode === 201 ? y : x;
  assert.equal((await invitee.c.post(`/api/meetings/${winner}/decline`, {})).statusCode, 200);
  assert.equal((await invitee.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [invitee === y ? x.id : y.id] })).statusCode, 201);
});
