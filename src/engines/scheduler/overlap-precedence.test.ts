// Parallel meeting blocks (slots of different sessions that overlap in time) and precedences between meetings:
// the solver respects both and the independent validator catches schedules that do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dznToInput, solve, validateSchedule, type ScheduleInputRaw } from './index.ts';

const at = (h: number, m: number) => `2026-03-01T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`;
// Block A: 09:00, 09:30, 10:00 (30 min); block B in parallel: 09:15, 09:45 (30 min) — every B slot overlaps two A slots.
const parallel: ScheduleInputRaw['slots'] = [
  { id: 'a1', start: at(9, 0), end: at(9, 30), session: 'A' }, { id: 'a2', start: at(9, 30), end: at(10, 0), session: 'A' },
  { id: 'a3', start: at(10, 0), end: at(10, 30), session: 'A' },
  { id: 'b1', start: at(9, 15), end: at(9, 45), session: 'B' }, { id: 'b2', start: at(9, 45), end: at(10, 15), session: 'B' },
];

test('a participant never gets two meetings at the same instant across parallel blocks', async () => {
  // p meets q in block A and r, s in block B (sessions fixed): B's two slots overlap a1-a2 and a2-a3, so only a
  // schedule with q's meeting in a1 or a3 and one B meeting works; both B meetings can never be held with the A one.
  const input: ScheduleInputRaw = { slots: parallel, tables: null, participants: ['p', 'q', 'r', 's'].map((id) => ({ id })),
    meetings: [
      { id: 'pq', participants: ['p', 'q'], session: 'A' },
      { id: 'pr', participants: ['p', 'r'], session: 'B' },
      { id: 'ps', participants: ['p', 's'], session: 'B' },
    ] };
  const r = await solve(input, { seed: 3, timeLimitMs: 2000, maxIterations: 20000 });
  const v = validateSchedule(input, r.assignments);
  assert.deepEqual(v.violations, []);
  assert.equal(r.scheduled, 2, 'b1 and b2 together cover a1..a3, so p can hold only two of the three meetings');
  assert.ok(r.certificate.upperBound >= r.weight);
  // The validator on its own: a2 (09:30-10:00) and b1 (09:15-09:45) overlap.
  const bad = validateSchedule(input, [{ meeting: 'pq', slot: 'a2' }, { meeting: 'pr', slot: 'b1' }]);
  assert.ok(bad.violations.some((x) => x.includes('at the same time')), bad.violations.join('; '));
  // Back-to-back slots do not overlap: a1 ends 09:30 when a2 starts; b2 starts 09:45 after a1 ended.
  const ok = validateSchedule(input, [{ meeting: 'pq', slot: 'a1' }, { meeting: 'pr', slot: 'b2' }]);
  assert.deepEqual(ok.violations, []);
});

test('precedences: a meeting listed in another one\'s "after" is held strictly earlier', async () => {
  const slots = [1, 2, 3, 4].map((i) => ({ id: `s${i}`, start: at(9, i * 10), end: at(9, i * 10 + 10), session: 'am' }));
  // A chain c ← b ← a over distinct pairs, plus d, which must come after c: four meetings, four slots, one order.
  const input: ScheduleInputRaw = { slots, tables: null, participants: ['p', 'q', 'r', 's', 't'].map((id) => ({ id })),
    meetings: [
      { id: 'a', participants: ['p', 'q'], after: ['b'] },
      { id: 'b', participants: ['q', 'r'], after: ['c'] },
      { id: 'c', participants: ['r', 's'] },
      { id: 'd', participants: ['s', 't'], after: ['a'] },
    ] };
  const r = await solve(input, { seed: 2, timeLimitMs: 2000, maxIterations: 20000 });
  assert.deepEqual(validateSchedule(input, r.assignments).violations, []);
  assert.equal(r.scheduled, 4);
  const slotOf = new Map(r.assignments.map((x) => [x.meeting, x.slot]));
  assert.deepEqual(['c', 'b', 'a', 'd'].map((m) => slotOf.get(m)), ['s1', 's2', 's3', 's4']);
  const bad = validateSchedule(input, [{ meeting: 'a', slot: 's1' }, { meeting: 'b', slot: 's2' }]);
  assert.ok(bad.violations.some((x) => x.includes('must be held before a')));
  await assert.rejects(solve({ ...input, meetings: [{ id: 'x', participants: ['p', 'q'], after: ['x'] }] }), /after itself/);
});

