import { pgTable, uuid, text, timestamp, jsonb, bigint, index, integer, customType, doublePrecision, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });
import { users } from './accounts.ts';

/** Who changed what, when, from where. Written in the same transaction as the change. */
export const auditLog = pgTable('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actorId: uuid('actor_id'),
  actorEmail: text('actor_email'),
  ip: text('ip'),
  requestId: text('request_id'),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  action: text('action').notNull(),
  changes: jsonb('changes').$type<Record<string, unknown>>(),
}, (t) => [index('audit_at_idx').on(t.at), index('audit_entity_idx').on(t.entityType, t.entityId), index('audit_actor_idx').on(t.actorId)]);

/** Transactional outbox of mail: written with the change, delivered by a job (or kept for admins when no SMTP). */
export const mailOutbox = pgTable('mail_outbox', {
  id: uuid('id').primaryKey(),
  toEmail: text('to_email').notNull(),
  toUserId: uuid('to_user_id'),
  lang: text('lang').notNull(),
  template: text('template').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  status: text('status').notNull(), // pending | sending (leased) | sent | failed | kept (no SMTP)
  attempts: integer('attempts').notNull().default(0),
  /** While `sending`: until when the claiming worker owns it; after that another worker may send it again. */
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
}, (t) => [index('mail_outbox_created_idx').on(t.createdAt), index('mail_outbox_to_idx').on(t.toEmail)]);

/** In-app inbox. `kind` + `data` are rendered by the web app in the reader's language. */
export const notifications = pgTable('notifications', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  link: text('link'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  readAt: timestamp('read_at', { withTimezone: true }),
}, (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)]);

/** Small key-value facts about this installation (e.g. demo data loaded). */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Uploaded files (logos, attachments, covers) are kept in the database so every process sees them and backups hold them. */
export const files = pgTable('files', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * Long computations (e.g. "schedule all") run as background jobs. One row per run; the partial unique index
 * allows only one active run per (kind, scope), across all server processes.
 */
export const taskRuns = pgTable('task_runs', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  scope: text('scope').notNull(),
  status: text('status').notNull(), // queued | running | done | failed | cancelled
  params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
  progress: doublePrecision('progress').notNull().default(0),
  best: jsonb('best').$type<Record<string, unknown>>(),
  result: jsonb('result').$type<Record<string, unknown>>(),
  error: text('error'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('task_runs_active_uq').on(t.kind, t.scope).where(sql`status IN ('queued', 'running')`),
  index('task_runs_scope_idx').on(t.kind, t.scope, t.createdAt),
]);
