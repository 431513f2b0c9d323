// Each hard constraint of the scheduler on small crafted instances; every schedule also goes through the
// independent validator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solve, validateSchedule, type ScheduleInputRaw, type SolveOptions } from './index.ts';

const slot = (id: string, i: number, session = 'am') => ({ id, start: `2026-03-01T${String(6 + Math.floor(i / 3)).padStart(2, '0')}:${String((i % 3) * 20).padStart(2, '0')}:00Z`, end: 'x', session });
const slots = (n: number, session = 'am', from = 0) => Array.from({ length: n }, (_, i) => slot(`${session}${i + 1}`, from + i, session));
const people = (...ids: string[]) => ids.map((id) => ({ id }));
const quick: SolveOptions = { seed: 1, timeLimitMs: 3000, maxIterations: 20000 };

async function run(input: ScheduleInputRaw, opts: SolveOptions = quick) {
  const r = await solve(input, opts);
  const v = validateSchedule(input, r.assignments, opts.incremental);
  assert.deepEqual(v.violations, [], 'schedule violates hard constraints');
  assert.equal(v.breaks, r.breaks, 'solver and validator count breaks alike');
  assert.ok(r.weight <= r.certificate.upperBound, 'weight within the certified upper bound');
  const at = new Map(r.assignments.map((a) => [a.meeting, a]));
  return { r, at };
}

test('nobody is in two meetings at once, group meetings included', async () => {
  const input: ScheduleInputRaw = { slots: slots(3), tables: null, participants: people('a', 'b', 'c', 'd'),
    meetings: [
      { id: 'g', participants: ['a', 'b', 'c'] },
      { id: 'ab', participants: ['a', 'b'] }, { id: 'cd', participants: ['c', 'd'] }, { id: 'ad', participants: ['a', 'd'] },
    ] };
  const { r, at } = await run(input);
  assert.equal(r.scheduled, 4);
  for (const x of ['ab', 'cd', 'ad']) assert.notEqual(at.get(x)!.slot, at.get('g')!.slot);
  assert.notEqual(at.get('ab')!.slot, at.get('ad')!.slot);
  // A validator that must fail: the same participant twice in one slot.
  const bad = validateSchedule(input, [{ meeting: 'ab', slot: 'am1' }, { meeting: 'ad', slot: 'am1' }]);
  assert.ok(bad.violations.some((v) => v.includes('a is in meetings ab and ad')));
});

