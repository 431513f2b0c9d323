// Property tests over seeded random files: every selection is valid (independent validator), the optimum is at
// least the funding line and at most its own bound, and it equals exhaustive search on small files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng } from '../scheduler/rng.ts';
import { generateFundingFile } from './generate.ts';
import { buildModel, fundingLine, lotterySelection, optimalSelection, parseFundingFile, relaxationBound, type FundingFileRaw } from './index.ts';
import { exhaustiveOptimum, objectiveValue, violations, type RawFile } from './independent-validator.ts';

/** A random file: tight or loose budgets, caps, floors, park residents, either objective. */
function randomFile(seed: number, projects: number): FundingFileRaw {
  const rng = new Rng(seed * 7919 + 13);
  const f = generateFundingFile({
    projects, seed, years: 1 + rng.int(3), areas: 2 + rng.int(4), organisations: 2 + rng.int(Math.max(1, projects / 3)),
    budgetShare: 0.15 + 0.5 * rng.next(), quotas: rng.next() < 0.6, maxPerOrganisation: rng.next() < 0.5 ? 1 + rng.int(3) : undefined,
    objective: rng.next() < 0.3 ? 'count' : 'score',
  });
  const withPark = rng.next() < 0.4;
  for (const p of f.projects as Array<{ parkResident?: boolean }>) if (withPark && rng.next() < 0.3) p.parkResident = true;
  if (withPark) Object.assign(f.constraints!, rng.next() < 0.5 ? { parkResidentBonus: 0.5 } : { minParkResidents: 1 });
  return f;
}

const asRaw = (f: FundingFileRaw) => f as unknown as RawFile;

test('no selection ever exceeds a budget in any year or breaks a cap; floors hold unless reported unmet', async () => {
  for (let seed = 1; seed <= 40; seed++) {
    const raw = randomFile(seed, 10 + (seed % 5) * 12);
    const m = buildModel(parseFundingFile(raw));
    const opt = await optimalSelection(m, { timeLimitSeconds: 20 });
    for (const s of [fundingLine(m), lotterySelection(m, { seed: `s${seed}` }), opt]) {
      if (s.infeasible) { assert.equal(s.method, 'optimal'); continue; }
      const v = violations(asRaw(raw), s.selected);
      const allowed = s.unmetFloors ? v.filter((x) => !/fewer than/.test(x)) : v;
      assert.deepEqual(allowed, [], `seed ${seed}, ${s.method}: ${v.join('; ')}`);
      assert.ok(Math.abs(objectiveValue(asRaw(raw), s.selected) - s.objective) < 1e-6, `seed ${seed} ${s.method}: objective as reported`);
      if (s.method === 'optimal') assert.deepEqual(v, [], 'the optimum meets the floors too');
    }
  }
});

test('the optimal total is at least the funding line\'s and at most its bound; the LP bound covers both', async () => {
  for (let seed = 100; seed < 140; seed++) {
    const raw = randomFile(seed, 30 + (seed % 4) * 25);
    const m = buildModel(parseFundingFile(raw));
    const line = fundingLine(m);
    const opt = await optimalSelection(m, { timeLimitSeconds: 20 });
    const lp = await relaxationBound(m);
    if (opt.infeasible) { assert.equal(lp, null, `seed ${seed}: MIP infeasible only if floors cannot be met`); continue; }
    assert.ok(opt.proven, `seed ${seed}: small instances are proven`);
    assert.equal(opt.gap, 0);
    if (!line.unmetFloors) assert.ok(opt.objective >= line.objective - 1e-9, `seed ${seed}: optimal ${opt.objective} < line ${line.objective}`);
    assert.ok(opt.upperBound! >= opt.objective - 1e-9);
    assert.ok(lp! >= opt.objective - 1e-6, `seed ${seed}: LP bound ${lp} below the optimum ${opt.objective}`);
  }
});

test('the optimum equals exhaustive search on small files', async () => {
  let compared = 0;
  for (let seed = 200; seed < 260; seed++) {
    const raw = randomFile(seed, 5 + (seed % 8));
    const best = exhaustiveOptimum(asRaw(raw));
    const opt = await optimalSelection(buildModel(parseFundingFile(raw)), { timeLimitSeconds: 20 });
    if (best === null) { assert.ok(opt.infeasible, `seed ${seed}: exhaustive finds no valid subset`); continue; }
    assert.ok(!opt.infeasible, `seed ${seed}`);
    assert.ok(Math.abs(opt.objective - best) < 1e-6, `seed ${seed}: optimal ${opt.objective}, exhaustive ${best}`);
    compared++;
  }
  assert.ok(compared >= 40, `compared ${compared} instances`);
});

test('a funder without money for a year funds no project that needs it; the line skips rather than stops', () => {
  const raw: FundingFileRaw = {
    format: 'synergy-funding', version: 1, objective: 'score',
    funders: [{ id: 'BY', currency: 'BYN', budget: { 2023: 100 } }, { id: 'CN', currency: 'CNY', budget: { 2023: 100 } }],
    projects: [
      { id: 'a', score: 14, area: 'x', leadOrganisation: 'o1', requests: { BY: { 2023: 60 }, CN: { 2023: 60 } } },
      { id: 'b', score: 13, area: 'x', leadOrganisation: 'o2', requests: { BY: { 2023: 50 }, CN: { 2023: 10 } } },
      { id: 'c', score: 12, area: 'x', leadOrganisation: 'o3', requests: { BY: { 2023: 40 }, CN: { 2023: 40 } } },
    ],
  };
  const line = fundingLine(buildModel(parseFundingFile(raw)));
  assert.deepEqual(line.selected, ['a', 'c']);
  assert.deepEqual(line.skipped.b, { code: 'budget_exhausted', funder: 'BY', year: '2023', requested: 50, remaining: 40 });
});

test('stopped by its time limit, the optimum is still valid, at least the line, and reports an honest gap', async () => {
  const raw = generateFundingFile({ projects: 2000, seed: 11, quotas: true, maxPerOrganisation: 2, budgetShare: 0.15 });
  const m = buildModel(parseFundingFile(raw));
  const line = fundingLine(m);
  const opt = await optimalSelection(m, { timeLimitSeconds: 0.3 });
  assert.deepEqual(violations(asRaw(raw), opt.selected), []);
  assert.ok(opt.objective >= line.objective - 1e-9);
  assert.ok(opt.upperBound! >= opt.objective - 1e-9);
  const lp = await relaxationBound(m);
  assert.ok(opt.upperBound! <= lp! + 1e-6, 'the MIP bound is at least as tight as the LP relaxation');
  if (!opt.proven) assert.ok(opt.gap! > 0, 'not proven: the gap says so');
  else assert.equal(opt.gap, 0);
});
