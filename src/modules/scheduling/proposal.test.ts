import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solve, validateSchedule } from '../../engines/scheduler/index.ts';
import { assignTables, buildProposal, solverPlan, toSolverInput, type EventExport, type ExportMeeting } from './proposal.ts';

const slot = (id: string, tables: number | null, session = 'b1') => ({ id, start: `2026-04-15T07:${id.slice(1).padStart(2, '0')}:00Z`, end: `2026-04-15T07:${id.slice(1).padStart(2, '0')}:30Z`, session, blockId: session, tables });
const meeting = (id: string, participants: string[], over: Partial<ExportMeeting> = {}): ExportMeeting => ({
  id, participants, priority: 2, mode: 'onsite', session: null, lockedSlot: null, needsInterpreter: [], kind: 'bilateral', locked: false, published: false, current: null, ...over,
});

function event(meetings: ExportMeeting[], slots = [slot('s1', 1), slot('s2', 3)]): EventExport {
  const people = [...new Set(meetings.flatMap((m) => m.participants))];
  return { eventId: 'e', name: 'e', timezoneEvent: 'Europe/Minsk', slots, tables: Math.max(...slots.map((s) => s.tables ?? 0)) || null,
    participants: people.map((id) => ({ id, unavailableSlots: [] })), meetings, interpreters: [] };
}

test('blocks with fewer tables than the largest hold exactly their own number of meetings per slot', async () => {
  const x = event([meeting('m1', ['a', 'b']), meeting('m2', ['c', 'd']), meeting('m3', ['e', 'f']), meeting('m4', ['g', 'h']), meeting('m5', ['i', 'j'])]);
  const input = toSolverInput(x);
  assert.equal(input.meetings.length, 5 + 2, 'two blockers hold the two missing tables of s1');
  const r = await solve(input, { seed: 1, timeLimitMs: 500, skipLpBound: true });
  assert.deepEqual(validateSchedule(input, r.assignments).violations, []);
  const p = buildProposal(x, r, []);
  assert.equal(p.summary.scheduled, 4, 'one table in s1 and three in s2');
  assert.equal(p.summary.upperBound, 8);
  assert.equal(p.summary.moreMeetingsAtMost, 0);
  assert.equal(Object.values(p.placements).filter((q) => q.slot === 's1').length, 1);
  for (const q of Object.values(p.placements)) assert.ok(q.table! >= 1 && q.table! <= (q.slot === 's1' ? 1 : 3));
  assert.equal(p.unscheduled.length, 1);
});

test('a meeting staying in its slot keeps its table; changes and affected people list only what moves', () => {
  const x = event([
    meeting('m1', ['a', 'b'], { published: true, current: { slot: 's2', table: 3, interpreter: null } }),
    meeting('m2', ['c', 'd'], { published: true, current: { slot: 's2', table: 1, interpreter: null } }),
    meeting('m3', ['e', 'f']),
  ]);
  const placed = assignTables(x, [{ meeting: 'm1', slot: 's2', table: 1 }, { meeting: 'm2', slot: 's1', table: 1 }, { meeting: 'm3', slot: 's2', table: 2 }]);
  assert.deepEqual(placed.get('m1'), { slot: 's2', table: 3, interpreter: null });
  assert.equal(placed.get('m3')!.table, 1);
  const p = buildProposal(x, { assignments: [{ meeting: 'm1', slot: 's2' }, { meeting: 'm2', slot: 's1' }, { meeting: 'm3', slot: 's2' }], unscheduled: [], scheduled: 3, requested: 3,
    weight: 6, totalWeight: 6, breaks: 0, maxBreaks: 0, breaksByParticipant: {}, movedPublished: ['m2'],
    breaksDifference: 0, certificate: { objective: 'weight', upperBound: 6, countUpperBound: 6, upperBoundSource: 'test', breaksLowerBound: 0, weightGap: 0, countGap: 0, breaksGap: 0, proven: false }, seconds: 0, iterations: 0 }, []);
  assert.deepEqual(p.changes.map((c) => c.meeting), ['m2', 'm3']);
  assert.deepEqual(Object.keys(p.affected).sort(), ['c', 'd', 'e', 'f']);
});

test('online meetings get no table', () => {
  const x = event([meeting('m1', ['a', 'b'], { mode: 'online' })], [slot('s1', null)]);
  assert.equal(x.tables, null);
  assert.deepEqual(assignTables(x, [{ meeting: 'm1', slot: 's1' }]).get('m1'), { slot: 's1', table: null, interpreter: null });
});

test('a self-booked meeting stays in its slot by default, even where moving it would close a break', async () => {
  // a meets b (self-booked in s3) and c; s1–s2–s3 are consecutive: a's break would close if m1 moved to s2.
  const slots = [slot('s1', 5), slot('s2', 5), slot('s3', 5)];
  const x = event([
    meeting('m1', ['a', 'b'], { selfBooked: true, published: true, current: { slot: 's3', table: 1, interpreter: null } }),
    meeting('m2', ['a', 'c']),
  ], slots);
  const rules = { incremental: false, allowMoves: false };
  const plan = solverPlan(x, rules);
  assert.equal(plan.input.meetings.find((m) => m.id === 'm1')!.lockedSlot, 's3');
  const r = await solve(plan.input, { seed: 1, timeLimitMs: 300, skipLpBound: true, incremental: plan.incremental });
  const p = buildProposal(x, r, validateSchedule(plan.input, r.assignments, plan.incremental).violations, rules);
  assert.deepEqual(p.violations, []);
  assert.equal(p.placements.m1.slot, 's3');
  assert.deepEqual(p.selfBookedMoves, []);
  assert.equal(p.summary.movedSelfBooked, 0);
});

