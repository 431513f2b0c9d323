// Calls for joint projects: funders, programmes, scoped officers, calls, and mirror applications
// (one joint project with one half per side, each half to its own funder). Designed for the later
// review, funding-decision and portfolio modules too: criteria live on the call, submitted versions are
// immutable rows (a trigger refuses UPDATE/DELETE, see the migration), the origin of an application is
// kept so the portfolio can trace meeting → application → project.
import { pgTable, uuid, text, timestamp, jsonb, integer, numeric, primaryKey, uniqueIndex, index, unique } from 'drizzle-orm/pg-core';
import type { Ml } from '../../shared/languages.ts';
import { organisations } from './directory.ts';
import { users } from './accounts.ts';
import { files } from './platform.ts';

/** A funder is an organisation of the directory with a funder record (currency, zone). */
export const funders = pgTable('funders', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  country: text('country').notNull(), // the side it funds: BY | CN
  currency: text('currency').notNull(), // BYN | CNY
  timezone: text('timezone').notNull(), // deadlines are stated in this zone
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('funders_org_uq').on(t.organisationId)]);

export const programmes = pgTable('programmes', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull(),
  name: jsonb('name').$type<Ml>().notNull(),
  description: jsonb('description').$type<Ml>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('programmes_slug_uq').on(t.slug)]);

/** Each funder of a programme funds its own country's partners. */
export const programmeFunders = pgTable('programme_funders', {
  programmeId: uuid('programme_id').notNull().references(() => programmes.id, { onDelete: 'cascade' }),
  funderId: uuid('funder_id').notNull().references(() => funders.id),
}, (t) => [primaryKey({ columns: [t.programmeId, t.funderId] })]);

