import { pgTable, uuid, text, timestamp, jsonb, primaryKey, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Ml } from '../../shared/languages.ts';
import { organisations } from './directory.ts';
import { users } from './accounts.ts';

/** Brokerage events (cooperation exchanges). Agenda, registration and meetings are added by the events module. */
export const events = pgTable('events', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull(),
  title: jsonb('title').$type<Ml>().notNull(),
  description: jsonb('description').$type<Ml>().notNull().default({}),
  format: text('format').notNull(), // online | hybrid | onsite
  timezone: text('timezone').notNull(),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  venue: jsonb('venue').$type<Ml>().notNull().default({}),
  visibility: text('visibility').notNull().default('public'), // public | invitation
  status: text('status').notNull().default('draft'), // draft | published | closed
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('events_slug_uq').on(t.slug)]);

export const eventOrganisers = pgTable('event_organisers', {
  eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  role: text('role').notNull().default('organiser'), // organiser | host
}, (t) => [primaryKey({ columns: [t.eventId, t.organisationId] })]);
