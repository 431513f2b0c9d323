// Who may do what in expert review. Pure functions over facts the caller loads: the actor's roles, the
// funders the actor is officer of for the call (the calls module's `officerScope`), the funder of the
// side in question, the actor's assignment or membership.
//
// Each side runs its own review: only the officer of a side's funder manages that side's panel, runs its
// assignment, reads its reviews with reviewers' names and releases them. Organisers and administrators
// read panels and reviews (read-only) but decide nothing for a funder. Experts see only what is assigned to
// them, and an application's content only after confirming they have no conflict. Applicants see reviews
// of their application only after release, and never a reviewer's name.
import type { Actor } from '../../platform/context.ts';
import type { OfficerScope } from '../calls/policy.ts';

export type AssignmentFacts = { expertUserId: string; status: string };
export type ReviewStatus = 'draft' | 'submitted' | null;

const has = (a: Actor | null, ...roles: string[]) => !!a && roles.some((r) => a.roles.includes(r as never));
const isStaff = (a: Actor | null) => has(a, 'organiser', 'admin');
export const isSideOfficer = (a: Actor | null, scope: OfficerScope, sideFunderId: string) => !!a && scope.funderIds.includes(sideFunderId);

/** An expert keeps their own expert record. */
export const canKeepExpertRecord = (a: Actor | null) => has(a, 'expert');
/** The pool (experts' records) is read by staff and by any funder's officer (to build a panel). */
export const canBrowsePool = (a: Actor | null, isAnyOfficer: boolean) => isStaff(a) || (!!a && isAnyOfficer);

/** Invitations, settings, assignment runs, re-assignment, consensus and release: the side's officer only. */
export const canManagePanel = (a: Actor | null, scope: OfficerScope, sideFunderId: string) => isSideOfficer(a, scope, sideFunderId);
/** The panel, assignments, reviews with names and calibration: the side's officer, and staff read-only. */
export const canViewPanel = (a: Actor | null, scope: OfficerScope, sideFunderId: string) => isSideOfficer(a, scope, sideFunderId) || isStaff(a);

/** The invited expert answers their own invitation. */
export const canRespondToInvitation = (a: Actor | null, m: { expertUserId: string; status: string }) => !!a && a.userId === m.expertUserId && m.status === 'invited';
/** Bidding: accepted panel members of that side while the officer keeps bidding open. */
export const canBid = (a: Actor | null, m: { expertUserId: string; status: string } | null, biddingOpen: boolean) =>
  !!a && !!m && m.expertUserId === a.userId && m.status === 'accepted' && biddingOpen;

const ACTIVE = ['assigned', 'confirmed', 'submitted'];
/** The expert sees an assignment of theirs (reference and deadline) while it is active. */
export const canSeeAssignment = (a: Actor | null, x: AssignmentFacts) => !!a && a.userId === x.expertUserId && ACTIVE.includes(x.status);
/** Confirming "no conflict" or declaring one: the expert, before the content is open. */
export const canConfirmAssignment = (a: Actor | null, x: AssignmentFacts) => !!a && a.userId === x.expertUserId && x.status === 'assigned';
/** The application's content and the review form: only after the expert confirmed no conflict. */
export const canReadAssignedApplication = (a: Actor | null, x: AssignmentFacts) => !!a && a.userId === x.expertUserId && (x.status === 'confirmed' || x.status === 'submitted');
/** Autosave and submission: the confirmed expert, until submitted (late saves are allowed and flagged). */
export const canEditReview = (a: Actor | null, x: AssignmentFacts, r: ReviewStatus) => !!a && a.userId === x.expertUserId && x.status === 'confirmed' && r !== 'submitted';

/** Members of an application (applicants) may declare a conflict with an expert, with a reason. */
export const canDeclareApplicantConflict = (a: Actor | null, isMember: boolean) => !!a && isMember;
/** Applicants read the reviews of their application once the side's officer released them — without names. */
export const canReadReleasedReviews = (a: Actor | null, isMember: boolean, releasedAt: Date | null) => !!a && isMember && !!releasedAt;
/** Which fields of a review a reader gets: officers and staff everything; applicants never names or confidential comments. */
export function reviewVisibility(a: Actor | null, scope: OfficerScope, sideFunderId: string): 'full' | 'applicant' {
  return canViewPanel(a, scope, sideFunderId) ? 'full' : 'applicant';
}
