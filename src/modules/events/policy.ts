// Who may do what with events, registrations and meetings. Pure functions; tested for every role.
import { isOrganiser, type Actor } from '../../platform/context.ts';

export type EventFacts = { status: string; visibility: string; registrationOpensAt: Date | null; registrationClosesAt: Date | null; endsAt: Date };
export type RegFacts = { status: string } | null;

/** Organisers and administrators create and run events (every event: the exchange is organised jointly). */
export const canManageEvents = (a: Actor | null) => isOrganiser(a);

/** Drafts are for organisers; invitation-only events for organisers and people registered for them; the rest is public. */
export function canViewEvent(a: Actor | null, e: EventFacts, reg: RegFacts): boolean {
  if (canManageEvents(a)) return true;
  if (e.status === 'draft') return false;
  if (e.visibility === 'invitation') return !!reg && reg.status !== 'cancelled' && reg.status !== 'rejected';
  return true;
}

export function registrationOpen(e: EventFacts, now: Date): boolean {
  if (e.status !== 'published') return false;
  if (now >= e.endsAt) return false;
  if (e.registrationOpensAt && now < e.registrationOpensAt) return false;
  if (e.registrationClosesAt && now >= e.registrationClosesAt) return false;
  return true;
}

/** Any signed-in person may register for a visible event while registration is open (experts too: they may attend). */
export function canRegister(a: Actor | null, e: EventFacts, reg: RegFacts, now: Date): boolean {
  if (!a) return false;
  if (reg && reg.status !== 'cancelled') return false;
  if (e.visibility === 'invitation' && !canManageEvents(a)) return false;
  return registrationOpen(e, now);
}

/** Only approved registrants take part in meetings (request, be invited, see the attendee list). */
export const isApproved = (reg: RegFacts) => !!reg && reg.status === 'approved';
export const canRequestMeetings = (a: Actor | null, reg: RegFacts) => !!a && isApproved(reg);
export const canSeeAttendees = (a: Actor | null, reg: RegFacts) => canManageEvents(a) || isApproved(reg);

/** Meeting details (message, partners, video link) are for its participants, its interpreter and organisers. */
export function canSeeMeeting(a: Actor | null, m: { participantIds: string[]; interpreterUserId: string | null }): boolean {
  if (!a) return false;
  if (canManageEvents(a)) return true;
  return m.participantIds.includes(a.userId) || m.interpreterUserId === a.userId;
}

/** Participants act on their own meetings; organisers may cancel or book any (they run the schedule). */
export function canActOnMeeting(a: Actor | null, m: { participantIds: string[] }): boolean {
  if (!a) return false;
  return m.participantIds.includes(a.userId) || canManageEvents(a);
}

/** Only an invitee answers a request (accept or decline); the requester and organisers do not answer for them. */
export const canRespondToRequest = (a: Actor | null, parts: { userId: string; isRequester: boolean }[]) =>
  !!a && parts.some((p) => p.userId === a.userId && !p.isRequester);

/**
 * Why this person may not book (or move) the meeting into a slot, or null. Participants book their own meetings only
 * when the event lets them (self-booking) and never pick a table; organisers book any meeting at any table.
 */
export function bookingRefusal(a: Actor | null, m: { participantIds: string[] }, e: { bookingMode: string }, o: { tableNo?: number }):
  'forbidden' | 'booking_by_organiser' | null {
  if (!canActOnMeeting(a, m)) return 'forbidden';
  if (canManageEvents(a)) return null;
  if (e.bookingMode !== 'self') return 'booking_by_organiser';
  if (o.tableNo !== undefined) return 'forbidden';
  return null;
}

/** A meeting the organisers locked in place is moved by organisers only. */
export const canMoveLockedMeeting = (a: Actor | null) => canManageEvents(a);

/** Outcomes are recorded by the participants themselves. */
export const canRecordOutcome = (a: Actor | null, m: { participantIds: string[] }) => !!a && m.participantIds.includes(a.userId);
