// The closed set of error codes: each has a status (from its module's table) and a message in ru, zh and en;
// an unknown code is a compile error, so a typo cannot reach users as a bare code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AppError, ERROR_STATUS, type ErrorCode } from './errors.ts';

test('every error code has a message in every language, and every message a code', () => {
  const codes = Object.keys(ERROR_STATUS).sort();
  for (const lang of ['ru', 'zh', 'en']) {
    const messages = JSON.parse(readFileSync(new URL(`../../locales/${lang}/errors.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
    const keys = Object.keys(messages).filter((k) => typeof messages[k] === 'string').sort(); // groups (field, page) are not codes
    assert.deepEqual(codes.filter((c) => !keys.includes(c)), [], `codes without a ${lang} message`);
    assert.deepEqual(keys.filter((k) => !codes.includes(k)), [], `${lang} messages without a code`);
  }
});

test('the status comes from the code, not from the throw site', () => {
  assert.equal(new AppError('table_taken').status, 409);
  assert.equal(new AppError('cover_too_large').status, 413);
  assert.equal(new AppError('invalid_credentials').status, 401);
  assert.equal(new AppError('validation_failed', { fields: [{ path: 'x', code: 'required' }] }).status, 400);
  // @ts-expect-error an unknown code does not compile
  const unknown: ErrorCode = 'no_such_code';
  assert.equal(unknown in ERROR_STATUS, false);
});
