// Booking under concurrency: conflicting bookings fired in parallel, exactly one wins.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, roleClients, type TestApp } from '../../testing/test-app.ts';
import { createEvent, participant } from './testing.ts';
import { isUniqueViolation } from '../../platform/db-errors.ts';

const unique = (e: unknown) => isUniqueViolation(e);

let t: TestApp;
let c: Awaited<ReturnType<typeof roleClients>>;
before(async () => { t = await createTestApp({ demo: true }); c = await roleClients(t); });
after(async () => { await t.close(); });

async function accepted(ev: { id: string }, a: Awaited<ReturnType<typeof participant>>, b: Awaited<ReturnType<typeof participant>>) {
  const r = await a.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [b.id], message: 'hello', priority: 'must' });
  assert.equal(r.statusCode, 201, r.body);
  assert.equal((await b.c.post(`/api/meetings/${r.json().id}/accept`, {})).json().status, 'accepted');
  return r.json().id as string;
}

test('one person cannot be booked into two meetings of the same slot, even in parallel', async () => {
  const ev = await createEvent(c.organiser);
  const [a, b, d] = [await participant(t, ev.id), await participant(t, ev.id), await participant(t, ev.id)];
  const m1 = await accepted(ev, a, b);
  const m2 = await accepted(ev, a, d);
  const slot = ev.slots[2].id;
  const results = await Promise.all([
    b.c.post(`/api/meetings/${m1}/book`, { slotId: slot }),
    d.c.post(`/api/meetings/${m2}/book`, { slotId: slot }),
  ]);
  const codes = results.map((r) => r.statusCode).sort();
  assert.deepEqual(codes, [200, 409]);
  const loser = results.find((r) => r.statusCode === 409)!;
  assert.equal(loser.json().error.code, 'participant_busy');
  const occ = await t.deps.database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM meeting_slot_occupancy WHERE slot_id = $1 AND user_id = $2`, [slot, a.id]);
  assert.equal(occ.rows[0].n, 1);
  // The loser can still take another slot.
  const other = results[0].statusCode === 409 ? { c: b.c, m: m1 } : { c: d.c, m: m2 };
  assert.equal((await other.c.post(`/api/meetings/${other.m}/book`, { slotId: ev.slots[3].id })).statusCode, 200);
});

test('ten requests to one person accepted in parallel for the same slot: exactly one wins, nine are told the person is busy', async () => {
  const ev = await createEvent(c.organiser);
  const star = await participant(t, ev.id);
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) {
    const p = await participant(t, ev.id);
    ids.push((await star.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [p.id] })).json().id);
    await p.c.post(`/api/meetings/${ids[i]}/accept`, {});
  }
  const results = await Promise.all(ids.map((id) => star.c.post(`/api/meetings/${id}/book`, { slotId: ev.slots[5].id })));
  assert.equal(results.filter((r) => r.statusCode === 200).length, 1);
  assert.ok(results.filter((r) => r.statusCode !== 200).every((r) => r.statusCode === 409 && r.json().error.code === 'participant_busy'));
  const occ = await t.deps.database.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM meeting_slot_occupancy WHERE slot_id = $1`, [ev.slots[5].id]);
  assert.equal(occ.rows[0].n, 2);
});

test('accepting with a slot in parallel: the same person accepts two requests for one slot, one wins', async () => {
  const ev = await createEvent(c.organiser);
  const [a, b, d] = [await participant(t, ev.id), await participant(t, ev.id), await participant(t, ev.id)];
  const r1 = (await b.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [a.id] })).json().id;
  const r2 = (await d.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [a.id] })).json().id;
  const slot = ev.slots[0].id;
  const results = await Promise.all([
    a.c.post(`/api/meetings/${r1}/accept`, { slotId: slot }),
    a.c.post(`/api/meetings/${r2}/accept`, { slotId: slot }),
  ]);
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
  assert.equal(results.find((r) => r.statusCode === 200)!.json().status, 'scheduled');
});

