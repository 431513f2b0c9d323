// `synergy schedule` end to end: a JSON interchange file and a benchmark .dzn file through the real command line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'bin/synergy.mjs');
const dir = mkdtempSync(join(tmpdir(), 'synergy-schedule-'));

test('schedules a JSON file and writes the documented output shape', () => {
  const input = {
    name: 'cli test', timezoneEvent: 'Europe/Minsk', tables: 1,
    slots: ['s1', 's2', 's3'].map((id, i) => ({ id, start: `2026-03-01T0${6 + i}:00:00Z`, end: `2026-03-01T0${6 + i}:20:00Z`, session: 'day1-am' })),
    participants: [{ id: 'p1', country: 'BY', timezone: 'Europe/Minsk', unavailableSlots: ['s3'] }, { id: 'p2' }, { id: 'p3' }, { id: 'p4' }],
    meetings: [
      { id: 'm1', participants: ['p1', 'p2'], priority: 3, mode: 'onsite', session: null, lockedSlot: null },
      { id: 'm2', participants: ['p1', 'p3'], priority: 1, mode: 'online' },
      { id: 'm3', participants: ['p2', 'p3', 'p4'], priority: 2 },
      { id: 'm4', participants: ['p1', 'p4'], lockedSlot: 's3' },
    ],
  };
  const inFile = join(dir, 'event.json');
  const outFile = join(dir, 'schedule.json');
  writeFileSync(inFile, JSON.stringify(input));
  const stdout = execFileSync(process.execPath, [BIN, 'schedule', '--input', inFile, '--output', outFile, '--time-limit', '2', '--seed', '3'], { encoding: 'utf8' });
  // p1 has three meetings for three slots and m3 needs p2 and p3 together: the best is to drop the online m2.
  assert.match(stdout, /weight first: scheduled 3\/4 meetings \(at most \d\), weight 6/);
  const out = JSON.parse(readFileSync(outFile, 'utf8'));
  assert.deepEqual(Object.keys(out).sort(), ['assignments', 'breaks', 'breaksDifference', 'breaksLowerBound', 'countUpperBound', 'maxBreaks', 'objective', 'proven', 'scheduled', 'seconds', 'unscheduled', 'upperBound', 'weight'].sort());
  assert.equal(out.scheduled, 3);
  assert.equal(out.weight, 6);
  assert.ok(out.upperBound >= 6 && out.upperBound <= 7);
  assert.deepEqual(out.unscheduled.map((u: { meeting: string }) => u.meeting), ['m2']);
  assert.match(out.unscheduled[0].reason, /p1 busy in 1/);
  const at = new Map(out.assignments.map((a: { meeting: string }) => [a.meeting, a]));
  assert.deepEqual(at.get('m4'), { meeting: 'm4', slot: 's3', table: 1 }, 'locked meeting kept in s3 (over p1\'s stated unavailability)');
  assert.notEqual((at.get('m1') as { slot: string }).slot, (at.get('m3') as { slot: string }).slot);
  assert.equal(out.breaks, 1, 'either p1 or p4 must wait one slot');
});

test('reads a .dzn benchmark file and answers with 1-based indices', () => {
  const outFile = join(dir, 'tic12.json');
  execFileSync(process.execPath, [BIN, 'schedule', '--input', join(ROOT, 'bench/scheduling/instances/tic-12.original.dzn'), '--output', outFile, '--time-limit', '3', '--quiet'], { encoding: 'utf8' });
  const out = JSON.parse(readFileSync(outFile, 'utf8'));
  assert.equal(out.scheduled, 125);
  assert.equal(out.assignments.length, 125);
  assert.ok(out.assignments.every((a: { meeting: unknown; slot: unknown }) => Number.isInteger(a.meeting) && Number.isInteger(a.slot) && (a.slot as number) >= 1 && (a.slot as number) <= 8));
  assert.deepEqual(new Set(out.assignments.map((a: { meeting: number }) => a.meeting)).size, 125);
});

test('--objective count holds more meetings than weight first where they differ; the time limit is kept', () => {
  // Everybody can meet only in s1: "big" (priority 3) excludes two priority-1 meetings.
  const input = { slots: ['s1', 's2'].map((id, i) => ({ id, start: `2026-03-01T0${6 + i}:00:00Z`, end: `2026-03-01T0${6 + i}:20:00Z`, session: 'am' })),
    participants: ['a', 'b', 'c', 'd'].map((id) => ({ id, unavailableSlots: ['s2'] })),
    meetings: [{ id: 'big', participants: ['a', 'b'], priority: 3 }, { id: 'x1', participants: ['a', 'c'] }, { id: 'x2', participants: ['b', 'd'] }] };
  const inFile = join(dir, 'objective.json');
  writeFileSync(inFile, JSON.stringify(input));
  const outW = join(dir, 'w.json'), outC = join(dir, 'c.json');
  execFileSync(process.execPath, [BIN, 'schedule', '--input', inFile, '--output', outW, '--time-limit', '1', '--quiet'], { encoding: 'utf8' });
  const stdout = execFileSync(process.execPath, [BIN, 'schedule', '--input', inFile, '--output', outC, '--time-limit', '1', '--objective', 'count'], { encoding: 'utf8' });
  assert.match(stdout, /count first: scheduled 2\/3 meetings \(at most 2\)/);
  const w = JSON.parse(readFileSync(outW, 'utf8')), c = JSON.parse(readFileSync(outC, 'utf8'));
  assert.deepEqual([w.scheduled, w.weight, w.objective, w.proven], [1, 3, 'weight', true]);
  assert.deepEqual([c.scheduled, c.weight, c.objective, c.countUpperBound, c.proven], [2, 2, 'count', 2, true]);
  const bad = spawnSync(process.execPath, [BIN, 'schedule', '--input', inFile, '--output', outC, '--objective', 'breaks'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--objective must be weight or count/);
  // A hard instance the search cannot finish early: the engine returns within the limit plus 0.5 s, bound included.
  const outF = join(dir, 'crafb.json');
  execFileSync(process.execPath, [BIN, 'schedule', '--input', join(ROOT, 'bench/scheduling/instances/forum-13crafb.prec15.dzn'), '--output', outF, '--time-limit', '2', '--quiet'], { encoding: 'utf8' });
  const f = JSON.parse(readFileSync(outF, 'utf8'));
  assert.ok(f.seconds <= 2.5, `took ${f.seconds} s`);
  assert.ok(f.upperBound >= f.scheduled && f.breaksLowerBound <= f.breaks);
});

test('explains bad input and exits with code 2', () => {
  const inFile = join(dir, 'bad.json');
  writeFileSync(inFile, JSON.stringify({ slots: [], participants: [], meetings: [] }));
  const r = spawnSync(process.execPath, [BIN, 'schedule', '--input', inFile, '--output', join(dir, 'x.json')], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /invalid schedule input at slots/);
});
