import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, timestamp, jsonb, integer, boolean, primaryKey, uniqueIndex, index, customType } from 'drizzle-orm/pg-core';
import type { Ml } from '../../shared/languages.ts';
import type { EventFormat, EventStatus } from '../../shared/enums.ts';
import { organisations } from './directory.ts';
import { users } from './accounts.ts';
import { files } from './platform.ts';
import type { EventVenue } from '../../shared/venues.ts';

export type { EventRoom, EventVenue } from '../../shared/venues.ts';

/** A PostgreSQL time range; read as its text form. */
const tstzrange = customType<{ data: string; driverData: string }>({ dataType: () => 'tstzrange' });
export type Speaker = { name: string; title?: Ml; organisationId?: string | null };

/** Brokerage events (cooperation exchanges) with their booking settings. */
export const events = pgTable('events', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull(),
  title: jsonb('title').$type<Ml>().notNull(),
  description: jsonb('description').$type<Ml>().notNull().default({}),
  format: text('format').$type<EventFormat>().notNull(),
  timezone: text('timezone').notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  // Names, addresses and room names are multilingual; migration 0006 moved the former single `venue` text here.
  venues: jsonb('venues').$type<EventVenue[]>().notNull().default([]),
  // Set only by the cover upload (POST /api/events/:id/cover), which checks the image's type and size.
  coverFileId: uuid('cover_file_id').references(() => files.id),
  visibility: text('visibility').notNull().default('public'), // public | invitation
  status: text('status').$type<EventStatus>().notNull().default('draft'),
  // Registration
  registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }),
  registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
  capacity: integer('capacity'), // null = unlimited
  approvalMode: text('approval_mode').notNull().default('auto'), // auto | manual
  // Meetings
  bookingMode: text('booking_mode').notNull().default('self'), // self (participants pick slots) | organiser (scheduling run)
  maxMeetingsPerParticipant: integer('max_meetings_per_participant').notNull().default(12),
  requestsNeedAcceptance: boolean('requests_need_acceptance').notNull().default(true),
  requestExpiryHours: integer('request_expiry_hours').notNull().default(72),
  reminderMinutes: integer('reminder_minutes').notNull().default(15),
  videoProvider: text('video_provider').notNull().default('jitsi'), // jitsi | link (per-event/room pasted link)
  videoLink: text('video_link'),
  followUpUrl: text('follow_up_url'),
  // Schedule publication (the scheduling console bumps the version on each publish)
  scheduleVersion: integer('schedule_version').notNull().default(0),
  schedulePublishedAt: timestamp('schedule_published_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('events_slug_uq').on(t.slug)]);

export const eventOrganisers = pgTable('event_organisers', {
  eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  role: text('role').notNull().default('organiser'), // organiser | host
}, (t) => [primaryKey({ columns: [t.eventId, t.organisationId] })]);

/** Agenda: plenary, round table, presentation, meeting block, pause. */
export const eventSessions = pgTable('event_sessions', {
  id: uuid('id').primaryKey(),
  eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(), // plenary | round_table | presentation | meeting_block | pause
  title: jsonb('title').$type<Ml>().notNull(),
  description: jsonb('description').$type<Ml>().notNull().default({}),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  roomId: text('room_id'),
  topic: jsonb('topic').$type<Ml>().notNull().default({}),
  moderator: text('moderator'),
  speakers: jsonb('speakers').$type<Speaker[]>().notNull().default([]),
  minutes: jsonb('minutes').$type<Ml>().notNull().default({}),
  minutesFileId: uuid('minutes_file_id').references(() => files.id),
  // Meeting blocks only
  slotMinutes: integer('slot_minutes'),
  pauseMinutes: integer('pause_minutes'),
  tables: integer('tables'), // on-site tables; null/0 = online, rooms unlimited
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [index('event_sessions_event_idx').on(t.eventId, t.startsAt)]);

/** Slots generated from a meeting block (regenerated when the block changes and no meeting uses them). */
export const eventSlots = pgTable('event_slots', {
  id: uuid('id').primaryKey(),
  eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  sessionId: uuid('session_id').notNull().references(() => eventSessions.id, { onDelete: 'cascade' }),
  seq: integer('seq').notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('event_slots_session_seq_uq').on(t.sessionId, t.seq), index('event_slots_event_idx').on(t.eventId, t.startsAt)]);

export const eventRegistrations = pgTable('event_registrations', {
  id: uuid('id').primaryKey(),
  eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  organisationName: text('organisation_name').notNull().default(''),
  role: text('role').notNull().default('delegate'), // delegate | speaker | moderator | interpreter | organiser
  languages: text('languages').array().notNull().default([]),
  needsInterpreter: boolean('needs_interpreter').notNull().default(false),
  // Marketplace profiles (table `profiles`) the person brings; no foreign key so modules stay independent.
  profileIds: uuid('profile_ids').array().notNull().default([]),
  note: text('note').notNull().default(''),
  status: text('status').notNull(), // pending | approved | waitlisted | cancelled | rejected
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decidedBy: uuid('decided_by'),
}, (t) => [uniqueIndex('event_registrations_event_user_uq').on(t.eventId, t.userId), index('event_registrations_status_idx').on(t.eventId, t.status, t.createdAt)]);

/** Slots a registrant marked as unavailable. */
export const eventUnavailability = pgTable('event_unavailability', {
  eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  slotId: uuid('slot_id').notNull().references(() => eventSlots.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.userId, t.slotId] })]);

