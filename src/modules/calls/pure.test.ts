// Unit tests of the pure parts: canonical hash, mirror check, completeness and budget caps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { canonicalHash, canonicalJson } from './canonical.ts';
import { mirrorMismatches } from './mirror.ts';
import { budgetTotals, completeness, emptySection, problemsOf, type Sections } from './sections.ts';

test('canonical form: key order does not matter, any change of content does', () => {
  const a = { b: 1, a: { y: [1, 2, 'x'], x: 'Проект 项目' } };
  const b = { a: { x: 'Проект 项目', y: [1, 2, 'x'] }, b: 1 };
  assert.equal(canonicalJson(a), '{"a":{"x":"Проект 项目","y":[1,2,"x"]},"b":1}');
  assert.equal(canonicalHash(a), canonicalHash(b));
  assert.equal(canonicalHash(a), createHash('sha256').update(canonicalJson(b)).digest('hex'), 'independent recomputation');
  assert.notEqual(canonicalHash(a), canonicalHash({ ...b, b: 2 }));
  assert.notEqual(canonicalHash(a), canonicalHash({ ...b, a: { x: 'Проект 项目', y: [2, 1, 'x'] } }), 'array order is content');
  // NFC: a decomposed "й" equals the composed one.
  assert.equal(canonicalHash({ t: 'й' }), canonicalHash({ t: 'й' }));
});

const ORG_BY = '00000000-0000-7000-8000-000000000001', ORG_CN = '00000000-0000-7000-8000-000000000002';
const half = (over: Partial<{ ru: string; zh: string; piCn: string; orgs: Sections['consortium']['organisations'] }> = {}) => ({
  title: { title: { ru: over.ru ?? 'Лазерные датчики', zh: over.zh ?? '激光传感器' } },
  consortium: {
    organisations: over.orgs ?? [{ organisationId: ORG_BY, side: 'BY' as const, role: 'lead' as const }, { organisationId: ORG_CN, side: 'CN' as const, role: 'lead' as const }],
    pis: { BY: { userId: null, name: 'Андрей Мельников' }, CN: { userId: null, name: over.piCn ?? '李明' } },
  },
});

test('mirror check: identical halves match; every differing field is listed with both values', () => {
  assert.deepEqual(mirrorMismatches(half(), half({ ru: '  Лазерные   датчики ' })), [], 'whitespace is not a difference');
  const m = mirrorMismatches(half(), half({ zh: '激光传感', piCn: '李 明', orgs: [{ organisationId: ORG_BY, side: 'BY', role: 'lead' }] }));
  assert.deepEqual(m.map((x) => x.field), ['title.zh', 'organisations', 'pi.CN']);
  assert.equal(m[0].BY, '激光传感器');
  assert.equal(m[0].CN, '激光传感');
  assert.equal(m[2].CN, '李 明');
});

const terms = { projectStartYear: 2022, projectEndYear: 2023, maxDurationMonths: 24, priorityAreas: ['ict_ai', 'instruments_photonics'],
  caps: [{ year: 2022, amount: 100000 }, { year: 2023, amount: 100000 }], requiredDocuments: [{ code: 'work_plan', side: 'BY', required: true }, { code: 'cn_form', side: 'CN', required: true }] };

test('completeness: an empty half lists what is missing, per section', () => {
  const c = completeness('BY', {}, terms, []);
  assert.equal(c.complete, false);
  assert.equal(c.percent, 0);
  const codes = problemsOf('BY', {}, terms, []).map((p) => p.code);
  for (const code of ['title_ru_missing', 'title_zh_missing', 'lead_missing', 'pi_missing', 'stages_missing', 'budget_missing', 'customer_missing', 'document_missing']) {
    assert.ok(codes.includes(code), code);
  }
  assert.ok(!problemsOf('CN', {}, terms, []).some((p) => p.section === 'customer'), 'the customer section is Belarusian only');
});

test('completeness: budget over the cap, areas outside the call, duration too long', () => {
  const full: Partial<Sections> = {
    title: { ...emptySection('title'), title: { ru: 'Т', zh: '题' }, abstract: { ru: 'А' }, areas: ['medicine_biotech'], durationMonths: 30 },
    budget: { lines: [{ year: 2022, category: 'personnel', amount: 60000 }, { year: 2022, category: 'equipment', amount: 40000.01 }, { year: 2023, category: 'travel', amount: 10 }] },
  };
  const codes = problemsOf('BY', full, terms, ['work_plan']).map((p) => p.code);
  assert.ok(codes.includes('budget_over_cap'));
  assert.ok(codes.includes('areas_outside_call'));
  assert.ok(codes.includes('duration_too_long'));
  assert.ok(!codes.includes('document_missing'));
  assert.deepEqual(budgetTotals(full.budget!.lines), [[2022, 100000.01], [2023, 10]]);
});