test('the .prec25 benchmark variant is read and every precedence holds in the schedule', async () => {
  const file = fileURLToPath(new URL('../../../bench/scheduling/instances/tic-12.prec25.dzn', import.meta.url));
  const input = dznToInput(readFileSync(file, 'utf8'), 'tic-12.prec25');
  const withPrec = input.meetings.filter((m) => (m.after ?? []).length > 0).length;
  assert.ok(withPrec > 10, `precedences read (${withPrec} meetings have some)`);
  const r = await solve(input, { seed: 1, timeLimitMs: 3000, maxIterations: 200000 });
  const v = validateSchedule(input, r.assignments);
  assert.deepEqual(v.violations, []);
  assert.equal(v.breaks, r.breaks);
  assert.ok(r.scheduled >= r.requested - 5, `most meetings placed (${r.scheduled}/${r.requested})`);
});

test('incremental re-run: a published meeting that stays in its slot keeps its table number', async () => {
  const slots = [1, 2].map((i) => ({ id: `s${i}`, start: at(9, i * 10), end: at(9, i * 10 + 10), session: 'am' }));
  const people = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id }));
  const input: ScheduleInputRaw = { slots, tables: 3, participants: people,
    meetings: [{ id: 'ab', participants: ['a', 'b'] }, { id: 'cd', participants: ['c', 'd'] }, { id: 'ef', participants: ['e', 'f'] }] };
  // Published: all in s1, at tables 3, 1 and 2 (not the order a fresh run would number them).
  const incremental = { published: { ab: 's1', cd: 's1', ef: 's1' }, allowMoves: false, tables: { ab: 3, cd: 1, ef: 2 } };
  const r = await solve(input, { seed: 1, timeLimitMs: 2000, incremental });
  assert.deepEqual(validateSchedule(input, r.assignments, incremental).violations, []);
  const table = Object.fromEntries(r.assignments.map((x) => [x.meeting, x.table]));
  assert.deepEqual(table, { ab: 3, cd: 1, ef: 2 });
  // A new meeting in s1 takes a free number; nobody is renumbered. Without published tables: numbered 1..n.
  const more: ScheduleInputRaw = { ...input, tables: 4, participants: [...people, { id: 'g' }, { id: 'h' }],
    meetings: [...input.meetings, { id: 'gh', participants: ['g', 'h'], lockedSlot: 's1' }] };
  const r2 = await solve(more, { seed: 1, timeLimitMs: 2000, incremental });
  assert.deepEqual(Object.fromEntries(r2.assignments.map((x) => [x.meeting, x.table])), { ab: 3, cd: 1, ef: 2, gh: 4 });
});

test('the time-indexed LP bound counts interpreters: two interpreter meetings per slot at most with two interpreters', async () => {
  const slots = [1, 2].map((i) => ({ id: `s${i}`, start: at(9, i * 10), end: at(9, i * 10 + 10), session: 'am' }));
  const ids = Array.from({ length: 12 }, (_, i) => `p${i}`);
  // Six disjoint pairs all needing ru+zh, two interpreters, two slots: at most four meetings; the participants and the
  // tables allow all six, so only the interpreter rows can bring the bound down to 4.
  const input: ScheduleInputRaw = { slots, tables: null, participants: ids.map((id) => ({ id })),
    interpreters: [{ id: 'i1', languages: ['ru', 'zh'] }, { id: 'i2', languages: ['ru', 'zh', 'en'] }],
    meetings: Array.from({ length: 6 }, (_, k) => ({ id: `m${k}`, participants: [ids[2 * k], ids[2 * k + 1]], needsInterpreter: ['ru', 'zh'] })) };
  const r = await solve(input, { seed: 1, timeLimitMs: 3000 });
  assert.deepEqual(validateSchedule(input, r.assignments).violations, []);
  assert.equal(r.scheduled, 4);
  assert.equal(r.certificate.upperBound, 4);
  assert.equal(r.certificate.upperBoundSource, 'time-indexed');
  assert.ok(r.certificate.proven);
});

test('a precedence no pair of allowed slots can meet: one of the two meetings is dropped and the bound proves it', async () => {
  const slots = [1, 2].map((i) => ({ id: `s${i}`, start: at(9, i * 10), end: at(9, i * 10 + 10), session: 'am' }));
  // a can only be in s1, b only in s2, but b must come first.
  const input: ScheduleInputRaw = { slots, tables: null,
    participants: [{ id: 'p', unavailableSlots: ['s2'] }, { id: 'q' }, { id: 'r', unavailableSlots: ['s1'] }, { id: 's' }],
    meetings: [{ id: 'a', participants: ['p', 'q'], after: ['b'] }, { id: 'b', participants: ['r', 's'] }] };
  const r = await solve(input, { seed: 1, timeLimitMs: 2000 });
  assert.deepEqual(validateSchedule(input, r.assignments).violations, []);
  assert.equal(r.scheduled, 1);
  assert.equal(r.certificate.upperBound, 1, 'without the precedence rows every bound would say 2');
  assert.ok(r.certificate.proven);
});
