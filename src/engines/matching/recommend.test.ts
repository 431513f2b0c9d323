// The combined ranking: cross-language matching, pairing rules, history, incremental updates,
// determinism, organisation queries, eligibility, extra scorers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildIndex, recommend, type Scorer } from './index.ts';
import { HYDROGEN_SET, mk } from './test-profiles.ts';
import type { MatchProfile } from './types.ts';

const ids = (profiles: MatchProfile[], target: string, opts = {}) => recommend(buildIndex(profiles), target, opts).map((c) => c.profileId);

test('a Russian request finds the Chinese offer that answers it, ahead of distractors', () => {
  const [first, ...rest] = recommend(buildIndex(HYDROGEN_SET), 'ru-req', { lang: 'ru' });
  assert.equal(first.profileId, 'zh-offer');
  assert.ok(first.signals.concepts > 0.3, `concepts ${first.signals.concepts}`);
  assert.equal(first.signals.type, 1);
  assert.ok(first.signals.text < first.signals.concepts, 'no word is shared between the Russian and the Chinese text (only pivot terms): the concepts carry it');
  for (const c of rest) assert.ok(c.score < first.score);
  assert.ok(!rest.some((c) => c.profileId === 'ru-lookalike'), 'same-country profiles are not recommended by default');
  const generic = rest.find((c) => c.profileId === 'zh-generic');
  assert.ok(!generic || generic.signals.concepts === 0, 'generic words (智能, 创新) are no shared concept');
  const shared = first.reasons.find((r) => r.kind === 'shared_concepts');
  assert.ok(shared && shared.kind === 'shared_concepts');
  assert.ok(shared.params.concepts.some((c) => c.id === 'fuel_cell' && c.lang === 'zh'));
});

test('and the Chinese offer finds the Russian request', () => {
  assert.equal(ids(HYDROGEN_SET, 'zh-offer')[0], 'ru-req');
});

test('score = weighted signals; changing a weight changes the ranking', () => {
  const index = buildIndex(HYDROGEN_SET);
  const [c] = recommend(index, 'ru-req');
  const w = { concepts: 0.4, text: 0.1, taxonomy: 0.15, type: 0.25, fit: 0.1 };
  const expected = Object.entries(w).reduce((s, [k, v]) => s + v * c.signals[k], 0);
  assert.ok(Math.abs(c.score - expected) < 1e-6, `${c.score} vs ${expected}`);
  // with only taxonomy and type the battery offer (declared sub-area) ties or beats the fuel-cell offer
  const typeOnly = recommend(index, 'ru-req', { weights: { concepts: 0, text: 0, fit: 0 } });
  assert.notEqual(typeOnly[0].score, c.score);
});

test('pairing: BY↔CN by default; same-country only when enabled; never the same organisation; custom pairs', () => {
  const set = [...HYDROGEN_SET, mk({ id: 'ru-same-org', organisationId: 'by-inst', country: 'BY', type: 'TO', title: { ru: 'Топливные элементы' } })];
  assert.ok(!ids(set, 'ru-req').includes('ru-lookalike'));
  const same = ids(set, 'ru-req', { pairing: { sameCountry: true } });
  assert.ok(same.includes('ru-lookalike'));
  assert.ok(!same.includes('ru-same-org'));
  const ruSet = [...set, mk({ id: 'ru-ru', organisationId: 'ru-org', country: 'RU', type: 'TO', title: { ru: 'Водородные топливные элементы' } })];
  assert.ok(!ids(ruSet, 'ru-req').includes('ru-ru'));
  assert.ok(ids(ruSet, 'ru-req', { pairing: { crossBorder: [['BY', 'RU']] } }).includes('ru-ru'));
  assert.ok(!ids(ruSet, 'ru-req', { pairing: { crossBorder: [['BY', 'RU']] } }).includes('zh-offer'));
});

