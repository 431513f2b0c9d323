// Cooperation profiles (EEN-style), their history, attachments, expressions of interest and the
// search documents the marketplace queries. The events module refers to profiles by `profiles.id`.
import { pgTable, uuid, text, timestamp, jsonb, integer, boolean, bigint, index, uniqueIndex, customType, date } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { Ml } from '../../shared/languages.ts';
import { users } from './accounts.ts';
import { organisations } from './directory.ts';
import { files } from './platform.ts';

export const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' });
/** A 64-bit transaction id (PostgreSQL 13+); read as a decimal string. */
export const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

export const profiles = pgTable('profiles', {
  id: uuid('id').primaryKey(),
  externalId: text('external_id'),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  type: text('type').notNull(), // TO | TR | BO | BR | RDR
  status: text('status').notNull(), // see PROFILE_STATUSES
  title: jsonb('title').$type<Ml>().notNull(),
  summary: jsonb('summary').$type<Ml>().notNull(),
  description: jsonb('description').$type<Ml>().notNull().default({}),
  partnerRole: jsonb('partner_role').$type<Ml>().notNull().default({}),
  advantages: jsonb('advantages').$type<Ml>().notNull().default({}),
  technicalSpecification: jsonb('technical_specification').$type<Ml>().notNull().default({}),
  iprNotes: jsonb('ipr_notes').$type<Ml>().notNull().default({}),
  technologyKeywords: text('technology_keywords').array().notNull().default([]),
  marketKeywords: text('market_keywords').array().notNull().default([]),
  areas: text('areas').array().notNull().default([]),
  subAreas: text('sub_areas').array().notNull().default([]),
  partnershipTypes: text('partnership_types').array().notNull().default([]),
  partnerTypesSought: text('partner_types_sought').array().notNull().default([]),
  partnerSizeSought: text('partner_size_sought').notNull().default('any'),
  targetCountries: text('target_countries').array().notNull().default([]),
  developmentStage: text('development_stage'),
  trl: integer('trl'),
  trlMinSought: integer('trl_min_sought'),
  iprStatus: text('ipr_status'),
  anonymous: boolean('anonymous').notNull().default(false),
  // RDR: the call it answers. Calls arrive with a later module; the id is kept without a foreign key.
  programme: text('programme'),
  callId: uuid('call_id'),
  callExternalId: text('call_external_id'),
  callDeadline: timestamp('call_deadline', { withTimezone: true }),
  coordinatorRequired: boolean('coordinator_required'),
  eoiDeadline: date('eoi_deadline'),
  // Moderation
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  moderatorComment: text('moderator_comment'),
  rejectionReason: text('rejection_reason'),
  /** A published profile whose re-review fields changed: still public, waiting in the moderation queue. */
  reviewPending: boolean('review_pending').notNull().default(false),
  holdReason: text('hold_reason'),
  // Validity
  firstPublishedAt: timestamp('first_published_at', { withTimezone: true }),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  extensionCount: integer('extension_count').notNull().default(0),
  reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [
  uniqueIndex('profiles_external_id_uq').on(t.externalId),
  index('profiles_org_idx').on(t.organisationId),
  index('profiles_status_idx').on(t.status, t.submittedAt),
  index('profiles_expiry_idx').on(t.status, t.expiresAt),
]);

/** Every change of a profile: who, when, what (field-by-field). */
export const profileHistory = pgTable('profile_history', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  profileId: uuid('profile_id').notNull().references(() => profiles.id, { onDelete: 'cascade' }),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actorId: uuid('actor_id'),
  action: text('action').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  comment: text('comment'),
  changes: jsonb('changes').$type<Record<string, unknown>>(),
}, (t) => [index('profile_history_profile_idx').on(t.profileId, t.at)]);

