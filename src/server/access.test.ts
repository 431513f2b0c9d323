import { test } from 'node:test';
import assert from 'node:assert/strict';
import { access, checkAccess } from './access.ts';
import type { Actor } from '../platform/context.ts';
import type { Role } from '../shared/enums.ts';

const actor = (...roles: Role[]): Actor => ({ userId: 'u', email: 'e', name: 'n', roles, lang: 'en', timezone: 'Europe/Minsk', sessionId: 's' });
const who = { anonymous: null, admin: actor('admin'), organiser: actor('organiser', 'participant'), participant: actor('participant'), expert: actor('expert') };

test('access rules for each role', () => {
  const expect = (rule: Parameters<typeof checkAccess>[0], outcomes: Record<keyof typeof who, string>) => {
    for (const [name, a] of Object.entries(who)) assert.equal(checkAccess(rule, a), outcomes[name as keyof typeof who], `${name}`);
  };
  expect(access.public, { anonymous: 'ok', admin: 'ok', organiser: 'ok', participant: 'ok', expert: 'ok' });
  expect(access.signedIn, { anonymous: 'unauthenticated', admin: 'ok', organiser: 'ok', participant: 'ok', expert: 'ok' });
  expect(access.admin, { anonymous: 'unauthenticated', admin: 'ok', organiser: 'forbidden', participant: 'forbidden', expert: 'forbidden' });
  expect(access.organiser, { anonymous: 'unauthenticated', admin: 'ok', organiser: 'ok', participant: 'forbidden', expert: 'forbidden' });
  expect(access.roles('expert'), { anonymous: 'unauthenticated', admin: 'forbidden', organiser: 'forbidden', participant: 'forbidden', expert: 'ok' });
});
