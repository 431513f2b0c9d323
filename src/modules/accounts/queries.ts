import { eq, desc } from 'drizzle-orm';
import { users, userRoles, sessions, organisationMembers } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { Me } from './schema.ts';
import type { Role } from '../../shared/enums.ts';
import type { Lang } from '../../shared/languages.ts';
import { notFound } from '../../platform/errors.ts';

export async function getMe(db: Tx, userId: string): Promise<Me> {
  const [u] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!u) throw notFound('user');
  const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId));
  const orgs = await db.select({ id: organisationMembers.organisationId, role: organisationMembers.role })
    .from(organisationMembers).where(eq(organisationMembers.userId, userId));
  return {
    id: u.id, email: u.email, name: u.name, organisationName: u.organisationName, country: u.country,
    lang: u.lang as Lang, timezone: u.timezone, roles: roles.map((r) => r.role as Role).sort(),
    emailVerified: !!u.emailVerifiedAt, organisations: orgs,
  };
}

export async function listSessions(db: Tx, userId: string, currentId: string) {
  const rows = await db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(desc(sessions.lastSeenAt));
  return rows.map((s) => ({
    id: s.id.slice(0, 12), current: s.id === currentId, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(), ip: s.ip, userAgent: s.userAgent,
  }));
}
