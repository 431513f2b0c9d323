// zod schemas of the events API (requests and responses).
import { z } from 'zod';
import { LANGS } from '../../shared/languages.ts';
import { mlOut, mlSchema } from '../../shared/ml-schema.ts';
import { isValidTimeZone } from '../../shared/time.ts';
import { EVENT_FORMATS, EVENT_STATUSES, MEETING_STATUSES, OUTCOME_KINDS, PROFILE_TYPES, REG_STATUSES } from '../../shared/enums.ts';
export { EVENT_FORMATS, EVENT_STATUSES, MEETING_STATUSES, OUTCOME_KINDS, REG_STATUSES };

export const SESSION_KINDS = ['plenary', 'round_table', 'presentation', 'meeting_block', 'pause'] as const;
export const REG_ROLES = ['delegate', 'speaker', 'moderator', 'interpreter', 'organiser'] as const;

const ml = (max: number, required = false) => mlSchema({ max, required });
const tz = z.string().refine(isValidTimeZone, { message: 'invalid_timezone' });
/** Wall-clock time in the event's zone, "2021-09-29T10:00". */
export const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{2,80}$/);

const room = z.object({ id: z.string().min(1).max(40), name: ml(200, true), videoUrl: z.string().url().max(500).nullable().optional() }).strict();
const venue = z.object({ id: z.string().min(1).max(40), name: ml(300, true), address: ml(500), rooms: z.array(room).max(50).default([]) }).strict();

export const eventBody = z.object({
  slug,
  title: ml(300, true),
  description: ml(8000).default({}),
  format: z.enum(EVENT_FORMATS),
  timezone: tz,
  startsLocal: localTime,
  endsLocal: localTime,
  venues: z.array(venue).max(10).default([]),
  organiserIds: z.array(z.string().uuid()).max(20).default([]),
  visibility: z.enum(['public', 'invitation']).default('public'),
  status: z.enum(EVENT_STATUSES).default('draft'),
  registrationOpensLocal: localTime.nullable().default(null),
  registrationClosesLocal: localTime.nullable().default(null),
  capacity: z.number().int().min(1).max(100000).nullable().default(null),
  approvalMode: z.enum(['auto', 'manual']).default('auto'),
  bookingMode: z.enum(['self', 'organiser']).default('self'),
  maxMeetingsPerParticipant: z.number().int().min(1).max(100).default(12),
  requestsNeedAcceptance: z.boolean().default(true),
  requestExpiryHours: z.number().int().min(1).max(24 * 60).default(72),
  reminderMinutes: z.number().int().min(0).max(24 * 60).default(15),
  videoProvider: z.enum(['jitsi', 'link']).default('jitsi'),
  videoLink: z.string().url().max(500).nullable().default(null),
  followUpUrl: z.string().url().max(500).nullable().default(null),
}).strict();

const speaker = z.object({ name: z.string().trim().min(1).max(200), title: ml(300).optional(), organisationId: z.string().uuid().nullable().optional() }).strict();

export const sessionBody = z.object({
  kind: z.enum(SESSION_KINDS),
  title: ml(300, true),
  description: ml(4000).default({}),
  startsLocal: localTime,
  endsLocal: localTime,
  roomId: z.string().max(40).nullable().default(null),
  topic: ml(500).default({}),
  moderator: z.string().max(200).nullable().default(null),
  speakers: z.array(speaker).max(30).default([]),
  minutes: ml(20000).default({}),
  minutesFileId: z.string().uuid().nullable().default(null),
  slotMinutes: z.number().int().min(15).max(60).nullable().default(null),
  pauseMinutes: z.number().int().min(0).max(60).nullable().default(null),
  tables: z.number().int().min(0).max(500).nullable().default(null),
}).strict();

