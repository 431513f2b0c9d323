// The .dzn reader on real benchmark files (bench/scheduling/instances) and a short solve of one of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dznToInput, parseDznValues, solve, validateSchedule, parseInput } from './index.ts';

const DIR = fileURLToPath(new URL('../../../bench/scheduling/instances/', import.meta.url));
const read = (name: string) => readFileSync(DIR + name, 'utf8');

test('reads tic-12: sizes, meetings, one break sequence over all slots', () => {
  const input = parseInput(dznToInput(read('tic-12.original.dzn')));
  assert.equal(input.participants.length, 42);
  assert.equal(input.meetings.length, 125);
  assert.equal(input.slots.length, 8);
  assert.equal(input.tables, 21);
  assert.equal(input.breakScope, 'all');
  assert.deepEqual(input.meetings[0].participants, ['1', '8']);
  assert.deepEqual(input.meetings[124].participants, ['42', '30']); // last row of requested
  assert.ok(input.meetings.every((m) => m.session === null && m.lockedSlot === null));
});

test('reads forum-13 fixed variant: session codes, forbidden slots, fixed meetings', () => {
  const text = read('forum-13.fixed020-Forb.dzn');
  const raw = parseDznValues(text);
  const input = parseInput(dznToInput(text));
  assert.equal(input.slots.filter((s) => s.session === 'morning').length, 13);
  const requested = raw.get('requested') as number[][];
  input.meetings.forEach((m, i) => {
    const code = requested[i][2];
    assert.equal(m.session, code === 1 ? 'morning' : code === 2 ? 'afternoon' : null);
  });
  const fixed = raw.get('fixed') as number[];
  assert.ok(fixed.filter((x) => x > 0).length >= 20);
  input.meetings.forEach((m, i) => assert.equal(m.lockedSlot, fixed[i] > 0 ? String(fixed[i]) : null));
  const forbidden = raw.get('forbidden') as number[][];
  input.participants.forEach((p, i) => assert.deepEqual(p.unavailableSlots, forbidden[i].filter((t) => t > 0).map(String)));
  assert.ok(input.participants.some((p) => p.unavailableSlots.length > 0));
});

test('rejects malformed data with the name of the field', () => {
  assert.throws(() => dznToInput('nBusiness = 2; nMeetings = 1; nTables = 1; nTotalSlots = 2; nMorningSlots = 1; requested = [|1, 3, 3|];'), /participant 3 out of range/);
  assert.throws(() => dznToInput('nBusiness = 2;'), /nMeetings is missing/);
});

test('schedules tic-12 completely and validly within a short budget', async () => {
  const input = dznToInput(read('tic-12.original.dzn'));
  const r = await solve(input, { seed: 1, timeLimitMs: 3000 });
  const v = validateSchedule(input, r.assignments);
  assert.deepEqual(v.violations, []);
  assert.equal(r.scheduled, 125);
  assert.equal(v.breaks, r.breaks);
  assert.ok(r.breaks <= 2, `tic-12 has a 0-break optimum; got ${r.breaks}`);
});
