import test from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../platform/context.ts';
import * as p from './policy.ts';

const actor = (roles: Actor['roles'], userId = 'u-' + roles.join('-')): Actor => ({ userId, email: `${userId}@x`, name: userId, roles, lang: 'en', timezone: 'Europe/Minsk', sessionId: 's' });
const admin = actor(['admin']), organiser = actor(['organiser']), participant = actor(['participant']), expert = actor(['expert'], 'exp');
const officerBy = actor(['participant'], 'off-by'), officerCn = actor(['participant'], 'off-cn');
const none = { funderIds: [] }, byScope = { funderIds: ['f-by'] }, cnScope = { funderIds: ['f-cn'] };

test('panel management: only the officer of the side\'s funder; staff and the other side\'s officer read or nothing', () => {
  assert.equal(p.canManagePanel(officerBy, byScope, 'f-by'), true);
  assert.equal(p.canManagePanel(officerCn, cnScope, 'f-by'), false);
  assert.equal(p.canManagePanel(admin, none, 'f-by'), false);
  assert.equal(p.canManagePanel(organiser, none, 'f-by'), false);
  assert.equal(p.canManagePanel(expert, none, 'f-by'), false);
  assert.equal(p.canManagePanel(null, byScope, 'f-by'), false);
  assert.equal(p.canViewPanel(admin, none, 'f-by'), true);
  assert.equal(p.canViewPanel(organiser, none, 'f-by'), true);
  assert.equal(p.canViewPanel(officerCn, cnScope, 'f-by'), false);
  assert.equal(p.canViewPanel(participant, none, 'f-by'), false);
  assert.equal(p.canViewPanel(expert, none, 'f-by'), false);
  assert.equal(p.canViewPanel(null, none, 'f-by'), false);
});

test('pool: experts keep their record; staff and any officer browse; others not', () => {
  assert.equal(p.canKeepExpertRecord(expert), true);
  assert.equal(p.canKeepExpertRecord(participant), false);
  assert.equal(p.canKeepExpertRecord(null), false);
  assert.equal(p.canBrowsePool(admin, false), true);
  assert.equal(p.canBrowsePool(organiser, false), true);
  assert.equal(p.canBrowsePool(officerCn, true), true);
  assert.equal(p.canBrowsePool(participant, false), false);
  assert.equal(p.canBrowsePool(expert, false), false);
  assert.equal(p.canBrowsePool(null, true), false);
});

test('invitations and bids: the invited expert only; bids only when accepted and bidding is open', () => {
  assert.equal(p.canRespondToInvitation(expert, { expertUserId: 'exp', status: 'invited' }), true);
  assert.equal(p.canRespondToInvitation(expert, { expertUserId: 'exp', status: 'accepted' }), false);
  assert.equal(p.canRespondToInvitation(admin, { expertUserId: 'exp', status: 'invited' }), false);
  assert.equal(p.canBid(expert, { expertUserId: 'exp', status: 'accepted' }, true), true);
  assert.equal(p.canBid(expert, { expertUserId: 'exp', status: 'accepted' }, false), false);
  assert.equal(p.canBid(expert, { expertUserId: 'exp', status: 'invited' }, true), false);
  assert.equal(p.canBid(officerBy, null, true), false);
});

test('assignments: the expert sees their own; content only after confirming no conflict; nothing once removed', () => {
  const mine = (status: string) => ({ expertUserId: 'exp', status });
  assert.equal(p.canSeeAssignment(expert, mine('assigned')), true);
  assert.equal(p.canSeeAssignment(expert, mine('removed')), false);
  assert.equal(p.canSeeAssignment(admin, mine('assigned')), false);
  assert.equal(p.canSeeAssignment(officerBy, mine('assigned')), false);
  assert.equal(p.canConfirmAssignment(expert, mine('assigned')), true);
  assert.equal(p.canConfirmAssignment(expert, mine('confirmed')), false);
  assert.equal(p.canReadAssignedApplication(expert, mine('assigned')), false);
  assert.equal(p.canReadAssignedApplication(expert, mine('confirmed')), true);
  assert.equal(p.canReadAssignedApplication(expert, mine('removed')), false);
  assert.equal(p.canReadAssignedApplication(actor(['expert'], 'other'), mine('confirmed')), false);
  assert.equal(p.canEditReview(expert, mine('confirmed'), 'draft'), true);
  assert.equal(p.canEditReview(expert, mine('confirmed'), 'submitted'), false);
  assert.equal(p.canEditReview(expert, mine('assigned'), null), false);
  assert.equal(p.canEditReview(null, mine('confirmed'), null), false);
});

test('applicants: declare conflicts; read reviews only after release, never in full', () => {
  assert.equal(p.canDeclareApplicantConflict(participant, true), true);
  assert.equal(p.canDeclareApplicantConflict(participant, false), false);
  assert.equal(p.canReadReleasedReviews(participant, true, null), false);
  assert.equal(p.canReadReleasedReviews(participant, true, new Date()), true);
  assert.equal(p.canReadReleasedReviews(participant, false, new Date()), false);
  assert.equal(p.canReadReleasedReviews(null, true, new Date()), false);
  assert.equal(p.reviewVisibility(participant, none, 'f-by'), 'applicant');
  assert.equal(p.reviewVisibility(officerCn, cnScope, 'f-by'), 'applicant');
  assert.equal(p.reviewVisibility(officerBy, byScope, 'f-by'), 'full');
  assert.equal(p.reviewVisibility(admin, none, 'f-by'), 'full');
});
