// Expert review of each side's half of a joint project: the expert pool, a call's panel per side,
// declared conflicts, bids, assignment runs (with the engine's certificate), assignments, reviews,
// consensus reports. Applications, calls and funders belong to the calls module; this module reads them
// only through the calls module's exported functions (the foreign keys here are for integrity only).
import { pgTable, uuid, text, timestamp, jsonb, integer, boolean, doublePrecision, primaryKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { Ml } from '../../shared/languages.ts';
import { users } from './accounts.ts';
import { organisations } from './directory.ts';
import { applications, calls } from './calls.ts';

export type Affiliation = { organisationId: string | null; name: string; from: string; to: string | null };
export type Anchor = { level: number; text: Ml };

/** One record per person with the expert role. */
export const experts = pgTable('experts', {
  userId: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  areas: text('areas').array().notNull().default([]),
  subAreas: text('sub_areas').array().notNull().default([]),
  keywords: text('keywords').array().notNull().default([]),
  statement: jsonb('statement').$type<Ml>().notNull().default({}),
  languages: text('languages').array().notNull().default([]), // languages the expert reads: ru | zh | en
  country: text('country').notNull(),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  affiliations: jsonb('affiliations').$type<Affiliation[]>().notNull().default([]), // past ones, dates YYYY-MM-DD
  maxLoad: integer('max_load').notNull().default(6),
  available: boolean('available').notNull().default(true),
  unavailableUntil: timestamp('unavailable_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A call's panel of one side: its settings (conflict window, reviews per half, country mix, deadline, release). */
export const reviewPanels = pgTable('review_panels', {
  callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
  side: text('side').notNull(),
  conflictYears: integer('conflict_years').notNull().default(3),
  reviewsPerHalf: integer('reviews_per_half').notNull().default(3),
  // null: same-side rule (experts of the side's country); else at least that many experts per group (country).
  mixQuota: jsonb('mix_quota').$type<Record<string, number> | null>(),
  anchors: jsonb('anchors').$type<Record<string, Anchor[]>>().notNull().default({}),
  biddingOpen: boolean('bidding_open').notNull().default(false),
  reviewDeadline: timestamp('review_deadline', { withTimezone: true }),
  divergenceThreshold: doublePrecision('divergence_threshold').notNull().default(3),
  releasedAt: timestamp('released_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.callId, t.side] })]);

/** invited → accepted | declined. */
export const panelMembers = pgTable('review_panel_members', {
  callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
  side: text('side').notNull(),
  expertUserId: uuid('expert_user_id').notNull().references(() => experts.userId, { onDelete: 'cascade' }),
  status: text('status').notNull(),
  invitedBy: uuid('invited_by').notNull().references(() => users.id),
  invitedAt: timestamp('invited_at', { withTimezone: true }).notNull(),
  respondedAt: timestamp('responded_at', { withTimezone: true }),
}, (t) => [primaryKey({ columns: [t.callId, t.side, t.expertUserId] }), index('review_panel_members_expert_idx').on(t.expertUserId)]);

export const reviewBids = pgTable('review_bids', {
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  side: text('side').notNull(),
  expertUserId: uuid('expert_user_id').notNull().references(() => experts.userId, { onDelete: 'cascade' }),
  bid: text('bid').notNull(), // want | can | cannot
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.applicationId, t.side, t.expertUserId] })]);

/** A conflict declared by the expert or by an applicant, with its reason (never shown to applicants). */
export const declaredConflicts = pgTable('review_declared_conflicts', {
  id: uuid('id').primaryKey(),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  expertUserId: uuid('expert_user_id').notNull().references(() => experts.userId, { onDelete: 'cascade' }),
  declaredBy: text('declared_by').notNull(), // expert | applicant
  declaredByUserId: uuid('declared_by_user_id').notNull().references(() => users.id),
  reason: text('reason').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('review_declared_conflicts_uq').on(t.applicationId, t.expertUserId, t.declaredBy)]);

/** One run of the assignment engine for a call's side, with its certificate. */
export const assignmentRuns = pgTable('review_assignment_runs', {
  id: uuid('id').primaryKey(),
  callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
  side: text('side').notNull(),
  mode: text('mode').notNull(),
  seed: integer('seed').notNull().default(1),
  q: doublePrecision('q'),
  objective: doublePrecision('objective').notNull(),
  upperBound: doublePrecision('upper_bound').notNull(),
  worstApplication: doublePrecision('worst_application').notNull(),
  certificate: jsonb('certificate').$type<Record<string, unknown>>().notNull(),
  seconds: doublePrecision('seconds').notNull(),
  lang: text('lang').notNull(), // the language the reasons were written in (the officer's)
  excludedConflicts: integer('excluded_conflicts').notNull().default(0),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [index('review_assignment_runs_call_idx').on(t.callId, t.side, t.createdAt)]);

/**
 * An expert on one half. status: assigned → confirmed (no conflict) → submitted; or removed (re-assigned,
 * conflict declared). At most one active assignment per half and expert (partial unique index).
 */
export const reviewAssignments = pgTable('review_assignments', {
  id: uuid('id').primaryKey(),
  callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
  side: text('side').notNull(),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  expertUserId: uuid('expert_user_id').notNull().references(() => experts.userId),
  runId: uuid('run_id').references(() => assignmentRuns.id, { onDelete: 'set null' }),
  affinity: doublePrecision('affinity').notNull().default(0),
  reasons: jsonb('reasons').$type<string[]>().notNull().default([]),
  status: text('status').notNull(),
  removedReason: text('removed_reason'),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [
  uniqueIndex('review_assignments_active_uq').on(t.applicationId, t.side, t.expertUserId).where(sql`status <> 'removed'`),
  index('review_assignments_expert_idx').on(t.expertUserId, t.status),
  index('review_assignments_call_idx').on(t.callId, t.side),
]);

/** The review of one assignment; `version` grows on every autosave (a save names the version it is based on). */
export const reviews = pgTable('reviews', {
  assignmentId: uuid('assignment_id').primaryKey().references(() => reviewAssignments.id, { onDelete: 'cascade' }),
  scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
  commentToApplicants: text('comment_to_applicants').notNull().default(''),
  commentToOfficer: text('comment_to_officer').notNull().default(''),
  recommendation: text('recommendation'), // fund | fund_with_changes | reject
  confidence: integer('confidence'), // 1..5
  version: integer('version').notNull().default(0),
  status: text('status').notNull().default('draft'), // draft | submitted
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** The rapporteur's consensus report and the panel's final score of one half. */
export const reviewConsensus = pgTable('review_consensus', {
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  side: text('side').notNull(),
  rapporteurUserId: uuid('rapporteur_user_id').notNull().references(() => users.id),
  report: text('report').notNull(),
  finalScore: doublePrecision('final_score').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.applicationId, t.side] })]);

/** Review deadline reminders sent (3d, 1d), one per assignment and kind: the job is idempotent. */
export const reviewRemindersSent = pgTable('review_reminders_sent', {
  assignmentId: uuid('assignment_id').notNull().references(() => reviewAssignments.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.assignmentId, t.kind] })]);
