import { pgTable, uuid, text, timestamp, primaryKey, index, uniqueIndex, integer, boolean } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull(),
  emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  passwordHash: text('password_hash').notNull(),
  name: text('name').notNull(),
  organisationName: text('organisation_name').notNull().default(''),
  country: text('country').notNull(),
  lang: text('lang').notNull(),
  timezone: text('timezone').notNull(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  /** Set for accounts created with a printed password: the session allows only the password change until it is done. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** Versions of the terms and of the privacy notice the person accepted, and when. */
  termsVersion: text('terms_version'),
  privacyVersion: text('privacy_version'),
  consentedAt: timestamp('consented_at', { withTimezone: true }),
  /** The person deleted the account: personal data erased, the row kept so shared records still point to "deleted user". */
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [uniqueIndex('users_email_lower_uq').on(sql`lower(${t.email})`)]);

export const userRoles = pgTable('user_roles', {
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  role: text('role').notNull(),
  grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
  grantedBy: uuid('granted_by'),
}, (t) => [primaryKey({ columns: [t.userId, t.role] })]);

/** Sessions live in the database so several server processes share them. `id` is the SHA-256 of the cookie value. */
export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/**
 * Browsers that have signed in to an account before (a random cookie; only its hash is stored). A correct
 * password from a known device is let through while the account is being throttled by someone else's failures.
 */
export const knownDevices = pgTable('known_devices', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull(),
}, (t) => [index('known_devices_user_idx').on(t.userId)]);

/** Single-use tokens sent by mail (email verification, password reset). Only hashes are stored. */
export const emailTokens = pgTable('email_tokens', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(), // 'verify' | 'reset'
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Invitation links created by organisers/admins: expiring, single use, grant a role. */
export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  role: text('role').notNull(),
  email: text('email'),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  usedBy: uuid('used_by').references(() => users.id),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** Fixed-window counters shared by all processes (login attempts, expressions of interest...). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
});