test('history: not relevant removes, in contact and declined drop the pair and say why', () => {
  const index = buildIndex(HYDROGEN_SET);
  const base = recommend(index, 'ru-req');
  assert.equal(base[0].profileId, 'zh-offer');
  assert.ok(!recommend(index, 'ru-req', { history: [{ subject: 'ru-req', object: 'zh-offer', state: 'not_relevant' }] })
    .some((c) => c.profileId === 'zh-offer'));
  // not_relevant is the viewer's own judgement: the other side still sees the pair
  assert.equal(recommend(index, 'zh-offer', { history: [{ subject: 'ru-req', object: 'zh-offer', state: 'not_relevant' }] })[0].profileId, 'ru-req');
  for (const state of ['in_contact', 'declined'] as const) {
    const r = recommend(index, 'ru-req', { history: [{ subject: 'cn-h2', object: 'by-inst', state }] });
    const c = r.find((x) => x.profileId === 'zh-offer')!;
    assert.ok(c.score < base[0].score, state);
    assert.equal(c.signals.history < 1, true);
    assert.deepEqual(c.reasons.at(-1), { kind: 'history', params: { state } });
  }
});

test('incremental: upsert and remove give the same results as rebuilding the index', () => {
  const index = buildIndex(HYDROGEN_SET.filter((p) => p.id !== 'zh-offer'));
  assert.notEqual(recommend(index, 'ru-req')[0]?.profileId, 'zh-offer');
  index.upsert(HYDROGEN_SET.find((p) => p.id === 'zh-offer')!);
  assert.deepEqual(recommend(index, 'ru-req'), recommend(buildIndex(HYDROGEN_SET), 'ru-req'));
  // edit: the offer now speaks of something else
  index.upsert(mk({ id: 'zh-offer', organisationId: 'cn-h2', country: 'CN', type: 'TO', title: { zh: '拉曼光谱仪' } }));
  const edited = recommend(index, 'ru-req').find((c) => c.profileId === 'zh-offer');
  assert.ok(!edited || edited.signals.concepts === 0);
  assert.equal(index.remove('zh-offer'), true);
  assert.equal(index.remove('zh-offer'), false);
  assert.ok(!recommend(index, 'ru-req').some((c) => c.profileId === 'zh-offer'));
  assert.equal(index.size, HYDROGEN_SET.length - 1);
  index.compact();
  assert.deepEqual(recommend(index, 'ru-req'), recommend(buildIndex(HYDROGEN_SET.filter((p) => p.id !== 'zh-offer')), 'ru-req'));
});

test('deterministic: input order does not matter and equal scores are ordered by id', () => {
  const twins = [0, 1, 2].map((i) => mk({ id: `cn-twin-${2 - i}`, organisationId: `cn-t${i}`, country: 'CN', type: 'TO', title: { zh: '燃料电池电堆' } }));
  const set = [...HYDROGEN_SET, ...twins];
  const a = recommend(buildIndex(set), 'ru-req');
  const b = recommend(buildIndex([...set].reverse()), 'ru-req');
  assert.deepEqual(a, b);
  const twinIds = a.map((c) => c.profileId).filter((id) => id.startsWith('cn-twin'));
  assert.deepEqual(twinIds, ['cn-twin-0', 'cn-twin-1', 'cn-twin-2']);
});

test('organisation query: best candidates over all its profiles; top limits; unknown ids give nothing', () => {
  const set = [...HYDROGEN_SET, mk({ id: 'ru-req2', organisationId: 'by-inst', country: 'BY', type: 'TR', title: { ru: 'Нужны литий-ионные аккумуляторы' } })];
  const r = recommend(buildIndex(set), { organisationId: 'by-inst' });
  assert.ok(r.some((c) => c.profileId === 'zh-offer' && c.queryProfileId === 'ru-req'));
  assert.ok(r.some((c) => c.profileId === 'zh-battery' && c.queryProfileId === 'ru-req2'));
  assert.equal(recommend(buildIndex(set), 'by-inst', { top: 1 }).length, 1);
  assert.deepEqual(recommend(buildIndex(set), 'nobody'), []);
});

test('only published, unexpired profiles are recommended', () => {
  const set = HYDROGEN_SET.map((p) => (p.id === 'zh-offer' ? { ...p, status: 'draft' } : p));
  assert.ok(!ids(set, 'ru-req').includes('zh-offer'));
  const expiring = HYDROGEN_SET.map((p) => (p.id === 'zh-offer' ? { ...p, status: 'published', expiresAt: '2026-01-01T00:00:00Z' } : p));
  assert.ok(ids(expiring, 'ru-req').includes('zh-offer'));
  assert.ok(!ids(expiring, 'ru-req', { now: new Date('2026-06-01T00:00:00Z') }).includes('zh-offer'));
});

