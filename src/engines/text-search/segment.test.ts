import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentChinese, detectQueryLang, highlightWords, highlightParts, HL_START } from './segment.ts';

test('Chinese text is split into words, punctuation dropped', () => {
  const s = segmentChinese('激光加工技术，用于汽车制造。');
  assert.ok(s.split(' ').length >= 4, s);
  assert.ok(!s.includes('，'));
  assert.ok(s.includes('激光'), s);
});

test('query language is detected by script', () => {
  assert.equal(detectQueryLang('激光'), 'zh');
  assert.equal(detectQueryLang('лазерной'), 'ru');
  assert.equal(detectQueryLang('laser welding'), 'en');
});

test('highlighting marks query words and splits back into parts', () => {
  const h = highlightWords('高性能激光焊接设备', ['激光', '焊接']);
  assert.ok(h.includes(`${HL_START}激光`));
  const parts = highlightParts(h);
  assert.deepEqual(parts.filter((p) => p.hit).map((p) => p.text), ['激光', '焊接']);
  assert.equal(parts.map((p) => p.text).join(''), '高性能激光焊接设备');
});