export const registerBody = z.object({
  organisationId: z.string().uuid().nullable().default(null),
  organisationName: z.string().trim().max(300).default(''),
  role: z.enum(REG_ROLES).default('delegate'),
  languages: z.array(z.enum([...LANGS, 'be', 'other'])).max(5).default([]),
  needsInterpreter: z.boolean().default(false),
  // Published marketplace profiles of the registrant's organisation (checked on registration).
  profileIds: z.array(z.string().uuid()).max(20).default([]),
  note: z.string().max(2000).default(''),
}).strict();

export const decideRegistrationBody = z.object({ status: z.enum(['approved', 'rejected', 'waitlisted']) }).strict();
export const unavailabilityBody = z.object({ slotIds: z.array(z.string().uuid()).max(500) }).strict();

/** What a registrant may change later (organisation and role stay: meetings and the programme depend on them). */
export const updateRegistrationBody = z.object({
  languages: z.array(z.enum([...LANGS, 'be', 'other'])).max(5).optional(),
  needsInterpreter: z.boolean().optional(),
  profileIds: z.array(z.string().uuid()).max(20).optional(),
  note: z.string().max(2000).optional(),
}).strict();
export const meetingRequestBody = z.object({
  inviteeUserIds: z.array(z.string().uuid()).min(1).max(10),
  message: z.string().max(2000).default(''),
  priority: z.enum(['must', 'would']).default('would'),
}).strict();
export const acceptBody = z.object({ slotId: z.string().uuid().optional() }).strict();
export const reasonBody = z.object({ reason: z.string().max(1000).default('') }).strict();
export const bookBody = z.object({ slotId: z.string().uuid(), tableNo: z.number().int().min(1).max(500).optional() }).strict();
export const interpreterBody = z.object({ userId: z.string().uuid().nullable() }).strict();
export const outcomeBody = z.object({
  attendance: z.enum(['took_place', 'no_show']),
  outcomes: z.array(z.enum(OUTCOME_KINDS)).max(5).default([]),
  note: z.string().max(4000).default(''),
  linkedOrganisationIds: z.array(z.string().uuid()).max(10).default([]),
}).strict();

