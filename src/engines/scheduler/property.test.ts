// Property test: seeded random instances always get a valid schedule whose weight never exceeds the certified upper
// bound and whose breaks never fall below the certified lower bound; on tiny instances an exhaustive search gives the
// true optimum, which must lie between the solver's weight and the bound (and equal the solver's without locks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from './rng.ts';
import { solve, validateSchedule, parseInput, type ScheduleInput, type ScheduleInputRaw } from './index.ts';

function randomInstance(seed: number, tiny: boolean): ScheduleInputRaw {
  const rng = new Rng(seed);
  const nP = 3 + rng.int(tiny ? 4 : 10);
  const nT = 2 + rng.int(tiny ? 3 : 8);
  const twoSessions = rng.next() < 0.5 && nT >= 4;
  const slots = Array.from({ length: nT }, (_, i) => ({ id: `s${i + 1}`, start: `2026-03-01T${String(10 + i).padStart(2, '0')}:00:00Z`, end: 'x',
    session: twoSessions && i >= nT / 2 ? 'pm' : 'am' }));
  const participants = Array.from({ length: nP }, (_, i) => ({ id: `p${i + 1}`,
    unavailableSlots: slots.filter(() => rng.next() < 0.15).map((s) => s.id) }));
  const nM = tiny ? 3 + rng.int(5) : 5 + rng.int(30);
  const interpreters = !tiny && rng.next() < 0.5 ? [{ id: 'i1', languages: ['ru', 'zh'] }, { id: 'i2', languages: ['ru', 'zh', 'en'] }] : [];
  const meetings = Array.from({ length: nM }, (_, i) => {
    const size = rng.next() < 0.15 && nP >= 3 ? 3 : 2;
    const ps = rng.shuffle(participants.map((p) => p.id)).slice(0, size);
    return { id: `m${i + 1}`, participants: ps, priority: 1 + rng.int(3), mode: rng.next() < 0.3 ? 'online' as const : 'onsite' as const,
      session: twoSessions && rng.next() < 0.3 ? (rng.next() < 0.5 ? 'am' : 'pm') : null,
      lockedSlot: !tiny && rng.next() < 0.08 ? slots[rng.int(nT)].id : null,
      needsInterpreter: interpreters.length && rng.next() < 0.3 ? ['ru', 'zh'] : [] };
  });
  return { slots, tables: rng.next() < 0.5 ? null : 1 + rng.int(3), participants, meetings, interpreters };
}

/** Exhaustive maximum weight (tiny instances without interpreters or locks). */
function bruteForce(input: ScheduleInput): number {
  const slotIdx = new Map(input.slots.map((s, i) => [s.id, i]));
  const unav = new Map(input.participants.map((p) => [p.id, new Set(p.unavailableSlots)]));
  const busy = new Set<string>();
  const onsite = new Array(input.slots.length).fill(0);
  const cap = input.tables ?? Infinity;
  let best = 0;
  const rec = (i: number, w: number, rest: number) => {
    if (w + rest <= best) return;
    if (i === input.meetings.length) { best = w; return; }
    const m = input.meetings[i];
    for (const s of input.slots) {
      const t = slotIdx.get(s.id)!;
      if (m.session !== null && s.session !== m.session) continue;
      if (m.participants.some((p) => unav.get(p)!.has(s.id) || busy.has(`${p}|${t}`))) continue;
      if (m.mode === 'onsite' && onsite[t] >= cap) continue;
      for (const p of m.participants) busy.add(`${p}|${t}`);
      if (m.mode === 'onsite') onsite[t]++;
      rec(i + 1, w + m.priority, rest - m.priority);
      for (const p of m.participants) busy.delete(`${p}|${t}`);
      if (m.mode === 'onsite') onsite[t]--;
    }
    rec(i + 1, w, rest - m.priority);
  };
  rec(0, 0, input.meetings.reduce((a, m) => a + m.priority, 0));
  return best;
}

test('random instances: valid schedules within the certificate', async () => {
  for (let seed = 1; seed <= 30; seed++) {
    const input = randomInstance(seed, false);
    const r = await solve(input, { seed, timeLimitMs: 2000, maxIterations: 4000, skipLpBound: seed % 3 !== 0 });
    const v = validateSchedule(input, r.assignments);
    assert.deepEqual(v.violations, [], `seed ${seed}`);
    assert.equal(v.weight, r.weight, `seed ${seed}: weight`);
    assert.equal(v.breaks, r.breaks, `seed ${seed}: breaks`);
    assert.ok(r.weight <= r.certificate.upperBound, `seed ${seed}: weight ${r.weight} > upper bound ${r.certificate.upperBound}`);
    assert.ok(r.breaks >= r.certificate.breaksLowerBound, `seed ${seed}: breaks below the lower bound`);
    assert.equal(r.scheduled + r.unscheduled.length, input.meetings!.length);
    for (const u of r.unscheduled) assert.ok(u.reason.length > 10, `seed ${seed}: reason for ${u.meeting}`);
  }
});

test('tiny random instances: solver ≤ exhaustive optimum ≤ upper bound', async () => {
  let equal = 0;
  for (let seed = 100; seed < 130; seed++) {
    const input = randomInstance(seed, true);
    const opt = bruteForce(parseInput(input));
    const r = await solve(input, { seed, timeLimitMs: 2000, maxIterations: 4000 });
    assert.deepEqual(validateSchedule(input, r.assignments).violations, []);
    assert.ok(r.weight <= opt, `seed ${seed}: solver ${r.weight} beats the exhaustive optimum ${opt}?`);
    assert.ok(opt <= r.certificate.upperBound, `seed ${seed}: optimum ${opt} above the upper bound ${r.certificate.upperBound}`);
    assert.equal(r.weight, opt, `seed ${seed}: solver misses the optimum`);
    if (opt === r.certificate.upperBound) equal++;
  }
  assert.ok(equal >= 20, `the bound is tight on most tiny instances (${equal}/30)`);
});