test('an extra Scorer adds a signal without changing callers', () => {
  const favourBattery: Scorer = { name: 'embedding', weight: 2, score: (_q, d) => (d.profile.id === 'zh-battery' ? 1 : 0) };
  const r = recommend(buildIndex(HYDROGEN_SET, { scorers: [favourBattery] }), 'ru-req');
  assert.equal(r[0].profileId, 'zh-battery');
  assert.equal(r[0].signals.embedding, 1);
});

test('a profile that is not indexed (a draft) can be queried as an object; nothing is added', () => {
  const index = buildIndex(HYDROGEN_SET.filter((p) => p.id !== 'ru-req'));
  const draft = HYDROGEN_SET.find((p) => p.id === 'ru-req')!;
  const r = recommend(index, { profile: draft });
  assert.equal(r[0].profileId, 'zh-offer');
  assert.deepEqual(r.map((c) => c.profileId), recommend(buildIndex(HYDROGEN_SET), 'ru-req').map((c) => c.profileId));
  assert.equal(index.size, HYDROGEN_SET.length - 1);
  assert.equal(index.get('ru-req'), undefined);
});

test('inferred areas count in the score but are not presented as "same sub-area"', () => {
  const index = buildIndex(HYDROGEN_SET);
  const [c] = recommend(index, 'ru-req');
  assert.equal(c.signals.taxonomy, 1, 'both are inferred to be about hydrogen energy');
  assert.ok(!c.reasons.some((r) => r.kind === 'taxonomy'));
  const declared = HYDROGEN_SET.map((p) => ({ ...p, subAreas: ['energy_efficiency.hydrogen'] }));
  assert.ok(recommend(buildIndex(declared), 'ru-req')[0].reasons.some((r) => r.kind === 'taxonomy'));
});

test('candidate generation cannot starve: many same-country lexical neighbours, a partner that shares no concept', () => {
  // The query shares ordinary words with 60 profiles of its own country (never recommendable) and
  // nothing with its only partner, a Chinese offer in the same sub-area written in other words.
  const words = 'Предприятие ищет технологию производства и оборудование для модернизации цеха, внедрение на заводе, испытания и сертификация';
  const query = mk({ id: 'q', organisationId: 'by-q', country: 'BY', type: 'TR', title: { ru: 'Ищем технологию производства для модернизации цеха' },
    summary: { ru: words }, subAreas: ['mechanical_engineering.smart_manufacturing'] });
  const neighbours = Array.from({ length: 60 }, (_, i) => mk({ id: `by-${i}`, organisationId: `by-org-${i}`, country: 'BY', type: 'TO',
    title: { ru: `Технология производства изделий № ${i} для модернизации цеха` }, summary: { ru: words }, subAreas: ['mechanical_engineering.smart_manufacturing'] }));
  const partner = mk({ id: 'partner', organisationId: 'cn-p', country: 'CN', type: 'TO', title: { zh: '车间改造成套方案' },
    summary: { zh: '为工厂提供产线升级整体服务。' }, subAreas: ['mechanical_engineering.smart_manufacturing'] });
  // Chinese profiles of complementary types in related areas (fillers for the rest of the list)
  const others = Array.from({ length: 12 }, (_, i) => mk({ id: `cn-${i}`, organisationId: `cn-org-${i}`, country: 'CN', type: i % 2 ? 'TO' : 'BO',
    title: { zh: `产品${i}` }, summary: { zh: '出口产品。' }, subAreas: [i % 2 ? 'energy_efficiency.saving' : 'instruments_photonics.sensors'] }));
  const list = recommend(buildIndex([query, ...neighbours, partner, ...others]), 'q', { top: 10 });
  assert.equal(list.length, 10);
  assert.ok(list.every((c) => !c.profileId.startsWith('by-')), 'same-country profiles are never candidates');
  assert.equal(list[0].profileId, 'partner', 'the same-sub-area offer ranks first on type and area alone');
  assert.equal(list[0].signals.concepts, 0);
  // a request of a non-complementary type in the same sub-area is not swept in: it can only come
  // through a shared term
  const sameSide = mk({ id: 'cn-req', organisationId: 'cn-r', country: 'CN', type: 'TR', title: { zh: '寻求设备' }, summary: { zh: '需要。' },
    subAreas: ['mechanical_engineering.smart_manufacturing'] });
  const found = recommend(buildIndex([query, ...neighbours, partner, sameSide]), 'q').find((c) => c.profileId === 'cn-req');
  assert.ok(!found || found.signals.text > 0 || found.signals.concepts > 0);
});
