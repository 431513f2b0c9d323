// The interchange format's errors name the offending field; explanations of differences are structured codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildModel, explainDifferences, fundingLine, lotterySelection, optimalSelection, parseFundingFile, FundingInputError, type FundingFileRaw } from './index.ts';

const base = (): FundingFileRaw => ({
  format: 'synergy-funding', version: 1, name: 'explain', objective: 'score',
  funders: [{ id: 'BY', currency: 'BYN', budget: { 2022: 100, 2023: 100 } }, { id: 'CN', currency: 'CNY', budget: { 2022: 100, 2023: 100 } }],
  projects: [
    { id: 'a', score: 14, area: 'ict', leadOrganisation: 'o1', requests: { BY: { 2022: 10, 2023: 10 }, CN: { 2022: 10, 2023: 70 } } },
    { id: 'b', score: 13, area: 'ict', leadOrganisation: 'o2', requests: { BY: { 2022: 10, 2023: 10 }, CN: { 2022: 10, 2023: 50 } } },
    { id: 'c', score: 12.5, area: 'bio', leadOrganisation: 'o3', requests: { BY: { 2022: 10, 2023: 10 }, CN: { 2022: 10, 2023: 50 } } },
  ],
  constraints: { maxPerArea: { ict: 5 }, minPerArea: {}, maxPerOrganisation: 2 },
});

test('the issue\'s example file parses, with defaults for omitted parts', () => {
  const f = parseFundingFile({ ...base(), constraints: undefined, objective: undefined });
  assert.equal(f.objective, 'score');
  assert.deepEqual(f.constraints, { maxPerArea: {}, minPerArea: {} });
});

test('bad files get one line per problem with the path', () => {
  const bad = (mutate: (f: Record<string, any>) => void) => {
    const f = base() as Record<string, any>;
    mutate(f);
    try { parseFundingFile(f); } catch (e) { assert.ok(e instanceof FundingInputError); return (e as Error).message; }
    assert.fail('accepted');
  };
  assert.match(bad((f) => { f.format = 'other'; }), /^not a valid synergy-funding v1 file:\nformat:/);
  assert.match(bad((f) => { f.projects[1].requests.BY['2022'] = -5; }), /projects\.1\.requests\.BY\.2022:/);
  assert.match(bad((f) => { f.projects[2].requests.XX = { 2022: 1 }; }), /projects\.2\.requests\.XX: no funder with this id/);
  assert.match(bad((f) => { f.projects[2].id = 'a'; }), /projects\.2\.id: duplicate id "a"/);
  assert.match(bad((f) => { f.projects[0].requests.CN['2024'] = 5; }), /funder CN has no budget for 2024/);
  assert.match(bad((f) => { f.objective = 'money'; }), /objective:/);
  assert.match(bad((f) => { f.constraints.minPerArea = { ict: 9 }; }), /minPerArea\.ict: 9 is above maxPerArea 5/);
  assert.match(bad((f) => { f.funders[0].budget = { 22: 5 }; }), /four digits/);
  assert.match(bad((f) => { f.projects[0].extra = 1; }), /projects\.0/);
});

test('line versus optimum: the skipped project\'s reason names the Chinese 2023 budget; the exchange is explained', async () => {
  const m = buildModel(parseFundingFile(base()));
  const line = fundingLine(m);
  const opt = await optimalSelection(m);
  assert.deepEqual(line.selected, ['a']);
  assert.deepEqual(opt.selected, ['b', 'c']);
  assert.equal(opt.proven, true);
  const d = explainDifferences(m, line, opt);
  assert.equal(d.gain, 11.5);
  assert.deepEqual(d.a, { method: 'line', objective: 14, count: 1 });
  const by = Object.fromEntries(d.projects.map((x) => [x.project, x]));
  assert.equal(by.a.in, 'a');
  assert.deepEqual(by.a.reasons, [{ code: 'not_in_optimum', selection: 'optimal' }, { code: 'funded_instead_of', selection: 'line', other: 'b', gain: 1 }]);
  assert.deepEqual(by.b.reasons[0], { code: 'budget_exhausted', selection: 'line', funder: 'CN', year: '2023', requested: 50, remaining: 30 });
  assert.deepEqual(by.b.reasons[1], { code: 'funded_instead_of', selection: 'optimal', other: 'a', gain: -1 });
  assert.deepEqual(by.c.reasons, [{ code: 'budget_exhausted', selection: 'line', funder: 'CN', year: '2023', requested: 50, remaining: 30 },
    { code: 'fits_freed_budget', selection: 'optimal' }]);
});

test('caps are reasons too, and a lost draw is reported with its position', () => {
  const f = base();
  f.constraints = { maxPerArea: { ict: 1 }, minPerArea: {}, maxPerOrganisation: 1 };
  f.funders[1].budget = { 2022: 1000, 2023: 1000 };
  f.projects.push({ id: 'd', score: 12, area: 'bio', leadOrganisation: 'o3', requests: { BY: { 2022: 10 } } });
  const m = buildModel(parseFundingFile(f));
  const line = fundingLine(m);
  assert.deepEqual(line.selected, ['a', 'c']);
  assert.deepEqual(line.skipped, { b: { code: 'area_cap', area: 'ict', max: 1 }, d: { code: 'organisation_cap', organisation: 'o3', max: 1 } });
  const lot = lotterySelection(m, { seed: 'x', band: { low: 11, high: 14 } });
  const d = explainDifferences(m, lot, line);
  for (const x of d.projects) {
    if (x.in === 'b') assert.equal(x.reasons[0].code, 'lottery_lost');
  }
  assert.equal(lot.lottery!.entrants.length, 4);
});
