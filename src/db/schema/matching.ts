// Matching in the product: what participants told us about recommendations, introductions sent by
// organisers and the weekly digest's memory. Pairing rules live in app_meta ('matching:settings').
import { pgTable, uuid, text, timestamp, boolean, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { organisations } from './directory.ts';
import { profiles } from './profiles.ts';

/** "Not relevant" / "already in contact" for a recommended profile; drops the pair from recommendations. */
export const matchFeedback = pgTable('match_feedback', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  /** The organisation's own profile the recommendation was shown for (null: organisation-wide). */
  profileId: uuid('profile_id').references(() => profiles.id, { onDelete: 'set null' }),
  candidateProfileId: uuid('candidate_profile_id').notNull().references(() => profiles.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(), // not_relevant | in_contact
  userId: uuid('user_id').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [
  uniqueIndex('match_feedback_uq').on(t.organisationId, t.candidateProfileId, t.kind),
  index('match_feedback_candidate_idx').on(t.candidateProfileId),
]);

/** An organiser's introduction of two profiles (and so their organisations) to each other. */
export const matchIntroductions = pgTable('match_introductions', {
  id: uuid('id').primaryKey(),
  profileAId: uuid('profile_a_id').notNull().references(() => profiles.id, { onDelete: 'cascade' }),
  profileBId: uuid('profile_b_id').notNull().references(() => profiles.id, { onDelete: 'cascade' }),
  message: text('message').notNull(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [index('match_introductions_a_idx').on(t.profileAId), index('match_introductions_b_idx').on(t.profileBId)]);

/** Per user: weekly digest opt-out and when the last one went out. */
export const matchDigestState = pgTable('match_digest_state', {
  userId: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  optedOut: boolean('opted_out').notNull().default(false),
  lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Recommendations already sent to a user in a digest, so the next digest shows only new ones. */
export const matchDigestSent = pgTable('match_digest_sent', {
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  candidateProfileId: uuid('candidate_profile_id').notNull().references(() => profiles.id, { onDelete: 'cascade' }),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.userId, t.candidateProfileId] })]);