/** Budget of a funder for a programme and year (the decisions module spends it). */
export const funderBudgets = pgTable('funder_budgets', {
  funderId: uuid('funder_id').notNull().references(() => funders.id, { onDelete: 'cascade' }),
  programmeId: uuid('programme_id').notNull().references(() => programmes.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  amount: numeric('amount', { precision: 16, scale: 2 }).notNull(),
}, (t) => [primaryKey({ columns: [t.funderId, t.programmeId, t.year] })]);

/**
 * Scoped staff as data: a programme officer acts for one funder, for all its calls (call_id null) or one
 * call. Policy functions receive the list of funders the actor is officer of for the call in question.
 */
export const funderOfficers = pgTable('funder_officers', {
  id: uuid('id').primaryKey(),
  funderId: uuid('funder_id').notNull().references(() => funders.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  callId: uuid('call_id').references(() => calls.id, { onDelete: 'cascade' }),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [unique('funder_officers_uq').on(t.funderId, t.userId, t.callId).nullsNotDistinct(), index('funder_officers_user_idx').on(t.userId)]);

export type EvaluationCriterion = { code: string; title: Ml; weight: number; scaleMin: number; scaleMax: number; step: number; threshold?: number | null };
export type RequiredDocument = { code: string; side: string; title: Ml; required: boolean };
export type EligibilityRules = { minPartnersPerCountry: number; leadPerSide: boolean; allowedOrgTypes: string[]; flagParkResidents: boolean };

export const calls = pgTable('calls', {
  id: uuid('id').primaryKey(),
  programmeId: uuid('programme_id').notNull().references(() => programmes.id),
  slug: text('slug').notNull(),
  type: text('type').notNull(), // joint | flagship | fundamental
  title: jsonb('title').$type<Ml>().notNull(),
  description: jsonb('description').$type<Ml>().notNull().default({}),
  status: text('status').notNull().default('draft'), // draft | published (open/upcoming/closed follow from the instants)
  projectStartYear: integer('project_start_year').notNull(),
  projectEndYear: integer('project_end_year').notNull(),
  opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
  closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
  timezone: text('timezone').notNull(), // the zone the call text states its dates in
  priorityAreas: text('priority_areas').array().notNull().default([]),
  maxDurationMonths: integer('max_duration_months').notNull(),
  criteria: jsonb('criteria').$type<EvaluationCriterion[]>().notNull().default([]),
  requiredDocuments: jsonb('required_documents').$type<RequiredDocument[]>().notNull().default([]),
  eligibility: jsonb('eligibility').$type<EligibilityRules>().notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('calls_slug_uq').on(t.slug), index('calls_closes_idx').on(t.closesAt)]);

/** The funders of a call (one per side). */
export const callFunders = pgTable('call_funders', {
  callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
  funderId: uuid('funder_id').notNull().references(() => funders.id),
  side: text('side').notNull(),
}, (t) => [primaryKey({ columns: [t.callId, t.funderId] }), uniqueIndex('call_funders_side_uq').on(t.callId, t.side)]);

/** Per-project cap of a funder in one year of the call's project period, in the funder's currency. */
export const callCaps = pgTable('call_caps', {
  callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
  funderId: uuid('funder_id').notNull().references(() => funders.id),
  year: integer('year').notNull(),
  amount: numeric('amount', { precision: 16, scale: 2 }).notNull(),
}, (t) => [primaryKey({ columns: [t.callId, t.funderId, t.year] })]);

/** Downloadable call documents (the call text, forms). */
export const callDocuments = pgTable('call_documents', {
  id: uuid('id').primaryKey(),
  callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
  fileId: uuid('file_id').notNull().references(() => files.id),
  title: jsonb('title').$type<Ml>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [index('call_documents_call_idx').on(t.callId)]);

/** The joint project; its two halves are `application_halves`. */
export const applications = pgTable('applications', {
  id: uuid('id').primaryKey(),
  callId: uuid('call_id').notNull().references(() => calls.id),
  reference: text('reference').notNull(), // human reference, e.g. "BYCN-2022-0007"
  // Where the partnership came from: eoi | meeting | recommendation (null: started from scratch).
  originKind: text('origin_kind'),
  originId: uuid('origin_id'),
  originData: jsonb('origin_data').$type<Record<string, unknown>>().notNull().default({}),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('applications_reference_uq').on(t.reference), index('applications_call_idx').on(t.callId), index('applications_origin_idx').on(t.originKind, t.originId)]);

/**
 * One half per side. status: draft → submitted → (eligible | ineligible | returned → submitted again);
 * withdrawn goes back to draft. `submitted_version` is the number of the last submitted version.
 */
export const applicationHalves = pgTable('application_halves', {
  id: uuid('id').primaryKey(),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  side: text('side').notNull(),
  funderId: uuid('funder_id').notNull().references(() => funders.id),
  status: text('status').notNull().default('draft'),
  submittedVersion: integer('submitted_version').notNull().default(0),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  mismatchOverrideReason: text('mismatch_override_reason'),
  mismatchOverrideBy: uuid('mismatch_override_by').references(() => users.id),
  mismatchOverrideAt: timestamp('mismatch_override_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('application_halves_side_uq').on(t.applicationId, t.side), index('application_halves_funder_idx').on(t.funderId, t.status)]);

/** People of the consortium with their role inside the application, per side. */
export const applicationMembers = pgTable('application_members', {
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id),
  side: text('side').notNull(),
  role: text('role').notNull(), // editor | viewer
  organisationId: uuid('organisation_id').references(() => organisations.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.applicationId, t.userId] }), index('application_members_user_idx').on(t.userId)]);

/** Invitation by link (token hash) or to a person of the directory. */
export const applicationInvitations = pgTable('application_invitations', {
  id: uuid('id').primaryKey(),
  applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
  side: text('side').notNull(),
  role: text('role').notNull(),
  email: text('email'),
  userId: uuid('user_id').references(() => users.id),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  tokenHash: text('token_hash').notNull(),
  invitedBy: uuid('invited_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  acceptedBy: uuid('accepted_by').references(() => users.id),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
}, (t) => [uniqueIndex('application_invitations_token_uq').on(t.tokenHash), index('application_invitations_app_idx').on(t.applicationId)]);

/**
 * A section of a half (title, consortium, workplan, budget, results, ip, customer). `version` grows on every
 * save; a save names the version it was based on and is refused when another save came first.
 */
export const applicationSections = pgTable('application_sections', {
  halfId: uuid('half_id').notNull().references(() => applicationHalves.id, { onDelete: 'cascade' }),
  key: text('key').notNull(),
  content: jsonb('content').$type<Record<string, unknown>>().notNull(),
  version: integer('version').notNull().default(0),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.halfId, t.key] })]);

/** One file per required document of a half (replacing it replaces the row). */
export const applicationAttachments = pgTable('application_attachments', {
  id: uuid('id').primaryKey(),
  halfId: uuid('half_id').notNull().references(() => applicationHalves.id, { onDelete: 'cascade' }),
  documentCode: text('document_code').notNull(),
  fileId: uuid('file_id').notNull().references(() => files.id),
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('application_attachments_doc_uq').on(t.halfId, t.documentCode)]);

/** A submitted version: the canonical snapshot and its SHA-256. Immutable (trigger in the migration). */
export const applicationVersions = pgTable('application_versions', {
  id: uuid('id').primaryKey(),
  halfId: uuid('half_id').notNull().references(() => applicationHalves.id),
  version: integer('version').notNull(),
  snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
  sha256: text('sha256').notNull(),
  submittedBy: uuid('submitted_by').notNull().references(() => users.id),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('application_versions_uq').on(t.halfId, t.version)]);

/** Withdrawals of submitted versions (the version rows themselves never change). */
export const applicationWithdrawals = pgTable('application_withdrawals', {
  versionId: uuid('version_id').primaryKey().references(() => applicationVersions.id),
  withdrawnBy: uuid('withdrawn_by').notNull().references(() => users.id),
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }).notNull(),
});

/** Eligibility decisions of a funder's officer, append-only; the newest is in force. */
export const eligibilityDecisions = pgTable('eligibility_decisions', {
  id: uuid('id').primaryKey(),
  halfId: uuid('half_id').notNull().references(() => applicationHalves.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  decision: text('decision').notNull(), // eligible | ineligible | returned
  automatic: jsonb('automatic').$type<{ code: string; ok: boolean; params?: Record<string, unknown> }[]>().notNull(),
  checklist: jsonb('checklist').$type<{ code: string; ok: boolean; note?: string }[]>().notNull().default([]),
  reasons: jsonb('reasons').$type<Ml>().notNull().default({}),
  decidedBy: uuid('decided_by').notNull().references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
}, (t) => [index('eligibility_decisions_half_idx').on(t.halfId, t.decidedAt)]);

/** Deadline reminders sent (7d, 1d, 3h), one per person and call: the job is idempotent. */
export const callRemindersSent = pgTable('call_reminders_sent', {
  callId: uuid('call_id').notNull().references(() => calls.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.callId, t.userId, t.kind] })]);

