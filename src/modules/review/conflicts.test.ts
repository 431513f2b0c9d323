import test from 'node:test';
import assert from 'node:assert/strict';
import { findConflicts, type ConflictFacts } from './conflicts.ts';

const now = new Date('2022-03-01T00:00:00Z');
const ago = (years: number, months = 0) => { const d = new Date(now); d.setUTCFullYear(d.getUTCFullYear() - years); d.setUTCMonth(d.getUTCMonth() - months); return d; };

/** One application (BNTU + CIOMP, people u-by and u-cn) and a competing one, and experts with no ties unless a test adds them. */
function base(): ConflictFacts {
  return {
    now, years: 3,
    experts: ['e1', 'e2', 'e3'].map((id) => ({ id, organisationIds: [`org-${id}`], affiliations: [] })),
    applications: [
      { id: 'A', callId: 'c', reference: 'BYCN-1', organisationIds: ['bntu', 'ciomp'], memberUserIds: ['u-by', 'u-cn'] },
      { id: 'B', callId: 'c', reference: 'BYCN-2', organisationIds: ['bsu', 'hit'], memberUserIds: ['u-bsu'] },
    ],
    pastApplications: [], interests: [], meetings: [], declared: [],
  };
}
const codes = (m: ReturnType<typeof findConflicts>, app: string, expert: string) => (m.get(app)?.get(expert) ?? []).map((r) => r.code).sort();

test('no ties, no conflicts', () => {
  assert.equal(findConflicts(base()).size, 0);
});

test('same organisation now, or in a past affiliation that ended within N years (not before)', () => {
  const f = base();
  f.experts[0].organisationIds = ['bntu'];
  f.experts[1].affiliations = [{ organisationId: 'ciomp', to: ago(2) }];
  f.experts[2].affiliations = [{ organisationId: 'ciomp', to: ago(3, 1) }];
  const m = findConflicts(f);
  assert.deepEqual(codes(m, 'A', 'e1'), ['same_organisation']);
  assert.deepEqual(m.get('A')!.get('e1')![0].params, { organisation: 'bntu' });
  assert.deepEqual(codes(m, 'A', 'e2'), ['same_organisation']);
  assert.deepEqual(codes(m, 'A', 'e3'), []);
  f.years = 5; // the window is the call's setting
  assert.deepEqual(codes(findConflicts(f), 'A', 'e3'), ['same_organisation']);
});

test('a member of one application is conflicted with it and, as a competitor, with every other one in the call', () => {
  const f = base();
  f.applications[1].memberUserIds.push('e1');
  const m = findConflicts(f);
  assert.deepEqual(codes(m, 'B', 'e1'), ['own_application']);
  assert.deepEqual(codes(m, 'A', 'e1'), ['competing_applicant']);
  assert.equal(m.get('A')!.get('e1')![0].params.references, 'BYCN-2');
});

test('found only through a past joint application with a consortium organisation or person, within N years', () => {
  const f = base();
  f.pastApplications = [
    { id: 'old1', callId: 'c2019', submittedAt: ago(2), organisationIds: ['org-e1', 'ciomp'], memberUserIds: ['e1', 'x'] }, // shares CIOMP
    { id: 'old2', callId: 'c2019', submittedAt: ago(1), organisationIds: ['org-e2', 'other'], memberUserIds: ['e2', 'u-cn'] }, // shares a person
    { id: 'old3', callId: 'c2015', submittedAt: ago(6), organisationIds: ['org-e3', 'bntu'], memberUserIds: ['e3'] }, // too old
  ];
  const m = findConflicts(f);
  assert.deepEqual(codes(m, 'A', 'e1'), ['past_joint_application']);
  assert.equal(m.get('A')!.get('e1')![0].params.organisation, 'ciomp');
  assert.deepEqual(codes(m, 'A', 'e2'), ['past_joint_application']);
  assert.equal(m.get('A')!.get('e2')![0].params.person, 'u-cn');
  assert.deepEqual(codes(m, 'A', 'e3'), []);
  assert.deepEqual(codes(m, 'B', 'e1'), []);
});

test('found only through a meeting held with a consortium person or organisation within N years', () => {
  const f = base();
  f.meetings = [
    { id: 'm1', at: ago(1), participants: [{ userId: 'e2', organisationId: 'org-e2' }, { userId: 'someone', organisationId: 'ciomp' }] },
    { id: 'm2', at: ago(4), participants: [{ userId: 'e3', organisationId: 'org-e3' }, { userId: 'u-by', organisationId: 'bntu' }] },
  ];
  const m = findConflicts(f);
  assert.deepEqual(codes(m, 'A', 'e2'), ['meeting']);
  assert.deepEqual(m.get('A')!.get('e2')![0].params, { meeting: 'm1', date: ago(1).toISOString().slice(0, 10), organisation: 'ciomp' });
  assert.deepEqual(codes(m, 'A', 'e3'), []);
  assert.deepEqual(codes(m, 'B', 'e2'), []);
});

test('an accepted expression of interest with a consortium organisation: personally or through the expert\'s organisation', () => {
  const f = base();
  f.interests = [
    { id: 'i1', fromOrganisationId: 'elsewhere', profileOrganisationId: 'bntu', fromUserId: 'e1', respondedBy: 'u-by', respondedAt: ago(0, 6) },
    { id: 'i2', fromOrganisationId: 'hit', profileOrganisationId: 'org-e2', fromUserId: 'y', respondedBy: 'z', respondedAt: ago(2) },
    { id: 'i3', fromOrganisationId: 'org-e3', profileOrganisationId: 'ciomp', fromUserId: 'y', respondedBy: 'z', respondedAt: ago(5) },
  ];
  const m = findConflicts(f);
  assert.deepEqual(codes(m, 'A', 'e1'), ['interest']);
  assert.deepEqual(codes(m, 'B', 'e2'), ['interest']);
  assert.deepEqual(codes(m, 'A', 'e3'), []);
});

test('same park residency group (the hook) and declared conflicts keep their reason', () => {
  const f = base();
  f.parkGroups = new Map([['org-e1', 'great-stone'], ['hit', 'great-stone']]);
  f.declared = [{ applicationId: 'A', expertId: 'e3', declaredBy: 'applicant', reason: 'Former supervisor of the PI' }];
  const m = findConflicts(f);
  assert.deepEqual(codes(m, 'B', 'e1'), ['park_group']);
  assert.deepEqual(m.get('A')!.get('e3'), [{ code: 'declared', params: { by: 'applicant', reason: 'Former supervisor of the PI' } }]);
  delete f.parkGroups;
  assert.deepEqual(codes(findConflicts(f), 'B', 'e1'), []);
});
