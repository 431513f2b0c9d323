// The lottery: the commitment is SHA-256 of the seed, the draw is reproducible from it and uniform over the entrants
// (chi-square over a fixed sequence of seeds, so the test is deterministic), every entrant is listed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { buildModel, lotteryCommitment, lotteryDraw, lotterySelection, parseFundingFile, type FundingFileRaw } from './index.ts';
import { violations, type RawFile } from './independent-validator.ts';

// χ² critical values at p = 0.001 (df 9) and the lower tail p = 0.001 (df 9): outside them the draw is not uniform
// (too uneven, or suspiciously even as a rotation would be).
const CHI2_UPPER_9 = 27.877;
const CHI2_LOWER_9 = 1.152;
const chi2 = (counts: number[], expected: number) => counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);

test('the commitment is SHA-256 of the prefixed seed and changes with the seed', () => {
  assert.equal(lotteryCommitment('42'), createHash('sha256').update('synergy-funding-lottery/v1/42').digest('hex'));
  assert.notEqual(lotteryCommitment('42'), lotteryCommitment('43'));
});

test('the draw is reproducible from the seed, independent of the order entrants are passed, and a permutation', () => {
  const ids = ['j3', 'j1', 'j9', 'j4', 'j7'];
  const a = lotteryDraw(ids, 'seed-1');
  assert.deepEqual(lotteryDraw([...ids].reverse(), 'seed-1'), a);
  assert.deepEqual([...a].sort(), [...ids].sort());
  const orders = new Set(Array.from({ length: 20 }, (_, k) => lotteryDraw(ids, `s${k}`).join()));
  assert.ok(orders.size > 10, 'different seeds give different orders');
});

test('the first drawn entrant is uniform over the entrants (χ² over 3,000 seeds)', () => {
  const ids = Array.from({ length: 10 }, (_, i) => `p${i}`);
  const counts = new Array(10).fill(0);
  for (let s = 0; s < 3000; s++) counts[Number(lotteryDraw(ids, String(s))[0].slice(1))]++;
  const x = chi2(counts, 300);
  assert.ok(x < CHI2_UPPER_9 && x > CHI2_LOWER_9, `χ² = ${x.toFixed(2)}, counts ${counts.join(',')}`);
});

/** 3 projects clearly above, 10 equal entrants in the band, money for exactly 4 of them after the top 3. */
function bandFile(): FundingFileRaw {
  const req = { BY: { 2023: 10 }, CN: { 2023: 50 } };
  return {
    format: 'synergy-funding', version: 1, objective: 'score',
    funders: [{ id: 'BY', currency: 'BYN', budget: { 2023: 70 } }, { id: 'CN', currency: 'CNY', budget: { 2023: 1000 } }],
    projects: [
      ...['t1', 't2', 't3'].map((id) => ({ id, score: 14.5, area: 'a', leadOrganisation: id, requests: req })),
      ...Array.from({ length: 10 }, (_, i) => ({ id: `e${i}`, score: 12 + (i % 3) / 10, area: 'a', leadOrganisation: `e${i}`, requests: req })),
      { id: 'low', score: 10.2, area: 'a', leadOrganisation: 'x', requests: req },
    ],
  };
}

test('entrants in the officer\'s band win uniformly; projects above are funded first; the result lists every entrant', () => {
  const raw = bandFile();
  const m = buildModel(parseFundingFile(raw));
  const wins = new Array(10).fill(0);
  for (let s = 0; s < 1000; s++) {
    const r = lotterySelection(m, { seed: `draw-${s}`, band: { low: 11.5, high: 12.5 } });
    assert.deepEqual(r.lottery!.entrants.slice().sort(), Array.from({ length: 10 }, (_, i) => `e${i}`).sort());
    assert.deepEqual(r.lottery!.fundedAbove, ['t1', 't2', 't3']);
    assert.equal(r.selected.length, 7);
    assert.deepEqual(r.selected.slice(3), r.lottery!.drawOrder.slice(0, 4), 'winners are the first four drawn');
    assert.ok(!r.selected.includes('low'));
    assert.deepEqual(violations(raw as unknown as RawFile, r.selected), []);
    for (const id of r.selected.slice(3)) wins[Number(id.slice(1))]++;
  }
  const x = chi2(wins, 400);
  assert.ok(x < CHI2_UPPER_9 && x > CHI2_LOWER_9, `χ² = ${x.toFixed(2)}, wins ${wins.join(',')}`);
  const again = lotterySelection(m, { seed: 'draw-7', band: { low: 11.5, high: 12.5 } });
  assert.deepEqual(lotterySelection(m, { seed: 'draw-7', band: { low: 11.5, high: 12.5 } }), again, 'same seed, same result');
});

test('without a band, projects whose score interval overlaps the marginal project\'s interval enter', () => {
  const raw = bandFile();
  const ivs: Record<string, [number, number]> = { t1: [14, 15], t2: [14, 15], t3: [13.9, 15], e0: [11.4, 12.6], e1: [11.6, 12.8], low: [9.8, 10.6] };
  for (const p of raw.projects) {
    const iv = ivs[p.id];
    (p as { interval?: [number, number] }).interval = iv ?? [p.score - 0.5, p.score + 0.5];
  }
  const r = lotterySelection(buildModel(parseFundingFile(raw)), { seed: '1' });
  // The line funds t1–t3 and four e's; the marginal is the fifth e in ranking order.
  assert.deepEqual(r.lottery!.fundedAbove, ['t1', 't2', 't3']);
  assert.equal(r.lottery!.entrants.length, 10);
  assert.ok(!r.lottery!.entrants.includes('low'));
  assert.equal(r.selected.length, 7);
});

test('when everything fits nobody enters the lottery', () => {
  const raw = bandFile();
  raw.funders[0].budget = { 2023: 10000 };
  const r = lotterySelection(buildModel(parseFundingFile(raw)), { seed: '1' });
  assert.deepEqual(r.lottery!.entrants, []);
  assert.equal(r.selected.length, 14);
});
