// Shapes of the events API as the web app uses them.
import type { Ml } from '@shared/languages.ts';
import type { EventVenue } from '@shared/venues.ts';

export type EventInfo = {
  id: string; slug: string; title: Ml; description: Ml; format: 'online' | 'hybrid' | 'onsite'; timezone: string; startsAt: string; endsAt: string;
  venues: EventVenue[];
  coverFileId: string | null; coverUrl: string | null; visibility: string; status: string; registrationOpensAt: string | null; registrationClosesAt: string | null;
  capacity: number | null; approvalMode: string; bookingMode: string; maxMeetingsPerParticipant: number; requestsNeedAcceptance: boolean;
  requestExpiryHours: number; reminderMinutes: number; videoProvider: string; videoLink: string | null; followUpUrl: string | null;
  organisers: { id: string; name: Ml; country: string; role: string }[]; registrationOpen: boolean; approvedCount: number;
  myRegistration: { id: string; status: string; role: string; organisationId: string | null; languages: string[]; needsInterpreter: boolean; profileIds: string[]; note: string } | null; canManage: boolean;
};
export type Slot = { id: string; seq: number; startsAt: string; endsAt: string };
export type Session = {
  id: string; kind: string; title: Ml; description: Ml; startsAt: string; endsAt: string; roomId: string | null; topic: Ml; moderator: string | null;
  speakers: { name: string; title?: Ml }[]; minutes: Ml; slotMinutes: number | null; pauseMinutes: number | null; tables: number | null; slots: Slot[];
};
export type Person = { userId: string; name: string; organisationName: string; organisationId: string | null; country: string; timezone: string };
export type Registration = Person & { id: string; role: string; status: string; languages: string[]; needsInterpreter: boolean; createdAt: string; email?: string; orgType: string | null;
  profileIds: string[]; profiles: { id: string; title: Ml }[] };
export type Meeting = {
  id: string; eventId: string; kind: string; status: string; priority: string; message: string; reason: string | null; requestedBy: string;
  expiresAt: string | null; slotId: string | null; startsAt: string | null; endsAt: string | null; tableNo: number | null; videoUrl: string | null;
  locked: boolean; published: boolean; interpreter: { userId: string; name: string } | null;
  participants: (Person & { isRequester: boolean; response: string })[];
  myOutcome: { attendance: string; outcomes: string[]; note: string } | null;
};
export type FreeSlot = { id: string; startsAt: string; endsAt: string; freeTables: number | null };
export type AgendaItem = { type: 'session' | 'meeting'; startsAt: string; endsAt: string; kind: string; title: Ml; roomId: string | null; meeting: Meeting | null };
export const OUTCOME_KINDS = ['agreement', 'memorandum_planned', 'joint_application_planned', 'follow_up', 'no_interest'] as const;