/**
 * A meeting from request to outcome. status: requested → accepted → scheduled, or declined / expired /
 * cancelled. Slot, table and interpreter are set when booked (by a participant in self-booking mode or
 * by the organiser's scheduling run); `locked` keeps the scheduler from moving it.
 */
export const meetings = pgTable('meetings', {
  id: uuid('id').primaryKey(),
  eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  requestedBy: uuid('requested_by').notNull().references(() => users.id),
  kind: text('kind').notNull(), // bilateral | group
  message: text('message').notNull().default(''),
  priority: text('priority').notNull().default('would'), // must | would
  status: text('status').notNull(),
  reason: text('reason'), // decline or cancel reason
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  slotId: uuid('slot_id').references(() => eventSlots.id),
  tableNo: integer('table_no'),
  interpreterUserId: uuid('interpreter_user_id').references(() => users.id),
  videoUrl: text('video_url'),
  locked: boolean('locked').notNull().default(false),
  published: boolean('published').notNull().default(false),
  /** Placed by one of its own participants (self-booking), not by an organiser or the scheduler: a run keeps it. */
  selfBooked: boolean('self_booked').notNull().default(false),
  scheduleVersion: integer('schedule_version').notNull().default(0),
  icsSequence: integer('ics_sequence').notNull().default(0),
  reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
  /** Bilateral meetings: the two user ids, smaller first ("a:b"), so one open request per pair is a unique index. */
  pairKey: text('pair_key'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [
  index('meetings_event_status_idx').on(t.eventId, t.status),
  // One open bilateral request or meeting per pair of people per event, whoever asked first.
  uniqueIndex('meetings_open_pair_uq').on(t.eventId, t.pairKey).where(sql`pair_key IS NOT NULL AND status IN ('requested', 'accepted', 'scheduled')`),
  index('meetings_expires_idx').on(t.expiresAt),
  // Two meetings never share a table in a slot.
  uniqueIndex('meetings_slot_table_uq').on(t.slotId, t.tableNo).where(sql`status = 'scheduled' AND table_no IS NOT NULL`),
]);

export const meetingParticipants = pgTable('meeting_participants', {
  meetingId: uuid('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  isRequester: boolean('is_requester').notNull().default(false),
  response: text('response').notNull(), // pending | accepted | declined
  respondedAt: timestamp('responded_at', { withTimezone: true }),
}, (t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index('meeting_participants_user_idx').on(t.userId)]);

/**
 * One row per person (participant or interpreter) per booked slot. The primary key makes it impossible,
 * whatever the interleaving of transactions, for anyone to be in two meetings at once.
 */
export const meetingSlotOccupancy = pgTable('meeting_slot_occupancy', {
  eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  slotId: uuid('slot_id').notNull().references(() => eventSlots.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id),
  meetingId: uuid('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  /**
   * The slot's time, copied by a trigger on insert (callers never set it). The exclusion constraint
   * `meeting_occupancy_no_overlap` (custom SQL of the migration) forbids one person in two overlapping
   * ranges, so overlapping slots of different meeting blocks cannot double-book anyone either.
   */
  during: tstzrange('during'),
}, (t) => [primaryKey({ columns: [t.slotId, t.userId] }), index('meeting_slot_occupancy_meeting_idx').on(t.meetingId)]);

/** Each side records whether the meeting took place and what came of it. */
export const meetingOutcomes = pgTable('meeting_outcomes', {
  meetingId: uuid('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  attendance: text('attendance').notNull(), // took_place | no_show
  outcomes: text('outcomes').array().notNull().default([]), // agreement | memorandum_planned | joint_application_planned | follow_up | no_interest
  note: text('note').notNull().default(''),
  linkedOrganisationIds: uuid('linked_organisation_ids').array().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.meetingId, t.userId] })]);

/** Secret, revocable token of a person's calendar subscription feed (only its hash is stored). */
export const calendarFeeds = pgTable('calendar_feeds', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [uniqueIndex('calendar_feeds_token_uq').on(t.tokenHash), index('calendar_feeds_user_idx').on(t.userId)]);
