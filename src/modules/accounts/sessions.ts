// Sessions in the database: the cookie holds a random token, the table its SHA-256.
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { sessions, users, userRoles } from '../../db/schema/index.ts';
import { queryRows, type Tx } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';
import type { Role } from '../../shared/enums.ts';
import { isLang } from '../../shared/languages.ts';

const TOUCH_EVERY_MS = 5 * 60 * 1000;

export async function createSession(tx: Tx, o: { userId: string; ip: string | null; userAgent: string | null; now: Date; ttlHours: number }) {
  const token = newToken();
  const expiresAt = new Date(o.now.getTime() + o.ttlHours * 3600_000);
  await tx.insert(sessions).values({
    id: hashToken(token), userId: o.userId, createdAt: o.now, lastSeenAt: o.now, expiresAt, ip: o.ip, userAgent: o.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

/**
 * Resolves a cookie token to the signed-in actor. A session ends at its absolute expiry (set at sign-in)
 * or after `idleHours` without use, whichever comes first (ASVS 3.3); use is recorded every few minutes.
 */
export async function loadSession(db: Tx, token: string, now: Date, idleHours: number): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const id = hashToken(token);
  const idleCutoff = new Date(now.getTime() - idleHours * 3600_000);
  const rows = await db.select({ s: sessions, u: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleCutoff))).limit(1);
  const row = rows[0];
  if (!row || row.u.disabledAt) return null;
  const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, row.u.id));
  if (now.getTime() - row.s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return {
    userId: row.u.id, email: row.u.email, name: row.u.name, roles: roles.map((r) => r.role as Role),
    lang: isLang(row.u.lang) ? row.u.lang : 'en', timezone: row.u.timezone, sessionId: id,
    ...(row.u.mustChangePassword ? { mustChangePassword: true } : {}),
  };
}

export async function deleteSession(tx: Tx, sessionId: string) {
  await tx.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Logs a user out everywhere, optionally keeping the current session. */
export async function deleteUserSessions(tx: Tx, userId: string, keepSessionId?: string) {
  await tx.delete(sessions).where(keepSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)) : eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(tx: Tx, now: Date) {
  await tx.delete(sessions).where(lt(sessions.expiresAt, now));
}

export const sessionCount = async (tx: Tx, userId: string) =>
  Number((await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${userId}`))[0].n);
