// The product's affinity: concepts shared across languages score higher, with the reason rendered in the
// officer's language; bids adjust or remove pairs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { affinity } from './affinity.ts';

const experts = [
  { id: 'e-laser', country: 'BY', statement: { ru: 'Лазерная обработка металлов, лазерная сварка и резка' }, keywords: ['лазер'] },
  { id: 'e-dairy', country: 'CN', statement: { zh: '乳制品加工与奶酪生产技术' } },
];
const applications = [{ id: 'a1', country: 'CN', title: { zh: '激光焊接机器人' }, abstract: { zh: '用于金属激光焊接和切割的机器人系统' } }];

test('the laser expert scores above the dairy expert on a Chinese laser-welding application', () => {
  for (const lang of ['ru', 'zh', 'en'] as const) {
    const pairs = affinity(experts, applications, { lang });
    const laser = pairs.find((p) => p.expert === 'e-laser')!;
    const dairy = pairs.find((p) => p.expert === 'e-dairy')!;
    assert.ok(laser.affinity > dairy.affinity, `${lang}: ${laser.affinity} vs ${dairy.affinity}`);
    assert.ok(laser.reasons.length > 0, `${lang}: a reason is given`);
  }
  const ru = affinity(experts, applications, { lang: 'ru' }).find((p) => p.expert === 'e-laser')!;
  assert.match(ru.reasons.join(' '), /Общ/);
});

test('bids: want raises, cannot removes the pair', () => {
  const base = affinity(experts, applications, { lang: 'en' });
  const bid = affinity(experts, applications, { lang: 'en', bids: { 'a1|e-dairy': 'want', 'a1|e-laser': 'cannot' } });
  assert.equal(bid.find((p) => p.expert === 'e-laser'), undefined);
  assert.ok(bid.find((p) => p.expert === 'e-dairy')!.affinity > base.find((p) => p.expert === 'e-dairy')!.affinity);
});
