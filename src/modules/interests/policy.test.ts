import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../platform/context.ts';
import type { Role } from '../../shared/enums.ts';
import * as p from './policy.ts';

const actor = (...roles: Role[]): Actor => ({ userId: 'u', email: 'e', name: 'n', roles, lang: 'en', timezone: 'UTC', sessionId: 's' });
const admin = actor('admin'), organiser = actor('organiser'), participant = actor('participant'), expert = actor('expert');
const sender = { sender: true, owner: false }, owner = { sender: false, owner: true }, outsider = { sender: false, owner: false };

test('sending: signed-in member of another organisation, published profile only', () => {
  const okCase = { profileStatus: 'published', fromOrgIsMine: true, fromOrgOwnsProfile: false };
  for (const a of [admin, organiser, participant, expert]) assert.equal(p.canSendInterest(a, okCase), true);
  assert.equal(p.canSendInterest(null, okCase), false);
  assert.equal(p.canSendInterest(participant, { ...okCase, profileStatus: 'draft' }), false);
  assert.equal(p.canSendInterest(participant, { ...okCase, fromOrgIsMine: false }), false);
  assert.equal(p.canSendInterest(participant, { ...okCase, fromOrgOwnsProfile: true }), false);
});

test('responding and withdrawing by the right side only', () => {
  assert.equal(p.canRespond(participant, owner, 'open'), true);
  assert.equal(p.canRespond(participant, sender, 'open'), false);
  assert.equal(p.canRespond(organiser, outsider, 'open'), false);
  assert.equal(p.canRespond(participant, owner, 'accepted'), false);
  assert.equal(p.canWithdraw(participant, sender, 'open'), true);
  assert.equal(p.canWithdraw(participant, owner, 'open'), false);
});

test('reading and messaging', () => {
  assert.equal(p.canReadInterest(participant, outsider), false);
  assert.equal(p.canReadInterest(expert, outsider), false);
  assert.equal(p.canReadInterest(organiser, outsider), true);
  assert.equal(p.canReadInterest(admin, outsider), true);
  assert.equal(p.canReadInterest(null, sender), false);
  assert.equal(p.canPostMessage(participant, sender, 'accepted'), true);
  assert.equal(p.canPostMessage(participant, owner, 'open'), false);
  assert.equal(p.canPostMessage(organiser, outsider, 'accepted'), false);
});