test('tables limit on-site meetings per slot; online meetings use no table', async () => {
  const input: ScheduleInputRaw = { slots: slots(2), tables: 1, participants: people('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
    meetings: [
      { id: 'm1', participants: ['a', 'b'] }, { id: 'm2', participants: ['c', 'd'] }, { id: 'm3', participants: ['e', 'f'] },
      { id: 'o1', participants: ['g', 'h'], mode: 'online' },
    ] };
  const { r, at } = await run(input);
  assert.equal(r.scheduled, 3, 'two on-site (one table × two slots) and the online one');
  assert.equal(r.certificate.upperBound, 3, 'the certificate proves 3 is the best possible');
  assert.equal(at.get('o1')!.table, undefined);
  const onsite = r.assignments.filter((a) => a.meeting !== 'o1');
  assert.deepEqual(onsite.map((a) => a.table), [1, 1]);
  assert.equal(r.unscheduled.length, 1);
  assert.match(r.unscheduled[0].reason, /no table free/);
});

test('interpreters: at most one meeting per interpreter per slot, languages must match', async () => {
  const input: ScheduleInputRaw = { slots: slots(2), tables: null, participants: people('a', 'b', 'c', 'd', 'e', 'f'),
    interpreters: [{ id: 'i1', languages: ['ru', 'zh'] }, { id: 'i2', languages: ['ru', 'en'], unavailableSlots: [] }],
    meetings: [
      { id: 'm1', participants: ['a', 'b'], needsInterpreter: ['ru', 'zh'] },
      { id: 'm2', participants: ['c', 'd'], needsInterpreter: ['ru', 'zh'] },
      { id: 'm3', participants: ['e', 'f'], needsInterpreter: ['ru', 'zh'] },
    ] };
  const { r, at } = await run(input);
  assert.equal(r.scheduled, 2, 'one ru–zh interpreter, two slots');
  for (const a of r.assignments) assert.equal(a.interpreter, 'i1');
  assert.equal(new Set(r.assignments.map((a) => a.slot)).size, 2);
  assert.ok(at.size === 2);
  const bad = validateSchedule(input, [{ meeting: 'm1', slot: 'am1', interpreter: 'i2' }]);
  assert.ok(bad.violations.some((v) => v.includes('does not cover')));
});

test('locked meetings stay in their slot', async () => {
  const input: ScheduleInputRaw = { slots: slots(4), tables: null, participants: people('a', 'b', 'c'),
    meetings: [
      { id: 'ab', participants: ['a', 'b'], lockedSlot: 'am4' },
      { id: 'ac', participants: ['a', 'c'] }, { id: 'bc', participants: ['b', 'c'] },
    ] };
  const { r, at } = await run(input);
  assert.equal(r.scheduled, 3);
  assert.equal(at.get('ab')!.slot, 'am4');
  const bad = validateSchedule(input, [{ meeting: 'ab', slot: 'am1' }]);
  assert.ok(bad.violations.some((v) => v.includes('locked to am4')));
});

test('session restriction and availability are respected; impossible meetings say why', async () => {
  const input: ScheduleInputRaw = { slots: [...slots(3, 'am'), ...slots(3, 'pm', 6)], tables: null,
    participants: [{ id: 'a', unavailableSlots: ['pm1', 'pm2'] }, { id: 'b' }, { id: 'c', unavailableSlots: ['am1', 'am2', 'am3'] }, { id: 'd' }],
    meetings: [
      { id: 'ab', participants: ['a', 'b'], session: 'pm' },
      { id: 'ac', participants: ['a', 'c'], session: 'am' },
      { id: 'bd', participants: ['b', 'd'], session: 'am' },
    ] };
  const { r, at } = await run(input);
  assert.equal(at.get('ab')!.slot, 'pm3', 'the only pm slot where a is free');
  assert.ok(at.get('bd')!.slot.startsWith('am'));
  assert.equal(r.unscheduled.length, 1);
  assert.equal(r.unscheduled[0].meeting, 'ac');
  assert.match(r.unscheduled[0].reason, /c is unavailable in every slot of session am/);
  assert.equal(r.certificate.upperBound, 2);
  const bad = validateSchedule(input, [{ meeting: 'ab', slot: 'pm1' }, { meeting: 'bd', slot: 'pm2' }]);
  assert.ok(bad.violations.some((v) => v.includes('a is unavailable in pm1')));
  assert.ok(bad.violations.some((v) => v.includes('must be in session am')));
});

test('breaks are minimised and counted per session', async () => {
  // a meets b, c, d; four slots per session: the best agenda for a has no gap.
  const input: ScheduleInputRaw = { slots: [...slots(4, 'am'), ...slots(4, 'pm', 6)], tables: null, participants: people('a', 'b', 'c', 'd'),
    meetings: [{ id: 'ab', participants: ['a', 'b'], session: 'am' }, { id: 'ac', participants: ['a', 'c'], session: 'am' },
      { id: 'ad', participants: ['a', 'd'], session: 'am' }, { id: 'bc', participants: ['b', 'c'] }] };
  const { r } = await run(input);
  assert.equal(r.breaks, 0);
  // Validator counts a gap within a session as a break, a change of session as none.
  const v = validateSchedule(input, [{ meeting: 'ab', slot: 'am1' }, { meeting: 'ac', slot: 'am3' }, { meeting: 'ad', slot: 'am4' }, { meeting: 'bc', slot: 'pm1' }]);
  assert.equal(v.breaksByParticipant.get('a'), 1);
  assert.equal(v.breaksByParticipant.get('b'), 0);
});

test('incremental mode keeps published meetings, or moves as few as possible when allowed', async () => {
  const base: ScheduleInputRaw = { slots: slots(2), tables: null, participants: people('a', 'b', 'c'),
    meetings: [{ id: 'ab', participants: ['a', 'b'] }, { id: 'bc', participants: ['b', 'c'] }, { id: 'ac', participants: ['a', 'c'] }] };
  const published = { ab: 'am1', bc: 'am2' };
  const kept = await run(base, { ...quick, incremental: { published, allowMoves: false } });
  assert.equal(kept.at.get('ab')!.slot, 'am1');
  assert.equal(kept.at.get('bc')!.slot, 'am2');
  assert.equal(kept.r.scheduled, 2, 'ac cannot fit without moving published meetings');
  // With three slots and moves allowed, ac goes to the new slot and nothing published moves.
  const more = { ...base, slots: slots(3) };
  const moved = await run(more, { ...quick, incremental: { published, allowMoves: true } });
  assert.equal(moved.r.scheduled, 3);
  assert.deepEqual(moved.r.movedPublished, []);
  assert.equal(moved.at.get('ac')!.slot, 'am3');
  // Two slots, a fourth participant: placing ad forces exactly one published meeting to move.
  const tight: ScheduleInputRaw = { slots: slots(2), tables: null, participants: people('a', 'b', 'c', 'd'),
    meetings: [{ id: 'ab', participants: ['a', 'b'] }, { id: 'cd', participants: ['c', 'd'] }, { id: 'ad', participants: ['a', 'd'] }] };
  const one = await run(tight, { ...quick, incremental: { published: { ab: 'am1', cd: 'am2' }, allowMoves: true } });
  assert.equal(one.r.scheduled, 3);
  assert.equal(one.r.movedPublished.length, 1);
});

test('same seed, same schedule; progress is reported up to 1', async () => {
  const input: ScheduleInputRaw = { slots: slots(5), tables: 2, participants: people('a', 'b', 'c', 'd', 'e', 'f'),
    meetings: [['a', 'b'], ['a', 'c'], ['b', 'c'], ['d', 'e'], ['e', 'f'], ['d', 'f'], ['a', 'f'], ['b', 'e']].map((ps, i) => ({ id: `m${i}`, participants: ps })) };
  const seen: number[] = [];
  const x = await solve(input, { ...quick, onProgress: (p) => seen.push(p.fraction) });
  const y = await solve(input, quick);
  assert.deepEqual(x.assignments, y.assignments);
  assert.ok(seen.length >= 2 && seen[seen.length - 1] === 1);
  assert.ok(seen.every((f, i) => i === 0 || f >= seen[i - 1]));
});

test('bad input is rejected with a clear message', async () => {
  await assert.rejects(solve({ slots: slots(1), participants: people('a'), meetings: [{ id: 'm', participants: ['a', 'zz'] }] } as ScheduleInputRaw),
    /unknown participant "zz"/);
  await assert.rejects(solve({ slots: [], participants: [], meetings: [] } as ScheduleInputRaw), /invalid schedule input at slots/);
});

test('the breaks lower bound sees gaps forced by sessions and unavailability', async () => {
  // One break sequence over all slots (the benchmark rule): a must meet b in the morning and c in the afternoon, but
  // is away in the last morning slot, so a gap is unavoidable.
  const input: ScheduleInputRaw = { slots: [...slots(3, 'am'), ...slots(3, 'pm', 3)], tables: null, breakScope: 'all',
    participants: [{ id: 'a', unavailableSlots: ['am3'] }, { id: 'b' }, { id: 'c' }],
    meetings: [{ id: 'ab', participants: ['a', 'b'], session: 'am' }, { id: 'ac', participants: ['a', 'c'], session: 'pm' }] };
  const { r, at } = await run(input);
  assert.equal(r.certificate.breaksLowerBound, 1);
  assert.equal(r.breaks, 1);
  assert.equal(r.certificate.breaksGap, 0);
  assert.ok(['am1', 'am2'].includes(at.get('ab')!.slot));
  assert.ok(at.get('ac')!.slot.startsWith('pm'));
});
