import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../platform/context.ts';
import type { Role } from '../../shared/enums.ts';
import * as p from './policy.ts';

const actor = (...roles: Role[]): Actor => ({ userId: 'u', email: 'e', name: 'n', roles, lang: 'en', timezone: 'UTC', sessionId: 's' });
const admin = actor('admin'), organiser = actor('organiser'), participant = actor('participant'), expert = actor('expert');

test('editing: members of the organisation and staff; not others', () => {
  assert.equal(p.canEditProfile(participant, 'member'), true);
  assert.equal(p.canEditProfile(participant, 'owner'), true);
  assert.equal(p.canEditProfile(participant, null), false);
  assert.equal(p.canEditProfile(expert, null), false);
  assert.equal(p.canEditProfile(organiser, null), true);
  assert.equal(p.canEditProfile(admin, null), true);
  assert.equal(p.canEditProfile(null, null), false);
});

test('viewing: anonymous and outsiders see only published profiles', () => {
  for (const s of ['draft', 'submitted', 'returned', 'rejected', 'on_hold', 'expired', 'archived']) {
    assert.equal(p.canViewProfile(null, s, null), false, s);
    assert.equal(p.canViewProfile(participant, s, null), false, s);
    assert.equal(p.canViewProfile(expert, s, null), false, s);
    assert.equal(p.canViewProfile(participant, s, 'member'), true, s);
    assert.equal(p.canViewProfile(organiser, s, null), true, s);
  }
  assert.equal(p.canViewProfile(null, 'published', null), true);
});

test('anonymous profiles hide the organisation until an accepted expression of interest', () => {
  const none = { membership: null, revealed: false } as const;
  assert.equal(p.canSeeProfileOrganisation(null, true, none), false);
  assert.equal(p.canSeeProfileOrganisation(participant, true, none), false);
  assert.equal(p.canSeeProfileOrganisation(participant, true, { membership: null, revealed: true }), true);
  assert.equal(p.canSeeProfileOrganisation(organiser, true, none), true);
  assert.equal(p.canSeeProfileOrganisation(null, false, none), true);
});

test('moderation is for organisers and administrators', () => {
  assert.deepEqual([admin, organiser, participant, expert, null].map((a) => p.canModerateProfiles(a)), [true, true, false, false, false]);
});

test('lifecycle transitions respect who acts', () => {
  assert.equal(p.nextStatus('draft', 'submit', ['owner']), 'submitted');
  assert.equal(p.nextStatus('submitted', 'approve', ['owner']), null, 'owners cannot approve');
  assert.equal(p.nextStatus('submitted', 'approve', ['moderator']), 'published');
  assert.equal(p.nextStatus('submitted', 'return', ['moderator']), 'returned');
  assert.equal(p.nextStatus('submitted', 'reject', ['moderator']), 'rejected');
  assert.equal(p.nextStatus('returned', 'submit', ['owner']), 'submitted');
  assert.equal(p.nextStatus('rejected', 'submit', ['owner']), null);
  assert.equal(p.nextStatus('published', 'expire', ['moderator']), null, 'only the job expires');
  assert.equal(p.nextStatus('published', 'expire', ['system']), 'expired');
  assert.equal(p.nextStatus('published', 'hold', ['moderator']), 'on_hold');
  assert.equal(p.nextStatus('on_hold', 'resume', ['moderator']), 'published');
  assert.equal(p.nextStatus('archived', 'submit', ['owner', 'moderator']), null);
  assert.equal(p.nextStatus('expired', 'extend', ['owner']), 'published');
});

test('validity: 12 months, one extension, 2 years at most, RDR ends with its call', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  assert.equal(p.expiryOnPublish(now, null, null).toISOString(), '2027-01-01T00:00:00.000Z');
  assert.equal(p.expiryOnPublish(now, null, new Date('2026-05-01T00:00:00Z')).toISOString(), '2026-05-01T00:00:00.000Z');
  const first = new Date('2025-06-01T00:00:00Z');
  const e = p.extension({ firstPublishedAt: first, expiresAt: new Date('2026-06-01T00:00:00Z'), extensionCount: 0, callDeadline: null }, now);
  assert.deepEqual(e, { ok: true, expiresAt: new Date('2027-06-01T00:00:00Z') });
  const capped = p.extension({ firstPublishedAt: new Date('2025-01-01T00:00:00Z'), expiresAt: new Date('2026-06-01T00:00:00Z'), extensionCount: 0, callDeadline: null }, now);
  assert.deepEqual(capped, { ok: true, expiresAt: new Date('2027-01-01T00:00:00Z') });
  assert.deepEqual(p.extension({ firstPublishedAt: first, expiresAt: null, extensionCount: 1, callDeadline: null }, now), { ok: false, reason: 'extension_used' });
  assert.deepEqual(p.extension({ firstPublishedAt: new Date('2023-01-01T00:00:00Z'), expiresAt: null, extensionCount: 0, callDeadline: null }, now), { ok: false, reason: 'lifetime_reached' });
});

test('reminder is due once, two weeks before expiry', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const exp = new Date('2026-01-10T00:00:00Z');
  assert.equal(p.reminderDue({ status: 'published', expiresAt: exp, reminderSentAt: null }, now), true);
  assert.equal(p.reminderDue({ status: 'published', expiresAt: new Date('2026-02-01T00:00:00Z'), reminderSentAt: null }, now), false);
  assert.equal(p.reminderDue({ status: 'published', expiresAt: exp, reminderSentAt: new Date('2025-12-30T00:00:00Z') }, now), false);
  assert.equal(p.reminderDue({ status: 'draft', expiresAt: exp, reminderSentAt: null }, now), false);
});
