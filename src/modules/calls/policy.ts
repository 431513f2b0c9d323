// Who may do what with funders, calls and applications. Pure functions over facts the caller loads
// (roles, the funders the actor is officer of for the call, the actor's membership of the application).
//
// Scoped staff: a funder's officer acts for its own side only (eligibility, overrides, later reviewers and
// decisions). Organisers and administrators run the directory of funders, programmes and calls and read
// every application, but decide nothing for a funder they are not officer of.
import type { Actor } from '../../platform/context.ts';

export type Side = 'BY' | 'CN';
export const SIDES: readonly Side[] = ['BY', 'CN'];
export const otherSide = (s: Side): Side => (s === 'BY' ? 'CN' : 'BY');

/** The funders (ids) the actor is officer of, for the call in question (call-wide and call-specific rows). */
export type OfficerScope = { funderIds: string[] };
/** The actor's place in one application: their side and role, or null. */
export type Membership = { side: Side; role: 'editor' | 'viewer' } | null;
export type CallPhase = 'upcoming' | 'open' | 'closed';
export type CallFacts = { status: string; opensAt: Date; closesAt: Date };
export type HalfFacts = { side: Side; funderId: string; status: string };

const has = (a: Actor | null, ...roles: string[]) => !!a && roles.some((r) => a.roles.includes(r as never));
const isOfficerOf = (scope: OfficerScope, funderId: string) => scope.funderIds.includes(funderId);

/** Open from the opening instant (inclusive) to the closing instant (exclusive), by the server clock. */
export function callPhase(c: Pick<CallFacts, 'opensAt' | 'closesAt'>, now: Date): CallPhase {
  if (now < c.opensAt) return 'upcoming';
  return now < c.closesAt ? 'open' : 'closed';
}

/** Funders, programmes, calls and officer appointments are managed by organisers and administrators. */
export const canManageCalls = (a: Actor | null) => has(a, 'organiser', 'admin');
/** A published call is public; drafts only for staff (including officers of its funders). */
export const canViewCall = (a: Actor | null, c: CallFacts, scope: OfficerScope) =>
  c.status === 'published' || canManageCalls(a) || scope.funderIds.length > 0;
/** Editing a call's terms (dates, caps, criteria): organisers and administrators, or an officer of one of its funders. */
export const canEditCall = (a: Actor | null, scope: OfficerScope) => canManageCalls(a) || (!!a && scope.funderIds.length > 0);

/** Any signed-in person may start an application to an open, published call (they become its first editor). */
export const canStartApplication = (a: Actor | null, c: CallFacts, now: Date) =>
  !!a && c.status === 'published' && callPhase(c, now) === 'open';

/**
 * Reading an application: members of either side (the joint project and both halves, so each side sees its
 * mirror), organisers and administrators (read-only), officers of the call's funders (both sides see the
 * joint state). Experts and other participants do not.
 */
export function canReadApplication(a: Actor | null, m: Membership, scope: OfficerScope): boolean {
  if (!a) return false;
  return !!m || canManageCalls(a) || scope.funderIds.length > 0;
}

/** Attachments, versions and receipts of a half: its own side's members, staff and officers as above. */
export const canReadHalfFiles = (a: Actor | null, m: Membership, scope: OfficerScope, _h: HalfFacts) => canReadApplication(a, m, scope);

/** A half is edited by its own side's editors, while it is a draft or returned for correction, until the deadline. */
export function canEditHalf(a: Actor | null, m: Membership, h: HalfFacts, c: CallFacts, now: Date): boolean {
  return !!a && !!m && m.role === 'editor' && m.side === h.side && (h.status === 'draft' || h.status === 'returned') && callPhase(c, now) === 'open';
}

/** Submission and withdrawal: the half's own side's editors, while the call is open. */
export function canSubmitHalf(a: Actor | null, m: Membership, h: HalfFacts, c: CallFacts, now: Date): boolean {
  return !!a && !!m && m.role === 'editor' && m.side === h.side && (h.status === 'draft' || h.status === 'returned') && callPhase(c, now) === 'open';
}
export function canWithdrawHalf(a: Actor | null, m: Membership, h: HalfFacts, c: CallFacts, now: Date): boolean {
  return !!a && !!m && m.role === 'editor' && m.side === h.side && h.status === 'submitted' && callPhase(c, now) === 'open';
}

/** Editors of either side invite people (partners of the other side join through the first editor's invitation). */
export const canInvite = (a: Actor | null, m: Membership) => !!a && !!m && m.role === 'editor';

/** Only the officer of the half's own funder decides its eligibility or overrides its mirror check. */
export const canDecideEligibility = (a: Actor | null, scope: OfficerScope, h: HalfFacts) => !!a && isOfficerOf(scope, h.funderId);
export const canOverrideMismatch = (a: Actor | null, scope: OfficerScope, h: HalfFacts) => !!a && isOfficerOf(scope, h.funderId);

/** Which decisions are possible now: "returned for correction" only while the call is still open. */
export function allowedDecisions(h: HalfFacts, c: CallFacts, now: Date): ('eligible' | 'ineligible' | 'returned')[] {
  if (h.status !== 'submitted' && h.status !== 'eligible' && h.status !== 'ineligible') return [];
  return callPhase(c, now) === 'open' ? ['eligible', 'ineligible', 'returned'] : ['eligible', 'ineligible'];
}

/** Listing applications of a call: staff see all; an officer sees all (both sides see the joint state). */
export const canListCallApplications = (a: Actor | null, scope: OfficerScope) => canManageCalls(a) || (!!a && scope.funderIds.length > 0);
