import { and, desc, eq, gte, lte, lt, sql, count, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { users, userRoles, mailOutbox, auditLog, invitations } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { auditQuery, outboxQuery, userListQuery } from './schema.ts';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listUsers(db: Tx, q: z.output<typeof userListQuery>) {
  const where: SQL[] = [];
  if (q.q) {
    const pattern = `%${likeEscape(q.q.toLowerCase())}%`;
    where.push(sql`(lower(${users.email}) LIKE ${pattern} OR lower(${users.name}) LIKE ${pattern} OR lower(${users.organisationName}) LIKE ${pattern})`);
  }
  if (q.role) where.push(sql`EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = ${users.id} AND r.role = ${q.role})`);
  const cond = where.length ? and(...where) : undefined;
  const [{ n }] = await db.select({ n: count() }).from(users).where(cond);
  const rows = await db.select().from(users).where(cond).orderBy(desc(users.createdAt)).limit(q.limit).offset(q.offset);
  const roles = rows.length
    ? await db.select().from(userRoles).where(sql`${userRoles.userId} IN ${rows.map((r) => r.id)}`)
    : [];
  return {
    total: Number(n),
    items: rows.map((u) => ({
      id: u.id, email: u.email, name: u.name, organisationName: u.organisationName, country: u.country, lang: u.lang,
      timezone: u.timezone, roles: roles.filter((r) => r.userId === u.id).map((r) => r.role).sort(), emailVerified: !!u.emailVerifiedAt,
      disabled: !!u.disabledAt, createdAt: u.createdAt.toISOString(), lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    })),
  };
}

export async function listOutbox(db: Tx, q: z.output<typeof outboxQuery>) {
  const cond = q.to ? sql`lower(${mailOutbox.toEmail}) = ${q.to.toLowerCase()}` : undefined;
  const [{ n }] = await db.select({ n: count() }).from(mailOutbox).where(cond);
  const rows = await db.select().from(mailOutbox).where(cond).orderBy(desc(mailOutbox.createdAt)).limit(q.limit).offset(q.offset);
  return {
    total: Number(n),
    items: rows.map((m) => ({
      id: m.id, toEmail: m.toEmail, lang: m.lang, template: m.template, subject: m.subject, text: m.text, status: m.status,
      createdAt: m.createdAt.toISOString(), sentAt: m.sentAt?.toISOString() ?? null, lastError: m.lastError,
    })),
  };
}

export async function listAudit(db: Tx, q: z.output<typeof auditQuery>) {
  const where: SQL[] = [];
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.actor) where.push(sql`lower(${auditLog.actorEmail}) = ${q.actor.toLowerCase()}`);
  if (q.from) where.push(gte(auditLog.at, new Date(q.from)));
  if (q.to) where.push(lte(auditLog.at, new Date(q.to)));
  if (q.before) where.push(lt(auditLog.id, q.before));
  const rows = await db.select().from(auditLog).where(where.length ? and(...where) : undefined).orderBy(desc(auditLog.id)).limit(q.limit + 1);
  const more = rows.length > q.limit;
  const items = rows.slice(0, q.limit).map((r) => ({ ...r, at: r.at.toISOString() }));
  return { items, nextBefore: more ? items[items.length - 1].id : null };
}

export function invitationStatus(i: typeof invitations.$inferSelect, now: Date) {
  if (i.revokedAt) return 'revoked' as const;
  if (i.usedAt) return 'used' as const;
  if (i.expiresAt <= now) return 'expired' as const;
  return 'active' as const;
}

export async function listInvitations(db: Tx, createdBy: string | null, now: Date) {
  const rows = await db.select().from(invitations).where(createdBy ? eq(invitations.createdBy, createdBy) : undefined).orderBy(desc(invitations.createdAt)).limit(200);
  return rows.map((i) => presentInvitation(i, now));
}

export function presentInvitation(i: typeof invitations.$inferSelect, now: Date) {
  return {
    id: i.id, role: i.role, email: i.email, note: i.note, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString(),
    usedAt: i.usedAt?.toISOString() ?? null, revokedAt: i.revokedAt?.toISOString() ?? null, status: invitationStatus(i, now), createdBy: i.createdBy,
  };
}
