// Count first versus weight first, both certified, and the fairness limit on the difference of breaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solve, validateSchedule, type ScheduleInputRaw } from './index.ts';

const slots = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i + 1}`, start: `2026-03-01T09:${String(i * 10).padStart(2, '0')}:00Z`,
  end: `2026-03-01T09:${String(i * 10 + 10).padStart(2, '0')}:00Z`, session: 'am' }));

// Everybody can meet only in s1: "big" (a, b; priority 3) excludes "x1" (a, c) and "x2" (b, d; priority 1 each), so
// count first holds x1 + x2 (2 meetings, weight 2) and weight first holds big (1 meeting, weight 3).
const conflict: ScheduleInputRaw = {
  slots: slots(2), tables: null, participants: ['a', 'b', 'c', 'd'].map((id) => ({ id, unavailableSlots: ['s2'] })),
  meetings: [
    { id: 'big', participants: ['a', 'b'], priority: 3 },
    { id: 'x1', participants: ['a', 'c'], priority: 1 },
    { id: 'x2', participants: ['b', 'd'], priority: 1 },
  ],
};

test('weight first holds the heavy meeting, count first the two light ones; each certificate proves its objective', async () => {
  const w = await solve(conflict, { seed: 1, timeLimitMs: 2000, objective: 'weight' });
  assert.deepEqual(validateSchedule(conflict, w.assignments).violations, []);
  assert.deepEqual(w.assignments.map((a) => a.meeting), ['big']);
  assert.equal(w.weight, 3);
  assert.equal(w.certificate.objective, 'weight');
  assert.equal(w.certificate.upperBound, 3);
  assert.equal(w.certificate.weightGap, 0);
  assert.ok(w.certificate.proven);

  const c = await solve(conflict, { seed: 1, timeLimitMs: 2000, objective: 'count' });
  assert.deepEqual(validateSchedule(conflict, c.assignments).violations, []);
  assert.deepEqual(c.assignments.map((a) => a.meeting).sort(), ['x1', 'x2']);
  assert.equal(c.scheduled, 2);
  assert.equal(c.weight, 2);
  assert.equal(c.certificate.objective, 'count');
  assert.equal(c.certificate.countUpperBound, 2, 'no schedule holds three (a and b meet only in s1)');
  assert.equal(c.certificate.countGap, 0);
  assert.ok(c.certificate.upperBound >= 3, 'the weight bound stays valid for any schedule');
  assert.ok(c.certificate.proven);
});

test('count first keeps priority as the tie-break between schedules of equal size', async () => {
  // Two meetings compete for p's only slot: same count either way, the heavier one wins.
  const input: ScheduleInputRaw = { slots: slots(1), tables: null, participants: ['p', 'q', 'r'].map((id) => ({ id })),
    meetings: [{ id: 'light', participants: ['p', 'q'], priority: 1 }, { id: 'heavy', participants: ['p', 'r'], priority: 2 }] };
  const r = await solve(input, { seed: 5, timeLimitMs: 2000, objective: 'count' });
  assert.deepEqual(r.assignments.map((a) => a.meeting), ['heavy']);
  assert.equal(r.certificate.countUpperBound, 1);
});

test('fairness: with a limit on the difference of breaks the solver spreads them, and the validator enforces it', async () => {
  // a (unavailable in s2) meets b and c, so a has a break unless a meeting is dropped; b and d have one meeting each
  // and no break: limit 0 cannot hold with all meetings. Weight comes first, so all are held and the excess reported.
  const input: ScheduleInputRaw = { slots: slots(3), tables: null, maxBreaksDifference: 0,
    participants: [{ id: 'a', unavailableSlots: ['s2'] }, { id: 'b' }, { id: 'c' }, { id: 'd' }],
    meetings: [{ id: 'ab', participants: ['a', 'b'] }, { id: 'ac', participants: ['a', 'c'] }, { id: 'cd', participants: ['c', 'd'] }] };
  const bad = validateSchedule(input, [{ meeting: 'ab', slot: 's1' }, { meeting: 'ac', slot: 's3' }, { meeting: 'cd', slot: 's2' }]);
  assert.ok(bad.violations.some((v) => v.includes('breaks differ by 1')), bad.violations.join('; '));
  const r = await solve(input, { seed: 1, timeLimitMs: 3000, maxIterations: 50000 });
  const v = validateSchedule(input, r.assignments);
  assert.equal(r.scheduled, 3);
  assert.equal(r.breaksDifference, 1);
  assert.ok(v.violations.every((x) => x.includes('breaks differ')), 'only the fairness limit can be missed');

  // Solvable: two pairs, everybody can meet without breaks; limit 0 holds and the balanced objective is kept.
  const ok: ScheduleInputRaw = { ...input, participants: ['a', 'b', 'c', 'd'].map((id) => ({ id })),
    meetings: [{ id: 'ab', participants: ['a', 'b'] }, { id: 'ac', participants: ['a', 'c'] }, { id: 'bd', participants: ['b', 'd'] }, { id: 'cd', participants: ['c', 'd'] }] };
  const r2 = await solve(ok, { seed: 2, timeLimitMs: 3000, maxIterations: 50000 });
  assert.deepEqual(validateSchedule(ok, r2.assignments).violations, []);
  assert.equal(r2.breaksDifference, 0);
});
