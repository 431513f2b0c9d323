import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../platform/context.ts';
import type { Role } from '../../shared/enums.ts';
import * as p from './policy.ts';

const actor = (...roles: Role[]): Actor => ({ userId: 'u', email: 'e', name: 'n', roles, lang: 'en', timezone: 'UTC', sessionId: 's' });
const admin = actor('admin'), organiser = actor('organiser'), participant = actor('participant'), expert = actor('expert');
const noScope: p.OfficerScope = { funderIds: [] };
const byOfficer: p.OfficerScope = { funderIds: ['f-by'] }, cnOfficer: p.OfficerScope = { funderIds: ['f-cn'] };
const call: p.CallFacts = { status: 'published', opensAt: new Date('2021-11-14T21:00:00Z'), closesAt: new Date('2021-12-23T21:00:00Z') };
const during = new Date('2021-12-01T00:00:00Z'), after = new Date('2021-12-23T21:00:00Z');
const byHalf: p.HalfFacts = { side: 'BY', funderId: 'f-by', status: 'draft' }, cnHalf: p.HalfFacts = { side: 'CN', funderId: 'f-cn', status: 'draft' };
const byEditor: p.Membership = { side: 'BY', role: 'editor' }, cnEditor: p.Membership = { side: 'CN', role: 'editor' }, byViewer: p.Membership = { side: 'BY', role: 'viewer' };

test('call phase: open from the opening instant until (not including) the closing instant', () => {
  assert.equal(p.callPhase(call, new Date(call.opensAt.getTime() - 1)), 'upcoming');
  assert.equal(p.callPhase(call, call.opensAt), 'open');
  assert.equal(p.callPhase(call, new Date(call.closesAt.getTime() - 1000)), 'open');
  assert.equal(p.callPhase(call, after), 'closed');
});

test('managing calls: organisers and administrators only', () => {
  assert.equal(p.canManageCalls(admin), true);
  assert.equal(p.canManageCalls(organiser), true);
  for (const a of [participant, expert, null]) assert.equal(p.canManageCalls(a), false);
  assert.equal(p.canEditCall(participant, byOfficer), true, 'an officer edits the calls of its funder');
  assert.equal(p.canEditCall(participant, noScope), false);
});

test('viewing calls: published for everyone, drafts for staff and officers', () => {
  const draft = { ...call, status: 'draft' };
  for (const a of [admin, organiser, participant, expert, null]) assert.equal(p.canViewCall(a, call, noScope), true);
  assert.equal(p.canViewCall(null, draft, noScope), false);
  assert.equal(p.canViewCall(participant, draft, noScope), false);
  assert.equal(p.canViewCall(expert, draft, noScope), false);
  assert.equal(p.canViewCall(organiser, draft, noScope), true);
  assert.equal(p.canViewCall(participant, draft, cnOfficer), true);
});

test('starting an application: any signed-in person while the call is open', () => {
  for (const a of [admin, organiser, participant, expert]) assert.equal(p.canStartApplication(a, call, during), true);
  assert.equal(p.canStartApplication(null, call, during), false);
  assert.equal(p.canStartApplication(participant, call, after), false);
  assert.equal(p.canStartApplication(participant, { ...call, status: 'draft' }, during), false);
});

test('reading: members of either side, staff and officers; experts and strangers do not', () => {
  assert.equal(p.canReadApplication(participant, byEditor, noScope), true);
  assert.equal(p.canReadApplication(participant, cnEditor, noScope), true, 'the partner of the other side sees the joint project');
  assert.equal(p.canReadApplication(participant, byViewer, noScope), true);
  assert.equal(p.canReadApplication(participant, null, noScope), false, 'applicants see only their own applications');
  assert.equal(p.canReadApplication(expert, null, noScope), false);
  assert.equal(p.canReadApplication(null, null, noScope), false);
  assert.equal(p.canReadApplication(organiser, null, noScope), true);
  assert.equal(p.canReadApplication(admin, null, noScope), true);
  assert.equal(p.canReadApplication(participant, null, cnOfficer), true);
});

test('editing and submitting: own side editors, draft or returned, call open', () => {
  assert.equal(p.canEditHalf(participant, byEditor, byHalf, call, during), true);
  assert.equal(p.canEditHalf(participant, byEditor, cnHalf, call, during), false, 'not the mirror half');
  assert.equal(p.canEditHalf(participant, cnEditor, cnHalf, call, during), true);
  assert.equal(p.canEditHalf(participant, byViewer, byHalf, call, during), false);
  assert.equal(p.canEditHalf(participant, byEditor, { ...byHalf, status: 'submitted' }, call, during), false);
  assert.equal(p.canEditHalf(participant, byEditor, { ...byHalf, status: 'returned' }, call, during), true);
  assert.equal(p.canEditHalf(participant, byEditor, byHalf, call, after), false);
  for (const a of [admin, organiser]) assert.equal(p.canEditHalf(a, null, byHalf, call, during), false, 'staff do not edit applications');
  assert.equal(p.canSubmitHalf(participant, byEditor, byHalf, call, during), true);
  assert.equal(p.canSubmitHalf(participant, byEditor, byHalf, call, after), false);
  assert.equal(p.canSubmitHalf(participant, cnEditor, byHalf, call, during), false);
  assert.equal(p.canWithdrawHalf(participant, byEditor, { ...byHalf, status: 'submitted' }, call, during), true);
  assert.equal(p.canWithdrawHalf(participant, byEditor, { ...byHalf, status: 'submitted' }, call, after), false);
  assert.equal(p.canWithdrawHalf(participant, byEditor, byHalf, call, during), false);
});

test('scoped staff: each funder officer decides for its own side only; global organisers and admins do not decide', () => {
  assert.equal(p.canDecideEligibility(participant, byOfficer, byHalf), true);
  assert.equal(p.canDecideEligibility(participant, byOfficer, cnHalf), false);
  assert.equal(p.canDecideEligibility(participant, cnOfficer, cnHalf), true);
  assert.equal(p.canDecideEligibility(participant, cnOfficer, byHalf), false);
  for (const a of [admin, organiser, expert, null]) assert.equal(p.canDecideEligibility(a, noScope, byHalf), false);
  assert.equal(p.canOverrideMismatch(participant, cnOfficer, cnHalf), true);
  assert.equal(p.canOverrideMismatch(participant, cnOfficer, byHalf), false);
  assert.equal(p.canOverrideMismatch(organiser, noScope, byHalf), false);
  assert.equal(p.canListCallApplications(participant, cnOfficer), true);
  assert.equal(p.canListCallApplications(participant, noScope), false);
});

test('decisions: "returned" only before the deadline, nothing on a draft', () => {
  const sub = { ...byHalf, status: 'submitted' };
  assert.deepEqual(p.allowedDecisions(sub, call, during), ['eligible', 'ineligible', 'returned']);
  assert.deepEqual(p.allowedDecisions(sub, call, after), ['eligible', 'ineligible']);
  assert.deepEqual(p.allowedDecisions(byHalf, call, during), []);
});

test('invitations: editors of either side', () => {
  assert.equal(p.canInvite(participant, byEditor), true);
  assert.equal(p.canInvite(participant, cnEditor), true);
  assert.equal(p.canInvite(participant, byViewer), false);
  assert.equal(p.canInvite(organiser, null), false);
});