test('with moves allowed a self-booked meeting moves only with a reason listed in the proposal', async () => {
  // Only s1 and s3 are free for both a and b... m1 (self-booked in s1) blocks m2, which can only be held in s1.
  const slots = [slot('s1', 5), slot('s2', 5)];
  const x = event([
    meeting('m1', ['a', 'b'], { selfBooked: true, published: true, current: { slot: 's1', table: 1, interpreter: null } }),
    meeting('m2', ['a', 'c']),
  ], slots);
  x.participants.find((q) => q.id === 'c')!.unavailableSlots = ['s2'];
  const rules = { incremental: false, allowMoves: false, moveSelfBooked: true };
  const plan = solverPlan(x, rules);
  assert.equal(plan.input.meetings.find((m) => m.id === 'm1')!.lockedSlot, null, 'not locked: it may move');
  assert.deepEqual(plan.incremental, { published: { m1: 's1' }, allowMoves: true });
  const r = await solve(plan.input, { seed: 1, timeLimitMs: 300, skipLpBound: true, incremental: plan.incremental });
  const p = buildProposal(x, r, validateSchedule(plan.input, r.assignments, plan.incremental).violations, rules);
  assert.deepEqual(p.violations, []);
  assert.equal(p.summary.scheduled, 2, 'moving m1 to s2 lets m2 take s1');
  assert.deepEqual(p.selfBookedMoves, [{ meeting: 'm1', from: { slot: 's1', table: 1, interpreter: null }, to: { slot: 's2', table: 1, interpreter: null }, reason: 'moves_allowed' }]);

  // Without permission the same event keeps m1 and leaves m2 out.
  const keepRules = { incremental: false, allowMoves: false };
  const kept = solverPlan(x, keepRules);
  const r2 = await solve(kept.input, { seed: 1, timeLimitMs: 300, skipLpBound: true, incremental: kept.incremental });
  const p2 = buildProposal(x, r2, validateSchedule(kept.input, r2.assignments, kept.incremental).violations, keepRules);
  assert.equal(p2.placements.m1.slot, 's1');
  assert.deepEqual(p2.unscheduled.map((u) => u.meeting), ['m2']);
  assert.deepEqual(p2.selfBookedMoves, []);
});

test('a self-booked meeting whose slot a participant has since given up moves with the reason "no longer possible"', () => {
  const x = event([meeting('m1', ['a', 'b'], { selfBooked: true, published: true, current: { slot: 's1', table: 1, interpreter: null } })]);
  x.participants.find((q) => q.id === 'b')!.unavailableSlots = ['s1'];
  const plan = solverPlan(x, { incremental: false, allowMoves: false });
  assert.equal(plan.input.meetings.find((m) => m.id === 'm1')!.lockedSlot, null);
  const moved = buildProposal(x, resultOf([{ meeting: 'm1', slot: 's2' }]), [], { incremental: false, allowMoves: false });
  assert.deepEqual(moved.selfBookedMoves.map((m) => [m.meeting, m.to?.slot, m.reason]), [['m1', 's2', 'no_longer_possible']]);
  assert.deepEqual(moved.violations, []);
});

test('the proposal flags a self-booked meeting moved without permission (independent of the plan)', () => {
  const x = event([meeting('m1', ['a', 'b'], { selfBooked: true, published: true, current: { slot: 's1', table: 1, interpreter: null } })]);
  const p = buildProposal(x, resultOf([{ meeting: 'm1', slot: 's2' }]), [], { incremental: false, allowMoves: true });
  assert.deepEqual(p.selfBookedMoves.map((m) => m.reason), ['moves_allowed']);
  assert.equal(p.violations.length, 1);
  assert.match(p.violations[0], /m1 moved without permission/);
});

test('published meetings in the incremental mode without moves are locked where still possible; with moves they cost to move', () => {
  const x = event([
    meeting('m1', ['a', 'b'], { published: true, current: { slot: 's1', table: 1, interpreter: null } }),
    meeting('m2', ['c', 'd'], { published: true, current: { slot: 's2', table: 1, interpreter: null } }),
  ]);
  x.participants.find((q) => q.id === 'd')!.unavailableSlots = ['s2'];
  const fixed = solverPlan(x, { incremental: true, allowMoves: false });
  assert.deepEqual(fixed.input.meetings.map((m) => m.lockedSlot ?? null).slice(0, 2), ['s1', null]);
  const soft = solverPlan(x, { incremental: true, allowMoves: true });
  assert.deepEqual(soft.input.meetings.map((m) => m.lockedSlot ?? null).slice(0, 2), [null, null]);
  assert.deepEqual(soft.incremental, { published: { m1: 's1', m2: 's2' }, allowMoves: true });
  assert.equal(solverPlan(x, { incremental: false, allowMoves: false }).incremental, undefined);
});

function resultOf(assignments: { meeting: string; slot: string }[]) {
  return { assignments, unscheduled: [], scheduled: assignments.length, requested: assignments.length, weight: 2 * assignments.length,
    totalWeight: 2 * assignments.length, breaks: 0, maxBreaks: 0, breaksByParticipant: {}, movedPublished: [], breaksDifference: 0,
    certificate: { objective: 'weight' as const, upperBound: 2, countUpperBound: 1, upperBoundSource: 'test', breaksLowerBound: 0, weightGap: 0, countGap: 0, breaksGap: 0, proven: false },
    seconds: 0, iterations: 0 };
}
