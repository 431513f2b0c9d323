// The breaks lower bound with the interval proof against exhaustive search: on tiny random instances (bilateral
// meetings, tables, unavailability, one sequence or two sessions) the bound never exceeds the true minimum of breaks
// over all schedules that hold every meeting, and the proof adds a break on some of them (it is not vacuous).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breaksLowerBound } from './bounds.ts';
import { compileProblem } from './model.ts';
import { Rng } from './rng.ts';
import { solve, validateSchedule, type ScheduleInputRaw } from './index.ts';

function tinyInstance(seed: number): ScheduleInputRaw {
  const rng = new Rng(seed);
  const nP = 3 + rng.int(3);
  const nT = 3 + rng.int(3);
  const all = rng.next() < 0.6;
  const slots = Array.from({ length: nT }, (_, i) => ({ id: `s${i + 1}`, start: `2026-03-01T${String(10 + i).padStart(2, '0')}:00:00Z`,
    end: `2026-03-01T${String(10 + i).padStart(2, '0')}:30:00Z`, session: i < Math.ceil(nT / 2) ? 'am' : 'pm' }));
  const participants = Array.from({ length: nP }, (_, i) => ({ id: `p${i + 1}`, unavailableSlots: slots.filter(() => rng.next() < 0.12).map((s) => s.id) }));
  const pairs: [string, string][] = [];
  for (let a = 0; a < nP; a++) for (let b = a + 1; b < nP; b++) if (rng.next() < 0.6) pairs.push([`p${a + 1}`, `p${b + 1}`]);
  const meetings = pairs.slice(0, 7).map((ps, i) => ({ id: `m${i + 1}`, participants: ps,
    session: rng.next() < 0.25 ? (rng.next() < 0.5 ? 'am' : 'pm') : null }));
  return { slots, tables: 1 + rng.int(2), participants, meetings, breakScope: all ? 'all' : 'session' };
}

/** Fewest breaks over all schedules holding every meeting (null: none holds them all). */
function exhaustiveMinBreaks(input: ScheduleInputRaw): number | null {
  const pb = compileProblem(input);
  const slotOf = new Int32Array(pb.M).fill(-1);
  const busy = new Uint8Array(pb.P * pb.T);
  const used = new Int32Array(pb.T);
  let best: number | null = null;
  const rec = (m: number) => {
    if (m === pb.M) {
      const assignments = Array.from(slotOf, (t, i) => ({ meeting: pb.meetIds[i], slot: pb.slotIds[t] }));
      const b = validateSchedule(input, assignments).breaks;
      if (best === null || b < best) best = b;
      return;
    }
    const [p, q] = pb.mParts[m];
    for (const t of pb.allowed[m]) {
      if (busy[p * pb.T + t] || busy[q * pb.T + t] || used[t] >= pb.tables) continue;
      busy[p * pb.T + t] = busy[q * pb.T + t] = 1; used[t]++; slotOf[m] = t;
      rec(m + 1);
      busy[p * pb.T + t] = busy[q * pb.T + t] = 0; used[t]--;
    }
  };
  rec(0);
  return best;
}

test('interval proof: the breaks lower bound never exceeds the exhaustive minimum, and the proof adds a break on some instances', async () => {
  let raised = 0, compared = 0;
  for (let seed = 1; seed <= 400; seed++) {
    const input = tinyInstance(seed);
    const opt = exhaustiveMinBreaks(input);
    if (opt === null) continue;
    const base = breaksLowerBound(compileProblem(input), 0);
    const lb = breaksLowerBound(compileProblem(input), 0, { nodes: 1e6, deadline: Date.now() + 5000 });
    assert.ok(base <= lb, `seed ${seed}: base ${base}, with proof ${lb}`);
    assert.ok(lb <= opt, `seed ${seed}: lower bound ${lb} above the exhaustive minimum ${opt}`);
    compared++;
    if (lb > base) raised++;
    if (seed % 40 === 0) {
      // The solver's certificate uses the same bound: its schedule never has fewer breaks.
      const r = await solve(input, { seed, timeLimitMs: 1000, maxIterations: 3000, skipLpBound: true });
      assert.deepEqual(validateSchedule(input, r.assignments).violations, []);
      if (r.scheduled === r.requested) assert.ok(r.breaks >= r.certificate.breaksLowerBound && r.certificate.breaksLowerBound <= opt, `seed ${seed}`);
    }
  }
  assert.ok(compared >= 100, `enough instances hold all meetings (${compared})`);
  assert.ok(raised >= 5, `the proof raises the bound on some instances (${raised} of ${compared})`);
});

test('interval proof: a triangle of three participants with two meetings each in three slots and one table needs a break', () => {
  // a–b, b–c, a–c in 3 slots, 1 table: each person is busy in 2 of the 3 slots; one of them gets the middle slot free.
  const slots = [1, 2, 3].map((i) => ({ id: `s${i}`, start: `2026-03-01T1${i}:00:00Z`, end: `2026-03-01T1${i}:30:00Z`, session: 'x' }));
  const input: ScheduleInputRaw = { slots, tables: 1, participants: ['a', 'b', 'c'].map((id) => ({ id })),
    meetings: [{ id: 'm1', participants: ['a', 'b'] }, { id: 'm2', participants: ['b', 'c'] }, { id: 'm3', participants: ['a', 'c'] }] };
  assert.equal(exhaustiveMinBreaks(input), 1);
  assert.equal(breaksLowerBound(compileProblem(input), 0), 0, 'the per-participant bound alone sees nothing');
  assert.equal(breaksLowerBound(compileProblem(input), 0, { nodes: 1000, deadline: Date.now() + 1000 }), 1);
});