export const profileAttachments = pgTable('profile_attachments', {
  id: uuid('id').primaryKey(),
  profileId: uuid('profile_id').notNull().references(() => profiles.id, { onDelete: 'cascade' }),
  fileId: uuid('file_id').notNull().references(() => files.id),
  caption: jsonb('caption').$type<Ml>().notNull().default({}),
  sort: integer('sort').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [index('profile_attachments_profile_idx').on(t.profileId)]);

export const expressionsOfInterest = pgTable('expressions_of_interest', {
  id: uuid('id').primaryKey(),
  profileId: uuid('profile_id').notNull().references(() => profiles.id, { onDelete: 'cascade' }),
  fromOrganisationId: uuid('from_organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  fromUserId: uuid('from_user_id').notNull().references(() => users.id),
  message: text('message').notNull(),
  status: text('status').notNull(), // open | accepted | declined | withdrawn
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  respondedAt: timestamp('responded_at', { withTimezone: true }),
  respondedBy: uuid('responded_by').references(() => users.id),
  responseNote: text('response_note'),
}, (t) => [
  // One open expression per organisation and profile.
  uniqueIndex('eoi_open_uq').on(t.profileId, t.fromOrganisationId).where(sql`status = 'open'`),
  index('eoi_from_org_idx').on(t.fromOrganisationId),
  index('eoi_profile_idx').on(t.profileId),
]);

/** Messages of the conversation an accepted expression of interest opens. */
export const conversationMessages = pgTable('conversation_messages', {
  id: uuid('id').primaryKey(),
  eoiId: uuid('eoi_id').notNull().references(() => expressionsOfInterest.id, { onDelete: 'cascade' }),
  authorId: uuid('author_id').notNull().references(() => users.id),
  authorOrganisationId: uuid('author_organisation_id').notNull().references(() => organisations.id),
  body: text('body').notNull(),
  /** Key the sender's client chose for this message: a retried "Send" finds the first one instead of posting twice. */
  clientKey: text('client_key'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [index('conversation_messages_eoi_idx').on(t.eoiId, t.createdAt),
  uniqueIndex('conversation_messages_client_key_uq').on(t.authorId, t.clientKey).where(sql`client_key IS NOT NULL`)]);

/**
 * One search document per profile, rebuilt on every change. Filters are copied here so a search
 * touches one table. Russian and English use their snowball configurations; Chinese text is
 * segmented with Intl.Segmenter in the application and indexed with the `simple` configuration.
 */
export const profileSearch = pgTable('profile_search', {
  profileId: uuid('profile_id').primaryKey().references(() => profiles.id, { onDelete: 'cascade' }),
  status: text('status').notNull(),
  type: text('type').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  country: text('country').notNull(),
  orgType: text('org_type').notNull(),
  areas: text('areas').array().notNull(),
  subAreas: text('sub_areas').array().notNull(),
  partnershipTypes: text('partnership_types').array().notNull(),
  trl: integer('trl'),
  langs: text('langs').array().notNull(),
  sortAt: timestamp('sort_at', { withTimezone: true }).notNull(),
  tsvRu: tsvector('tsv_ru').notNull(),
  tsvEn: tsvector('tsv_en').notNull(),
  tsvZh: tsvector('tsv_zh').notNull(),
  /** Segmented Chinese title + summary (words separated by spaces), for highlighting. */
  zhSegmented: text('zh_segmented').notNull().default(''),
  /** "facet:value" for every facet the profile counts in (type:TO, area:ict_ai…): one unnest counts them all. */
  facetKeys: text('facet_keys').array().notNull().default(sql`'{}'::text[]`),
  /**
   * Transaction that last wrote the row (set by a trigger, migration 0007): the change feed of the
   * in-process facet indexes (facet-index.ts), which re-read rows with indexed_xid >= the xmin of
   * the snapshot they last read.
   */
  indexedXid: xid8('indexed_xid').notNull().default(sql`pg_current_xact_id()`),
}, (t) => [
  index('profile_search_ru_idx').using('gin', t.tsvRu),
  index('profile_search_en_idx').using('gin', t.tsvEn),
  index('profile_search_zh_idx').using('gin', t.tsvZh),
  index('profile_search_sort_idx').on(t.status, t.sortAt, t.profileId),
  index('profile_search_areas_idx').using('gin', t.areas),
  index('profile_search_xid_idx').on(t.indexedXid),
]);
