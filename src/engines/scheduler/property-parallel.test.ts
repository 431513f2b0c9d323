// Property test for parallel blocks and precedences: random tiny instances with two sessions that overlap in time
// and random acyclic precedences. The schedule must pass the independent validator, and an exhaustive search (which
// checks time intervals and precedences itself) must land between the solver's result and the certified bound, for
// weight first and for count first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from './rng.ts';
import { solve, validateSchedule, parseInput, type ScheduleInput, type ScheduleInputRaw } from './index.ts';

const iso = (min: number) => new Date(Date.UTC(2026, 2, 1, 9, 0) + min * 60000).toISOString();

function randomInstance(seed: number): ScheduleInputRaw {
  const rng = new Rng(seed);
  const nP = 3 + rng.int(3);
  // Block A: 30-minute slots from 09:00; block B: 30-minute slots from 09:15 (each overlaps two of A's).
  const nA = 2 + rng.int(2), nB = 1 + rng.int(2);
  const slots = [
    ...Array.from({ length: nA }, (_, i) => ({ id: `a${i + 1}`, start: iso(30 * i), end: iso(30 * i + 30), session: 'A' })),
    ...Array.from({ length: nB }, (_, i) => ({ id: `b${i + 1}`, start: iso(15 + 30 * i), end: iso(45 + 30 * i), session: 'B' })),
  ];
  const participants = Array.from({ length: nP }, (_, i) => ({ id: `p${i + 1}`, unavailableSlots: slots.filter(() => rng.next() < 0.1).map((s) => s.id) }));
  const nM = 3 + rng.int(4);
  const meetings = Array.from({ length: nM }, (_, i) => ({
    id: `m${i + 1}`, participants: rng.shuffle(participants.map((p) => p.id)).slice(0, 2), priority: 1 + rng.int(3),
    after: i > 0 && rng.next() < 0.35 ? [`m${1 + rng.int(i)}`] : [],
  }));
  return { slots, tables: rng.next() < 0.5 ? null : 1 + rng.int(2), participants, meetings };
}

/** Exhaustive best (count, weight) and best weight over all valid schedules. */
function bruteForce(input: ScheduleInput): { maxWeight: number; maxCount: number } {
  const span = new Map(input.slots.map((s) => [s.id, [Date.parse(s.start), Date.parse(s.end)]]));
  const unav = new Map(input.participants.map((p) => [p.id, new Set(p.unavailableSlots)]));
  const cap = input.tables ?? Infinity;
  const at: (string | null)[] = input.meetings.map(() => null);
  let maxWeight = 0, maxCount = 0;
  const ok = (i: number, sid: string) => {
    const m = input.meetings[i];
    const [s0, s1] = span.get(sid)!;
    if (m.participants.some((p) => unav.get(p)!.has(sid))) return false;
    if (input.meetings.filter((_, j) => j < i && at[j] === sid).length >= cap) return false;
    for (let j = 0; j < i; j++) {
      if (at[j] === null) continue;
      const [t0, t1] = span.get(at[j]!)!;
      const o = input.meetings[j];
      if (o.participants.some((p) => m.participants.includes(p)) && s0 < t1 && t0 < s1) return false;
      if (m.after.includes(o.id) && t1 > s0) return false;
    }
    return true;
  };
  const rec = (i: number, w: number, n: number) => {
    if (i === input.meetings.length) { maxWeight = Math.max(maxWeight, w); maxCount = Math.max(maxCount, n); return; }
    for (const s of input.slots) if (ok(i, s.id)) { at[i] = s.id; rec(i + 1, w + input.meetings[i].priority, n + 1); at[i] = null; }
    rec(i + 1, w, n);
  };
  rec(0, 0, 0);
  return { maxWeight, maxCount };
}

test('parallel blocks and precedences: valid schedules, exhaustive optimum between result and bound (both objectives)', async () => {
  let tightW = 0, tightC = 0;
  for (let seed = 1; seed <= 25; seed++) {
    const input = randomInstance(seed);
    const { maxWeight, maxCount } = bruteForce(parseInput(input));
    const w = await solve(input, { seed, timeLimitMs: 2000, maxIterations: 5000, objective: 'weight' });
    const c = await solve(input, { seed, timeLimitMs: 2000, maxIterations: 5000, objective: 'count' });
    for (const r of [w, c]) {
      const v = validateSchedule(input, r.assignments);
      assert.deepEqual(v.violations, [], `seed ${seed}`);
      assert.equal(v.breaks, r.breaks, `seed ${seed}: breaks`);
      assert.ok(r.breaks >= r.certificate.breaksLowerBound, `seed ${seed}: breaks below the lower bound`);
      assert.ok(r.scheduled <= maxCount && maxCount <= r.certificate.countUpperBound, `seed ${seed}: count ${r.scheduled} ≤ ${maxCount} ≤ ${r.certificate.countUpperBound}`);
      assert.ok(r.weight <= maxWeight && maxWeight <= r.certificate.upperBound, `seed ${seed}: weight ${r.weight} ≤ ${maxWeight} ≤ ${r.certificate.upperBound}`);
    }
    assert.equal(w.weight, maxWeight, `seed ${seed}: weight first misses the optimum`);
    assert.equal(c.scheduled, maxCount, `seed ${seed}: count first misses the optimum`);
    if (w.certificate.upperBound === maxWeight) tightW++;
    if (c.certificate.countUpperBound === maxCount) tightC++;
  }
  assert.ok(tightW >= 15 && tightC >= 15, `bounds tight on most instances (weight ${tightW}/25, count ${tightC}/25)`);
});
