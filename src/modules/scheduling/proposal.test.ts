import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solve, validateSchedule } from '../../engines/scheduler/index.ts';
import { assignTables, buildProposal, toSolverInput, type EventExport, type ExportMeeting } from './proposal.ts';

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
