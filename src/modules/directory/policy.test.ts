import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../platform/context.ts';
import type { Role } from '../../shared/enums.ts';
import * as p from './policy.ts';

const actor = (...roles: Role[]): Actor => ({ userId: 'u', email: 'e', name: 'n', roles, lang: 'en', timezone: 'UTC', sessionId: 's' });
const admin = actor('admin'), organiser = actor('organiser'), participant = actor('participant'), expert = actor('expert');

test('organisation editing: owners and staff only', () => {
  assert.equal(p.canEditOrganisation(admin, null), true);
  assert.equal(p.canEditOrganisation(organiser, null), true);
  assert.equal(p.canEditOrganisation(participant, 'owner'), true);
  assert.equal(p.canEditOrganisation(participant, 'member'), false);
  assert.equal(p.canEditOrganisation(participant, null), false);
  assert.equal(p.canEditOrganisation(expert, null), false);
  assert.equal(p.canEditOrganisation(null, null), false);
});

test('verification and taxonomy: organisers and administrators', () => {
  for (const [a, ok] of [[admin, true], [organiser, true], [participant, false], [expert, false], [null, false]] as const) {
    assert.equal(p.canVerifyOrganisation(a), ok);
    assert.equal(p.canManageTaxonomy(a), ok);
  }
  assert.equal(p.canCreateOrganisation(participant), true);
  assert.equal(p.canCreateOrganisation(null), false);
});

test('contact visibility per role and relation', () => {
  const none = { membership: null, revealed: false } as const;
  assert.equal(p.canSeeContact(null, 'public', none), true);
  assert.equal(p.canSeeContact(null, 'registered', none), false);
  assert.equal(p.canSeeContact(null, 'after_eoi', { membership: null, revealed: true }), false);
  assert.equal(p.canSeeContact(participant, 'registered', none), true);
  assert.equal(p.canSeeContact(participant, 'after_eoi', none), false);
  assert.equal(p.canSeeContact(expert, 'after_eoi', none), false);
  assert.equal(p.canSeeContact(participant, 'after_eoi', { membership: null, revealed: true }), true);
  assert.equal(p.canSeeContact(participant, 'after_eoi', { membership: 'member', revealed: false }), true);
  assert.equal(p.canSeeContact(organiser, 'after_eoi', none), true);
  assert.equal(p.canSeeContact(admin, 'after_eoi', none), true);
});

test('deleting or archiving an organisation: its owners and staff only', () => {
  for (const [a, m, ok] of [[admin, null, true], [organiser, null, true], [participant, 'owner', true], [participant, 'member', false],
    [participant, null, false], [expert, null, false], [null, null, false]] as const) assert.equal(p.canDeleteOrganisation(a, m), ok);
});