// ---- responses
export const venueOut = z.object({
  id: z.string(), name: mlOut, address: mlOut,
  rooms: z.array(z.object({ id: z.string(), name: mlOut, videoUrl: z.string().nullable().optional() })),
});
export const eventOut = z.object({
  id: z.string(), slug: z.string(), title: mlOut, description: mlOut, format: z.enum(EVENT_FORMATS), timezone: z.string(),
  startsAt: z.string(), endsAt: z.string(), venues: z.array(venueOut),
  coverFileId: z.string().nullable(), coverUrl: z.string().nullable().describe('The cover image (changes when the cover is replaced)'),
  visibility: z.string(), status: z.enum(EVENT_STATUSES), registrationOpensAt: z.string().nullable(), registrationClosesAt: z.string().nullable(),
  capacity: z.number().nullable(), approvalMode: z.string(), bookingMode: z.string(), maxMeetingsPerParticipant: z.number(),
  requestsNeedAcceptance: z.boolean(), requestExpiryHours: z.number(), reminderMinutes: z.number(), videoProvider: z.string(),
  videoLink: z.string().nullable(), followUpUrl: z.string().nullable(), scheduleVersion: z.number(),
  organisers: z.array(z.object({ id: z.string(), name: mlOut, country: z.string(), role: z.string() })),
  registrationOpen: z.boolean(), approvedCount: z.number(),
  myRegistration: z.object({
    id: z.string(), status: z.string(), role: z.string(), organisationId: z.string().nullable(), languages: z.array(z.string()),
    needsInterpreter: z.boolean(), profileIds: z.array(z.string()), note: z.string(),
  }).nullable(),
  canManage: z.boolean(),
});
const speakerOut = z.object({ name: z.string(), title: mlOut.optional(), organisationId: z.string().nullable().optional() });
export const sessionOut = z.object({
  id: z.string(), kind: z.string(), title: mlOut, description: mlOut, startsAt: z.string(), endsAt: z.string(), roomId: z.string().nullable(),
  topic: mlOut, moderator: z.string().nullable(), speakers: z.array(speakerOut), minutes: mlOut, minutesFileId: z.string().nullable(),
  slotMinutes: z.number().nullable(), pauseMinutes: z.number().nullable(), tables: z.number().nullable(),
  slots: z.array(z.object({ id: z.string(), seq: z.number(), startsAt: z.string(), endsAt: z.string() })),
});
export const personOut = z.object({ userId: z.string(), name: z.string(), organisationName: z.string(), organisationId: z.string().nullable(), country: z.string(), timezone: z.string() });
export const meetingPartnersOut = z.array(z.object({
  event: z.object({ id: z.string(), slug: z.string(), title: mlOut, timezone: z.string(), startsAt: z.string(), endsAt: z.string() }),
  people: z.array(personOut),
})).describe('Coming events where the caller and people of the organisation are approved registrants');
export const registrationOut = personOut.extend({
  id: z.string(), role: z.string(), status: z.string(), languages: z.array(z.string()), needsInterpreter: z.boolean(),
  profileIds: z.array(z.string()), createdAt: z.string(), email: z.string().optional(), orgType: z.string().nullable(),
  profiles: z.array(z.object({ id: z.string(), title: mlOut, type: z.string().describe(PROFILE_TYPES.join(' | ')), areas: z.array(z.string()) }))
    .describe('The profiles brought that are still published, for links and the attendee filters (offer/request, area)'),
});
export const meetingOut = z.object({
  id: z.string(), eventId: z.string(), kind: z.string(), status: z.string(), priority: z.string(), message: z.string(), reason: z.string().nullable(),
  requestedBy: z.string(), expiresAt: z.string().nullable(), slotId: z.string().nullable(), startsAt: z.string().nullable(), endsAt: z.string().nullable(),
  tableNo: z.number().nullable(), videoUrl: z.string().nullable(), locked: z.boolean(), published: z.boolean(),
  interpreter: z.object({ userId: z.string(), name: z.string() }).nullable(),
  participants: z.array(personOut.extend({ isRequester: z.boolean(), response: z.string() })),
  myOutcome: z.object({ attendance: z.string(), outcomes: z.array(z.string()), note: z.string() }).nullable(),
});
export const slotOut = z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string(), freeTables: z.number().nullable() });
/** The event in the heading of a schedule or a personal agenda. */
export const eventHeading = z.object({ id: z.string(), slug: z.string(), title: mlOut, timezone: z.string() });
export const scheduleOut = z.object({
  event: eventHeading,
  items: z.array(z.object({
    meetingId: z.string(), startsAt: z.string(), endsAt: z.string(), tableNo: z.number().nullable(), videoUrl: z.string().nullable(),
    roomId: z.string().nullable().describe("The meeting block's room (names in the event's venues)"), interpreter: z.string().nullable(),
    participants: z.array(z.object({ name: z.string(), organisationName: z.string(), country: z.string() })),
  })),
});

const tally = z.record(z.string(), z.number());
export const eventStatsOut = z.object({
  registrations: z.object({ total: z.number(), byStatus: tally, byCountry: tally, byOrgType: tally, byRole: tally })
    .describe('byStatus counts all registrations, the others the approved ones'),
  requests: z.object({ sent: z.number(), pending: z.number(), accepted: z.number(), declined: z.number(), expired: z.number(), cancelled: z.number() }),
  meetings: z.object({ scheduled: z.number(), group: z.number(), held: z.number(), noShows: z.number(), withOutcome: z.number() }),
  outcomes: tally.describe('Meetings per outcome kind'),
});
export const agendaItem = z.object({
  type: z.enum(['session', 'meeting']), startsAt: z.string(), endsAt: z.string(), kind: z.string(), title: mlOut.describe('Empty for a meeting'),
  roomId: z.string().nullable().describe("A room of the event's venues (a meeting: its block's room)"), meeting: meetingOut.nullable(),
});
export const myAgendaOut = z.object({ event: eventHeading, items: z.array(agendaItem) });
