import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canInvite, canManageUsers, canReadAudit, canRevokeInvitation, canSeeAllInvitations, canSetRoles } from './policy.ts';
import type { Actor } from '../../platform/context.ts';
import type { Role } from '../../shared/enums.ts';

const a = (...roles: Role[]): Actor => ({ userId: 'me', email: 'e', name: 'n', roles, lang: 'en', timezone: 'UTC', sessionId: 's' });

test('only administrators manage users and read the audit log', () => {
  assert.equal(canManageUsers(a('admin')), true);
  for (const r of ['organiser', 'participant', 'expert'] as Role[]) { assert.equal(canManageUsers(a(r)), false); assert.equal(canReadAudit(a(r)), false); }
  assert.equal(canManageUsers(null), false);
});

test('organisers invite participants and experts only; admins any role; others none', () => {
  assert.equal(canInvite(a('organiser'), 'participant'), true);
  assert.equal(canInvite(a('organiser'), 'expert'), true);
  assert.equal(canInvite(a('organiser'), 'organiser'), false);
  assert.equal(canInvite(a('organiser'), 'admin'), false);
  assert.equal(canInvite(a('admin'), 'organiser'), true);
  assert.equal(canInvite(a('participant'), 'participant'), false);
  assert.equal(canInvite(a('expert'), 'expert'), false);
  assert.equal(canInvite(null, 'participant'), false);
});

test('an administrator cannot remove their own admin role', () => {
  assert.equal(canSetRoles(a('admin'), 'me', ['organiser']), false);
  assert.equal(canSetRoles(a('admin'), 'me', ['admin', 'organiser']), true);
  assert.equal(canSetRoles(a('admin'), 'other', ['participant']), true);
  assert.equal(canSetRoles(a('organiser'), 'other', ['participant']), false);
});

test('administrators see and revoke every invitation; organisers the ones they sent', () => {
  assert.equal(canSeeAllInvitations(a('admin')), true);
  for (const r of ['organiser', 'participant', 'expert'] as Role[]) assert.equal(canSeeAllInvitations(a(r)), false);
  assert.equal(canRevokeInvitation(a('admin'), { createdBy: 'someone' }), true);
  assert.equal(canRevokeInvitation(a('organiser'), { createdBy: 'me' }), true);
  assert.equal(canRevokeInvitation(a('organiser'), { createdBy: 'someone' }), false);
  assert.equal(canRevokeInvitation(null, { createdBy: 'me' }), false);
});
