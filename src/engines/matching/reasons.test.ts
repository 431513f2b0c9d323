// Reasons rendered in ru, zh and en from the locale files; concept labels in the viewer's
// language with the candidate's own label in brackets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildIndex, recommend, renderReason } from './index.ts';
import { conceptLabel } from './reasons.ts';
import { HYDROGEN_SET } from './test-profiles.ts';
import type { Reason } from './types.ts';
import { LANGS } from '../../shared/languages.ts';

const ALL: Reason[] = [
  { kind: 'type', params: { relation: 'their_offer_your_request', viewerType: 'TR', candidateType: 'TO' } },
  { kind: 'shared_concepts', params: { concepts: [{ id: 'hydrogen_energy', lang: 'zh', label: '氢能' }, { id: 'fuel_cell', lang: 'zh', label: '燃料电池' }] } },
  { kind: 'related_concepts', params: { concepts: [{ id: 'hydrogen_storage', lang: 'ru', label: 'хранение водорода' }] } },
  { kind: 'taxonomy', params: { level: 'sub_area', code: 'energy_efficiency.storage' } },
  { kind: 'trl', params: { direction: 'theirs_meets_yours', trl: 6, min: 5 } },
  { kind: 'partnership', params: { types: ['licensing', 'rd_cooperation'] } },
  { kind: 'target_country', params: { direction: 'they_target_you', country: 'BY' } },
  { kind: 'partner_type', params: { direction: 'you_seek_them', orgType: 'university' } },
  { kind: 'history', params: { state: 'in_contact' } },
];

test('every reason kind renders in ru, zh and en without leftover keys or placeholders', () => {
  for (const lang of LANGS) {
    for (const r of ALL) {
      const text = renderReason(r, lang);
      assert.ok(text.length > 3, `${lang} ${r.kind}`);
      assert.ok(!/[{}]|^type\.|_types\.|org_types\./.test(text), `${lang} ${r.kind}: ${text}`);
    }
  }
});

test('the examples of the issue, in English', () => {
  assert.equal(renderReason(ALL[0], 'en'), 'Their offer answers your request');
  assert.equal(renderReason(ALL[1], 'en'), 'Shared concepts: hydrogen energy (氢能), fuel cells (燃料电池)');
  assert.equal(renderReason(ALL[3], 'en'), 'Same sub-area: Energy storage');
  assert.equal(renderReason(ALL[4], 'en'), 'TRL 6 meets your need for TRL ≥ 5');
});

test('Russian and Chinese renderings', () => {
  assert.equal(renderReason(ALL[1], 'ru'), 'Общие понятия: водородная энергетика (氢能), топливные элементы (燃料电池)');
  assert.equal(renderReason(ALL[1], 'zh'), '共同概念：氢能、燃料电池');
  assert.equal(renderReason(ALL[2], 'zh'), '相关概念：储氢（хранение водорода）');
  assert.equal(renderReason(ALL[3], 'ru'), 'Тот же подраздел: Накопители энергии');
  assert.equal(renderReason(ALL[4], 'zh'), '技术成熟度 6 级，满足您对技术成熟度 ≥ 5 级的要求');
  assert.equal(renderReason(ALL[6], 'ru'), 'Они ищут партнёров в стране: Беларусь');
  assert.equal(renderReason({ kind: 'shared_concepts', params: { concepts: [{ id: 'hydrogen_storage', lang: 'ru', label: 'хранение водорода' }] } }, 'ru'), 'Общее понятие: хранение водорода');
});

test('the label is not repeated in brackets when the candidate wrote the viewer’s preferred term', () => {
  assert.equal(conceptLabel({ id: 'hydrogen_energy', lang: 'en', label: 'hydrogen energy' }, 'en'), 'hydrogen energy');
  assert.equal(conceptLabel({ id: 'hydrogen_energy', lang: 'zh', label: '氢能' }, 'zh'), '氢能');
});

test('organisers’ taxonomy labels can replace the seed labels', () => {
  assert.equal(renderReason(ALL[3], 'en', { taxonomyLabel: (code) => (code === 'energy_efficiency.storage' ? 'Storage (edited)' : undefined) }),
    'Same sub-area: Storage (edited)');
});

test('reasons of a real recommendation render in all three languages', () => {
  const [c] = recommend(buildIndex(HYDROGEN_SET), 'ru-req', { lang: 'ru' });
  const ru = c.reasons.map((r) => renderReason(r, 'ru'));
  assert.equal(ru[0], 'Их предложение отвечает на ваш запрос');
  assert.ok(ru.some((s) => /^Общие понятия: .*топливные элементы \(.*燃料电池\)/.test(s)), ru.join(' | '));
  assert.ok(ru.some((s) => s === 'УГТ 6 отвечает вашему требованию УГТ ≥ 5'), ru.join(' | '));
  for (const lang of LANGS) assert.equal(c.reasons.map((r) => renderReason(r, lang)).length, c.reasons.length);
});

test('locales/{ru,zh,en}/matching.json have the same keys', () => {
  const keys = (lang: string) => {
    const flat = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? flat(v, `${p}${k}.`) : [`${p}${k}`]));
    return flat(JSON.parse(readFileSync(new URL(`../../../locales/${lang}/matching.json`, import.meta.url), 'utf8'))).sort();
  };
  assert.deepEqual(keys('ru'), keys('en'));
  assert.deepEqual(keys('zh'), keys('en'));
});
