// The language pivot (CC-CEDICT glosses, cognate keys, thesaurus ru → en links), the reasons that
// name it, false friends, and IDF over concepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildIndex, recommend } from './index.ts';
import { cognateKey, ruToEnStems, segmentByDictionary, zhGlossStems } from './pivot/index.ts';
import { renderReason } from './reasons.ts';
import { profileFeatures } from './features.ts';
import { matchTokens } from './thesaurus/index.ts';
import { mk } from './test-profiles.ts';

const key = (w: string) => cognateKey(matchTokens(w)[0]);

test('cognate keys: a Russian technical word and its English cognate meet; different words do not', () => {
  assert.equal(key('электромиография'), key('electromyography'));
  assert.equal(key('гиперспектральный'), key('hyperspectral'));
  assert.equal(key('ультрафильтрации'), key('ultrafiltration'));
  assert.equal(key('пиролиз'), key('pyrolysis'));
  assert.equal(key('технологии'), key('technology'));
  assert.notEqual(key('электролиз'), key('электромиография'), 'a shared prefix "электро-" is not enough');
  assert.equal(key('шина'), null, 'short words get no key (too many accidental look-alikes)');
});

test('CC-CEDICT glosses: Chinese words the thesaurus lacks get English stems; compounds stay whole', () => {
  assert.deepEqual(zhGlossStems('乳清'), matchTokens('whey'));
  assert.ok(zhGlossStems('肌电图').includes(matchTokens('electromyogram')[0]));
  assert.ok(segmentByDictionary('冬季热泵供暖').includes('热泵'), '热泵 (heat pump) is one word, not 热 + 泵');
  assert.deepEqual(zhGlossStems('的'), [], 'function words have no gloss stems');
});

test('a Russian and a Chinese profile that share no thesaurus concept meet through the pivot, and the reason says how', () => {
  const ru = mk({ id: 'ru', organisationId: 'by', country: 'BY', type: 'TR', title: { ru: 'Регистратор электромиограммы' },
    summary: { ru: 'Ищем прибор для записи электромиограммы мышц.' }, subAreas: ['medicine_biotech.medical_equipment'] });
  const zh = mk({ id: 'zh', organisationId: 'cn', country: 'CN', type: 'TO', title: { zh: '肌电图记录仪' },
    summary: { zh: '便携式肌电图设备。' }, subAreas: ['medicine_biotech.medical_equipment'] });
  const other = mk({ id: 'zh-other', organisationId: 'cn2', country: 'CN', type: 'TO', title: { zh: '血压计' },
    summary: { zh: '电子血压计。' }, subAreas: ['medicine_biotech.medical_equipment'] });
  const [first] = recommend(buildIndex([ru, zh, other]), 'ru');
  assert.equal(first.profileId, 'zh');
  assert.ok(first.signals.text > 0, 'the pivot adds to the word signal');
  const reason = first.reasons.find((r) => r.kind === 'pivot_terms');
  assert.ok(reason && reason.kind === 'pivot_terms');
  const chain = reason.params.terms[0];
  assert.equal(chain.zh, '肌电图');
  assert.equal(chain.en, 'electromyogram');
  assert.match(chain.ru ?? '', /^электромиограмм/);
  assert.match(renderReason(reason, 'en'), /^Same term across languages: 肌电图 ≈ electromyogram ≈ электромиограмм/);
  assert.match(renderReason(reason, 'ru'), /^Один и тот же термин на разных языках: 肌电图/);
  assert.match(renderReason(reason, 'zh'), /^跨语言对应的术语：肌电图/);
});

test('false friends: a speech engine\'s language model is not a large language model', () => {
  const speech = profileFeatures(mk({ id: 's', organisationId: 'o', country: 'BY', type: 'TO', title: { ru: 'Распознавание речи' },
    summary: { ru: 'Речевой движок на собственных акустической и языковой моделях.' } }));
  assert.ok(!speech.concepts.has('large_language_model'));
  const en = profileFeatures(mk({ id: 'e', organisationId: 'o', country: 'BY', type: 'TO', title: { en: 'Speech recognition' },
    summary: { en: 'Acoustic and language models trained on call-centre audio.' } }));
  assert.ok(!en.concepts.has('large_language_model'));
  const llm = profileFeatures(mk({ id: 'l', organisationId: 'o', country: 'BY', type: 'TO', title: { ru: 'Ассистент на большой языковой модели' }, summary: {} }));
  assert.ok(llm.concepts.has('large_language_model'), 'the full term still maps');
});

test('IDF over concepts: a concept many profiles share weighs less than a specific one', () => {
  // Six Chinese offers all mention neural networks; one of them also names the specific technique.
  const q = mk({ id: 'q', organisationId: 'by', country: 'BY', type: 'TR', title: { ru: 'Нейронные сети для лидара' }, summary: { ru: 'Нужна обработка облаков точек лидара нейронной сетью.' } });
  const broad = Array.from({ length: 6 }, (_, i) => mk({ id: `b${i}`, organisationId: `c${i}`, country: 'CN', type: 'TO',
    title: { zh: `神经网络应用${i}` }, summary: { zh: '基于神经网络的软件。' } }));
  const specific = mk({ id: 'spec', organisationId: 'cs', country: 'CN', type: 'TO', title: { zh: '激光雷达点云处理' }, summary: { zh: '激光雷达点云识别。' } });
  const index = buildIndex([q, ...broad, specific]);
  const idf = (c: string) => index.idf(index.terms.get(`c:${c}`)!);
  assert.ok(idf('neural_network') < idf('lidar'));
  assert.equal(recommend(index, 'q')[0].profileId, 'spec');
});

test('Russian → English links learned from multi-word thesaurus labels: an ordinary Russian word reaches its English stem', () => {
  const en = (w: string) => ruToEnStems(matchTokens(w)[0]);
  assert.ok(en('насос').includes(matchTokens('pump')[0]), '«насос» appears only inside multi-word labels («тепловой насос»)');
  assert.ok(en('картофель').includes(matchTokens('potato')[0]));
  assert.ok(en('датчик').includes(matchTokens('sensor')[0]));
  assert.ok(en('насос').length <= 2 && !en('насос').includes(matchTokens('heat')[0]), 'a word is linked to its own counterpart, not to every word of the label');
});

test('a Russian word without a one-word thesaurus label meets a Chinese word through the learned link and the gloss', () => {
  const f = profileFeatures(mk({ id: 'a', organisationId: 'o', country: 'BY', type: 'TR', title: { ru: 'Насосы для перекачки' } }));
  const g = profileFeatures(mk({ id: 'b', organisationId: 'p', country: 'CN', type: 'TO', title: { zh: '农用水泵' } }));
  const pump = matchTokens('pump')[0];
  assert.ok(f.words.has(pump) && g.words.has(pump), 'both sides carry the pivot term "pump"');
});
