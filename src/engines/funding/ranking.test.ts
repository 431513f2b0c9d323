// Ranking: thresholds per side, approvable only when both sides pass, the joint rule (mean or lower) and the
// documented tie-breaks in their order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../scheduler/rng.ts';
import { rankProjects, type RankingProjectInput } from './index.ts';

const SIDES = ['BY', 'CN'] as const;
const p = (id: string, area: string, by: number[] | undefined, cn: number[] | undefined): RankingProjectInput =>
  ({ id, area, sides: { BY: by && { criteria: by }, CN: cn && { criteria: cn } } });

test('a project is approvable only when both sides pass every criterion and the total', () => {
  const r = rankProjects([
    p('ok', 'a', [4, 4, 4], [4, 4, 3]),
    p('by-low-criterion', 'a', [2, 5, 5], [5, 5, 5]),
    p('cn-low-total', 'a', [5, 5, 5], [3, 3, 3]),
    p('cn-missing', 'a', [5, 5, 5], undefined),
  ], { sides: SIDES, thresholds: { minCriterion: 3, minTotal: 10 } });
  assert.deepEqual(r.joint.map((x) => x.id), ['ok']);
  const why = Object.fromEntries(r.notApprovable.map((x) => [x.id, x.reasons]));
  assert.deepEqual(why['by-low-criterion'], [{ code: 'criterion_below', side: 'BY', criterion: 0, score: 2, min: 3 }]);
  assert.deepEqual(why['cn-low-total'], [{ code: 'total_below', side: 'CN', total: 9, min: 10 }]);
  assert.deepEqual(why['cn-missing'], [{ code: 'side_missing', side: 'CN' }]);
  assert.deepEqual(r.perSide.BY.map((x) => [x.id, x.total, x.passes]),
    [['cn-low-total', 15, true], ['cn-missing', 15, true], ['by-low-criterion', 12, false], ['ok', 12, true]]);
  assert.equal(r.perSide.CN.find((x) => x.id === 'cn-low-total')!.passes, false);
  assert.equal(r.perSide.CN.some((x) => x.id === 'cn-missing'), false, 'a side ranks only what it scored');
});

test('a project with one side negative is never approvable, whatever the other side gives (random)', () => {
  const rng = new Rng(5);
  for (let k = 0; k < 500; k++) {
    const good = [3 + rng.int(3), 3 + rng.int(3), 4 + rng.int(2)];
    const bad = rng.next() < 0.5 ? [rng.int(3), 5, 5] : [3, 3, 3];
    const projects = [rng.next() < 0.5 ? p('x', 'a', good, bad) : p('x', 'a', bad, good)];
    const r = rankProjects(projects, { sides: SIDES, rule: rng.next() < 0.5 ? 'mean' : 'min', thresholds: { minCriterion: 3, minTotal: 10 } });
    assert.deepEqual(r.joint, [], `${good} / ${bad}`);
    assert.equal(r.notApprovable.length, 1);
  }
});

test('the joint score is the mean or the lower of the two sides', () => {
  const projects = [p('even', 'a', [4, 4, 4], [4, 4, 4]), p('lopsided', 'a', [5, 5, 5], [4, 3, 4])];
  const mean = rankProjects(projects, { sides: SIDES, rule: 'mean' });
  assert.deepEqual(mean.joint.map((x) => [x.id, x.jointScore]), [['lopsided', 13], ['even', 12]]);
  const min = rankProjects(projects, { sides: SIDES, rule: 'min' });
  assert.deepEqual(min.joint.map((x) => [x.id, x.jointScore]), [['even', 12], ['lopsided', 11]]);
});

test('ties: first criterion, then an uncovered priority area, then balance of areas, then the id', () => {
  const r = rankProjects([
    p('top', 'ict', [5, 5, 5], [5, 5, 5]),
    // Four projects tied at 12; one has a higher first criterion.
    p('z-first', 'ict', [5, 4, 3], [5, 4, 3]),
    p('b-ict', 'ict', [4, 4, 4], [4, 4, 4]),
    p('c-agro', 'agro', [4, 4, 4], [4, 4, 4]),
    p('d-bio', 'bio', [4, 4, 4], [4, 4, 4]),
    p('a-ict', 'ict', [4, 4, 4], [4, 4, 4]),
  ], { sides: SIDES, priorityAreas: ['bio'] });
  assert.deepEqual(r.joint.map((x) => x.id), ['top', 'z-first', 'd-bio', 'c-agro', 'a-ict', 'b-ict']);
  assert.deepEqual(r.joint.map((x) => x.aboveNextBy), ['score', 'first_criterion', 'priority_area', 'area_balance', 'id', 'last']);
  assert.deepEqual(r.joint.map((x) => x.rank), [1, 2, 3, 4, 5, 6]);
});

test('the ranking does not depend on the input order', () => {
  const rng = new Rng(11);
  const projects = Array.from({ length: 40 }, (_, i) => p(`j${i}`, `a${rng.int(4)}`, [3 + rng.int(3), 3 + rng.int(3), 3 + rng.int(3)], [3 + rng.int(3), 3 + rng.int(3), 3 + rng.int(3)]));
  const a = rankProjects(projects, { sides: SIDES, priorityAreas: ['a1'] });
  const b = rankProjects(rng.shuffle([...projects]), { sides: SIDES, priorityAreas: ['a1'] });
  assert.deepEqual(a, b);
});