test('two meetings cannot take the same table in the same slot, even in parallel; the message is in the caller\'s language', async () => {
  const ev = await createEvent(c.organiser, { format: 'onsite' }, { tables: 2 });
  const ps: Awaited<ReturnType<typeof participant>>[] = [];
  for (let i = 0; i < 4; i++) ps.push(await participant(t, ev.id, { lang: 'ru' }));
  const m1 = await accepted(ev, ps[0], ps[1]);
  const m2 = await accepted(ev, ps[2], ps[3]);
  const slot = ev.slots[1].id;
  const results = await Promise.all([
    c.organiser.post(`/api/meetings/${m1}/book`, { slotId: slot, tableNo: 1 }),
    c.organiser.post(`/api/meetings/${m2}/book`, { slotId: slot, tableNo: 1 }),
  ]);
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
  const loser = results.find((r) => r.statusCode === 409)!;
  assert.equal(loser.json().error.code, 'table_taken');
  assert.match(loser.json().error.message, /стол/); // organiser@synergy.demo uses Russian
  // Without a table number the next free table is taken.
  const retry = await c.organiser.post(`/api/meetings/${results[0].statusCode === 409 ? m1 : m2}/book`, { slotId: slot });
  assert.equal(retry.json().tableNo, 2);
  // The slot is now full: it is no longer offered and a third meeting cannot get in.
  const [p5, p6] = [await participant(t, ev.id), await participant(t, ev.id)];
  const m3 = await accepted(ev, p5, p6);
  const free = (await p5.c.get(`/api/meetings/${m3}/free-slots`)).json() as { id: string; freeTables: number }[];
  assert.ok(!free.some((s) => s.id === slot));
  assert.equal(free[0].freeTables, 2);
  assert.equal((await p5.c.post(`/api/meetings/${m3}/book`, { slotId: slot })).json().error.code, 'no_table_free');
});

test('the database itself rejects a second occupancy of a person in a slot and a second meeting at a table', async () => {
  const rows = await t.deps.database.sql.query<{ slot_id: string; user_id: string; event_id: string }>('SELECT slot_id, user_id, event_id FROM meeting_slot_occupancy LIMIT 1');
  const o = rows.rows[0];
  const [m] = (await t.deps.database.sql.query<{ id: string }>('SELECT id FROM meetings LIMIT 1')).rows;
  await assert.rejects(t.deps.database.sql.query('INSERT INTO meeting_slot_occupancy (event_id, slot_id, user_id, meeting_id) VALUES ($1, $2, $3, $4)', [o.event_id, o.slot_id, o.user_id, m.id]), unique);
  const [taken] = (await t.deps.database.sql.query<{ slot_id: string; table_no: number }>(`SELECT slot_id, table_no FROM meetings WHERE table_no IS NOT NULL AND status = 'scheduled' LIMIT 1`)).rows;
  await assert.rejects(t.deps.db.execute(sql`UPDATE meetings SET slot_id = ${taken.slot_id}, table_no = ${taken.table_no}, status = 'scheduled' WHERE id = (SELECT id FROM meetings WHERE status = 'accepted' LIMIT 1)`), unique);
});

test('the maximum of meetings per participant holds when several acceptances arrive at once', async () => {
  const ev = await createEvent(c.organiser, { maxMeetingsPerParticipant: 2 });
  const star = await participant(t, ev.id);
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const p = await participant(t, ev.id);
    ids.push((await p.c.post(`/api/events/${ev.id}/meetings`, { inviteeUserIds: [star.id] })).json().id);
  }
  const results = await Promise.all(ids.map((id) => star.c.post(`/api/meetings/${id}/accept`, {})));
  assert.equal(results.filter((r) => r.statusCode === 200).length, 2);
  assert.ok(results.filter((r) => r.statusCode !== 200).every((r) => r.json().error.code === 'meeting_limit_reached'));
});
