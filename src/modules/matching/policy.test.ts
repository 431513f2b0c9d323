import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../platform/context.ts';
import type { Role } from '../../shared/enums.ts';
import { canGiveFeedback, canManageDigest, canUseMatchingTools, canViewRecommendations, pairKey } from './policy.ts';

const actor = (role: Role): Actor => ({ userId: `u-${role}`, email: `${role}@x`, name: role, roles: [role], lang: 'en', timezone: 'UTC', sessionId: 's' });
const roles: Array<[string, Actor | null]> = [
  ['admin', actor('admin')], ['organiser', actor('organiser')], ['participant', actor('participant')], ['expert', actor('expert')], ['anonymous', null],
];

test('recommendations: organisers and admins see any, others only as members', () => {
  const expected: Record<string, [boolean, boolean]> = {
    admin: [true, true], organiser: [true, true], participant: [false, true], expert: [false, true], anonymous: [false, false],
  };
  for (const [name, a] of roles) {
    assert.equal(canViewRecommendations(a, null), expected[name][0], `${name} outsider`);
    assert.equal(canViewRecommendations(a, 'member'), expected[name][1], `${name} member`);
  }
});

test('feedback: only members of the organisation, whatever their role', () => {
  for (const [name, a] of roles) {
    assert.equal(canGiveFeedback(a, null), false, `${name} outsider`);
    assert.equal(canGiveFeedback(a, 'owner'), a !== null, `${name} owner`);
  }
});

test('matching tools: organisers and admins only', () => {
  const expected: Record<string, boolean> = { admin: true, organiser: true, participant: false, expert: false, anonymous: false };
  for (const [name, a] of roles) assert.equal(canUseMatchingTools(a), expected[name], name);
});

test('digest subscription: anyone signed in', () => {
  for (const [name, a] of roles) assert.equal(canManageDigest(a), a !== null, name);
});

test('pair keys are unordered', () => {
  assert.equal(pairKey('a', 'b'), pairKey('b', 'a'));
  assert.notEqual(pairKey('a', 'b'), pairKey('a', 'c'));
});
