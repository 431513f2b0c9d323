// Who may do what with events, registrations and meetings. Pure functions; tested for every role.
import type { Actor } from '../../platform/context.ts';

export type EventFacts = { status: string; visibility: string; registrationOpensAt: Date | null; registrationClosesAt: Date | null; endsAt: Date };
export type RegFacts = { status: string } | null;

const has = (a: Actor | null, ...roles: string[]) => !!a && roles.some((r) => a.roles.includes(r as never));

/** Organisers and administrators create and run events (every event: the exchange is organised jointly). */
export const canManageEvents = (a: Actor | null) => has(a, 'organiser', 'admin');

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

/** Outcomes are recorded by the participants themselves. */
export const canRecordOutcome = (a: Actor | null, m: { participantIds: string[] }) => !!a && m.participantIds.includes(a.userId);
