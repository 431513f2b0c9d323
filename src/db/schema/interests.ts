// Expressions of interest in a profile and the conversation an accepted one opens (module interests).
import { pgTable, uuid, text, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts.ts';
import { organisations } from './directory.ts';
import { profiles } from './profiles.ts';
import type { InterestStatus } from '../../shared/enums.ts';

export const expressionsOfInterest = pgTable('expressions_of_interest', {
  id: uuid('id').primaryKey(),
  profileId: uuid('profile_id').notNull().references(() => profiles.id, { onDelete: 'cascade' }),
  fromOrganisationId: uuid('from_organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  fromUserId: uuid('from_user_id').notNull().references(() => users.id),
  message: text('message').notNull(),
  status: text('status').$type<InterestStatus>().notNull(), // see INTEREST_STATUSES
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
