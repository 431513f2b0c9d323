import { pgTable, uuid, text, timestamp, jsonb, integer, boolean, primaryKey, index, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Ml } from '../../shared/languages.ts';
import { users } from './accounts.ts';
import { files } from './platform.ts';

/** Areas (parent_code null) and sub-areas of the priority taxonomy; organisers edit them. */
export const taxonomyAreas = pgTable('taxonomy_areas', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code'),
  label: jsonb('label').$type<Ml>().notNull(),
  byPriority: integer('by_priority'),
  grnti: text('grnti').array().notNull().default([]),
  gbt: text('gbt').array().notNull().default([]),
  related: text('related').array().notNull().default([]),
  sort: integer('sort').notNull().default(0),
  active: boolean('active').notNull().default(true),
}, (t) => [index('taxonomy_parent_idx').on(t.parentCode)]);

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey(),
  externalId: text('external_id'),
  name: jsonb('name').$type<Ml>().notNull(),
  shortName: jsonb('short_name').$type<Ml>().notNull().default({}),
  description: jsonb('description').$type<Ml>().notNull().default({}),
  country: text('country').notNull(),
  type: text('type').notNull(),
  city: jsonb('city').$type<Ml>().notNull().default({}),
  region: jsonb('region').$type<Ml>().notNull().default({}),
  website: text('website'),
  areas: text('areas').array().notNull().default([]),
  subAreas: text('sub_areas').array().notNull().default([]),
  logoFileId: uuid('logo_file_id').references(() => files.id),
  verifiedAt: timestamp('verified_at', { withTimezone: true }),
  verifiedBy: uuid('verified_by').references(() => users.id),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  /** Archived by its owner: hidden from the directory and from new activity, kept for the records that reference it. */
  archivedAt: timestamp('archived_at', { withTimezone: true }),
}, (t) => [uniqueIndex('organisations_external_id_uq').on(t.externalId), index('organisations_country_idx').on(t.country)]);

export const organisationMembers = pgTable('organisation_members', {
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  role: text('role').notNull(), // owner | member
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('org_members_user_idx').on(t.userId)]);

/** Contact persons of an organisation with their visibility. */
export const organisationContacts = pgTable('organisation_contacts', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  position: jsonb('position').$type<Ml>().notNull().default({}),
  email: text('email'),
  phone: text('phone'),
  visibility: text('visibility').notNull(), // public | registered | after_eoi
  sort: integer('sort').notNull().default(0),
}, (t) => [index('org_contacts_org_idx').on(t.organisationId)]);
