// Concept mapping and text normalisation: Russian inflections, Chinese longest match, short
// tokens that belong to concepts, generic words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conceptMapper } from './concepts.ts';
import { textTerms, wordTokens } from './text.ts';
import { matchTokens } from './thesaurus/index.ts';
import { profileFeatures } from './features.ts';
import { mk } from './test-profiles.ts';

const ids = (text: string) => new Set(conceptMapper().extract(text).hits.map((h) => h.id));

test('Russian inflected and plural forms map to the same concept', () => {
  for (const t of ['лазерная наплавка', 'технология лазерной наплавки', 'о лазерных наплавках']) assert.ok(ids(t).has('laser_cladding'), t);
  for (const t of ['топливный элемент', 'водородных топливных элементов']) assert.ok(ids(t).has('fuel_cell'), t);
  assert.ok(ids('износостойких покрытий').has('wear_resistant_coating'));
});

test('«предприятие» is kept inside «совместное предприятие» (joint venture), not a stop word there', () => {
  assert.ok(ids('создание совместного предприятия в Китае').has('joint_venture'));
  assert.ok(!ids('совместный проект').has('joint_venture'));
});

test('short tokens and numbers that belong to concepts survive: 5G, 3D-печать, R&D, индустрия 4.0', () => {
  assert.ok(ids('сети 5G для заводов').has('mobile_network_5g'));
  assert.ok(ids('3D-печать деталей').has('additive_manufacturing'));
  assert.ok(ids('3D打印钛合金').has('additive_manufacturing'));
  assert.deepEqual(wordTokens('R&D и 5G'), matchTokens('R&D и 5G'));
  assert.ok(wordTokens('R&D центр').includes('r&d'));
  assert.ok(textTerms('сети 5G').includes('5g'));
});

test('Chinese: the longest label wins at a position (激光熔覆, not 激光 + 熔覆) and Latin labels need word boundaries', () => {
  const hits = conceptMapper().extract('提供激光熔覆耐磨涂层技术').hits.map((h) => h.id);
  assert.ok(hits.includes('laser_cladding'));
  assert.ok(hits.includes('wear_resistant_coating'));
  assert.ok(!hits.includes('laser'), 'the bare 激光 must not fire inside 激光熔覆');
  assert.ok(ids('激光雷达LiDAR').has('lidar'));
});

test('Chinese segmentation keeps thesaurus labels whole and glues single characters', () => {
  const ex = conceptMapper().extract('本公司提供激光熔覆耐磨涂层技术');
  const terms = textTerms(ex.zh!.text, ex.zh!.spans);
  assert.ok(terms.includes('激光熔覆'));
  assert.ok(terms.includes('耐磨涂层'));
  assert.ok(!terms.includes('本公司'), 'boilerplate is a stop word');
});

test('generic words (инновационный, 智能, innovative) and cooperation forms carry no concept weight', () => {
  const f = profileFeatures(mk({ id: 'g', organisationId: 'o', country: 'BY', type: 'TO',
    title: { ru: 'Инновационные интеллектуальные технологии', zh: '智能创新技术', en: 'Innovative smart technology' },
    summary: { ru: 'Совместные исследования и трансфер технологий' } }));
  assert.equal(f.concepts.size, 0, [...f.concepts.keys()].join(', '));
});

test('a bilingual profile counts a concept once, with the label of each language it was written in', () => {
  const f = profileFeatures(mk({ id: 'b', organisationId: 'o', country: 'CN', type: 'TO',
    title: { zh: '氢能', ru: 'Водородная энергетика' }, summary: {} }));
  const mono = profileFeatures(mk({ id: 'm', organisationId: 'o', country: 'CN', type: 'TO', title: { zh: '氢能' }, summary: {} }));
  assert.equal(f.concepts.get('hydrogen_energy'), mono.concepts.get('hydrogen_energy'));
  assert.deepEqual(f.direct.get('hydrogen_energy'), { ru: 'водородная энергетика', zh: '氢能' });
});

test('concepts expand to broader concepts at a lower weight; areas are inferred when none are declared', () => {
  const f = profileFeatures(mk({ id: 'x', organisationId: 'o', country: 'CN', type: 'TO', title: { zh: '固体氧化物燃料电池' }, summary: {} }));
  assert.ok(f.concepts.get('fuel_cell')! > 0 && f.concepts.get('fuel_cell')! < f.concepts.get('solid_oxide_fuel_cell')!);
  assert.deepEqual(f.areas, ['energy_efficiency']);
  assert.deepEqual(f.subAreas, ['energy_efficiency.hydrogen']);
  assert.equal(f.declaredTaxonomy, false);
});
