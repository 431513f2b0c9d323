// Account commands: each is one transaction, audited, with expected failures as AppError codes.
import { and, eq, isNull, gt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { users, userRoles, emailTokens, invitations } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/context.ts';
import { audit, diff } from '../../platform/audit.ts';
import { queueMail } from '../../platform/mail.ts';
import { hashPassword, verifyPassword, dummyHash } from '../../platform/password.ts';
import { hashToken, newId, newToken } from '../../platform/tokens.ts';
import * as rate from '../../platform/rate-limit.ts';
import type { Lang } from '../../shared/languages.ts';
import type { Role } from '../../shared/enums.ts';
import { PRIVACY_VERSION, TERMS_VERSION } from '../../shared/legal.ts';
import type { registerBody, updateMeBody } from './schema.ts';
import { createSession, deleteSession, deleteUserSessions } from './sessions.ts';

const HOUR = 3600_000;
const VERIFY_TTL = 48 * HOUR;
const RESET_TTL = 1 * HOUR;

async function issueEmailToken(tx: Tx, ctx: RequestContext, userId: string, kind: 'verify' | 'reset') {
  const token = newToken();
  const now = ctx.clock.now();
  await tx.insert(emailTokens).values({
    id: newId(), userId, kind, tokenHash: hashToken(token), createdAt: now, expiresAt: new Date(now.getTime() + (kind === 'verify' ? VERIFY_TTL : RESET_TTL)),
  });
  return token;
}

/** Finds a usable invitation by its token, or explains why it cannot be used. */
export async function findInvitation(tx: Tx, token: string, now: Date) {
  const [inv] = await tx.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token))).limit(1);
  if (!inv || inv.revokedAt) throw new AppError('token_invalid');
  if (inv.usedAt) throw new AppError('token_invalid', { params: { reason: 'used' } });
  if (inv.expiresAt <= now) throw new AppError('token_expired');
  return inv;
}

export async function register(ctx: RequestContext, input: z.output<typeof registerBody>) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const inv = input.invitation ? await findInvitation(tx, input.invitation, now) : null;
    if (inv?.email && inv.email.toLowerCase() !== input.email) throw new AppError('token_invalid', { params: { reason: 'email' } });
    const existing = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`).limit(1);
    if (existing.length) throw new AppError('email_taken', { fields: [{ path: 'email', code: 'email_taken' }] });
    const id = newId();
    // An invitation mailed to this very address proves the mailbox, so no second verification is needed.
    const verified = !!inv?.email;
    await tx.insert(users).values({
      id, email: input.email, passwordHash: await hashPassword(input.password), name: input.name,
      organisationName: input.organisationName, country: input.country, lang: input.lang, timezone: input.timezone,
      emailVerifiedAt: verified ? now : null, createdAt: now, updatedAt: now,
      termsVersion: TERMS_VERSION, privacyVersion: PRIVACY_VERSION, consentedAt: now,
    });
    const roles = new Set<Role>(['participant']);
    if (inv) roles.add(inv.role as Role);
    await tx.insert(userRoles).values([...roles].map((role) => ({ userId: id, role, grantedAt: now, grantedBy: inv?.createdBy ?? null })));
    if (inv) await tx.update(invitations).set({ usedAt: now, usedBy: id }).where(eq(invitations.id, inv.id));
    if (!verified) {
      const token = await issueEmailToken(tx, ctx, id, 'verify');
      await queueMail(tx, ctx, { to: input.email, userId: id, lang: input.lang, template: 'verify_email',
        params: { name: input.name, link: `${ctx.config.publicUrl}/verify-email?token=${token}` } });
    }
    await audit(tx, { ...ctx, actor: ctx.actor }, { entityType: 'user', entityId: id, action: 'register',
      changes: { email: input.email, name: input.name, country: input.country, roles: [...roles], invitation: inv?.id ?? null,
        consent: { terms: TERMS_VERSION, privacy: PRIVACY_VERSION } } });
    return { userId: id, needsVerification: !verified };
  });
}

async function useEmailToken(tx: Tx, token: string, kind: 'verify' | 'reset', now: Date) {
  const [row] = await tx.select().from(emailTokens)
    .where(and(eq(emailTokens.tokenHash, hashToken(token)), eq(emailTokens.kind, kind))).limit(1).for('update');
  if (!row || row.usedAt) throw new AppError('token_invalid');
  if (row.expiresAt <= now) throw new AppError('token_expired');
  await tx.update(emailTokens).set({ usedAt: now }).where(eq(emailTokens.id, row.id));
  return row;
}

export async function verifyEmail(ctx: RequestContext, token: string) {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const row = await useEmailToken(tx, token, 'verify', now);
    await tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(and(eq(users.id, row.userId), isNull(users.emailVerifiedAt)));
    await audit(tx, ctx, { entityType: 'user', entityId: row.userId, action: 'verify_email' });
  });
}

async function limited(tx: Tx, ctx: RequestContext, key: string, max: number, windowMs: number) {
  const r = await rate.hit(tx, key, max, windowMs, ctx.clock.now());
  if (!r.allowed) throw new AppError('rate_limited', { params: { seconds: r.retryAfterSeconds } });
}

export async function resendVerification(ctx: RequestContext, email: string) {
  await ctx.db.transaction(async (tx) => {
    await limited(tx, ctx, `verify:${email}`, 5, HOUR);
    const [u] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
    if (!u || u.emailVerifiedAt) return; // say nothing about which addresses exist
    const token = await issueEmailToken(tx, ctx, u.id, 'verify');
    await queueMail(tx, ctx, { to: u.email, userId: u.id, lang: u.lang as Lang, template: 'verify_email',
      params: { name: u.name, link: `${ctx.config.publicUrl}/verify-email?token=${token}` } });
  });
}

export async function login(ctx: RequestContext, input: { email: string; password: string }, userAgent: string | null) {
  const windowMs = ctx.config.LOGIN_WINDOW_MINUTES * 60_000;
  const ipKey = `login-ip:${ctx.ip ?? 'unknown'}`;
  const accountKey = `login-fail:${input.email}`;
  // Counted in their own transactions: a failed login must still count.
  await ctx.db.transaction((tx) => limited(tx, ctx, ipKey, ctx.config.LOGIN_MAX_PER_IP, windowMs));
  const failures = await rate.peek(ctx.db, accountKey, windowMs, ctx.clock.now());
  if (failures >= ctx.config.LOGIN_MAX_PER_ACCOUNT) throw new AppError('rate_limited', { params: { seconds: Math.round(windowMs / 1000) } });
  const [u] = await ctx.db.select().from(users).where(sql`lower(${users.email}) = ${input.email}`).limit(1);
  const ok = await verifyPassword(input.password, u?.passwordHash ?? (await dummyHash()));
  if (!u || !ok) {
    await ctx.db.transaction(async (tx) => {
      await rate.hit(tx, accountKey, Number.MAX_SAFE_INTEGER, windowMs, ctx.clock.now());
      await audit(tx, ctx, { entityType: 'session', entityId: u?.id ?? null, action: 'login_failed', changes: { email: input.email } });
    });
    throw new AppError('invalid_credentials');
  }
  if (u.disabledAt) throw new AppError('account_disabled');
  if (!u.emailVerifiedAt) throw new AppError('email_not_verified');
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await rate.reset(tx, accountKey);
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, u.id));
    const s = await createSession(tx, { userId: u.id, ip: ctx.ip, userAgent, now, ttlHours: ctx.config.SESSION_TTL_HOURS });
    await audit(tx, { ...ctx, actor: { userId: u.id, email: u.email } as never }, { entityType: 'session', entityId: u.id, action: 'login' });
    return { ...s, userId: u.id, lang: u.lang as Lang };
  });
}

export async function logout(ctx: RequestContext, everywhere: boolean) {
  if (!ctx.actor) return;
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    if (everywhere) await deleteUserSessions(tx, actor.userId);
    else await deleteSession(tx, actor.sessionId);
    await audit(tx, ctx, { entityType: 'session', entityId: actor.userId, action: everywhere ? 'logout_everywhere' : 'logout' });
  });
}

export async function requestPasswordReset(ctx: RequestContext, email: string) {
  await ctx.db.transaction(async (tx) => {
    await limited(tx, ctx, `reset:${email}`, 5, HOUR);
    const [u] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
    if (!u || u.disabledAt) return; // same answer whether or not the account exists
    const token = await issueEmailToken(tx, ctx, u.id, 'reset');
    await queueMail(tx, ctx, { to: u.email, userId: u.id, lang: u.lang as Lang, template: 'password_reset',
      params: { name: u.name, link: `${ctx.config.publicUrl}/reset-password?token=${token}` } });
    await audit(tx, ctx, { entityType: 'user', entityId: u.id, action: 'password_reset_requested' });
  });
}

export async function resetPassword(ctx: RequestContext, token: string, newPassword: string) {
  const hash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const row = await useEmailToken(tx, token, 'reset', now);
    // The reset link proves the mailbox too.
    await tx.update(users).set({ passwordHash: hash, mustChangePassword: false, updatedAt: now, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now})` }).where(eq(users.id, row.userId));
    await deleteUserSessions(tx, row.userId);
    await audit(tx, ctx, { entityType: 'user', entityId: row.userId, action: 'password_reset' });
  });
}

export async function changePassword(ctx: RequestContext, current: string, next: string) {
  const actor = ctx.actor!;
  const [u] = await ctx.db.select().from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!u || !(await verifyPassword(current, u.passwordHash))) {
    throw new AppError('invalid_credentials', { fields: [{ path: 'currentPassword', code: 'wrong_password' }] });
  }
  const hash = await hashPassword(next);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash, mustChangePassword: false, updatedAt: ctx.clock.now() }).where(eq(users.id, u.id));
    await deleteUserSessions(tx, u.id, actor.sessionId); // other devices must log in again
    await audit(tx, ctx, { entityType: 'user', entityId: u.id, action: 'password_change' });
  });
}

export async function updateMe(ctx: RequestContext, patch: z.output<typeof updateMeBody>) {
  const actor = ctx.actor!;
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, actor.userId)).limit(1).for('update');
    const after = { ...before, ...patch };
    const changes = diff(before as Record<string, unknown>, after as Record<string, unknown>);
    if (!Object.keys(changes).length) return;
    await tx.update(users).set({ ...patch, updatedAt: ctx.clock.now() }).where(eq(users.id, actor.userId));
    await audit(tx, ctx, { entityType: 'user', entityId: actor.userId, action: 'update', changes });
  });
}

export const activeInvitationFilter = (now: Date) => and(isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));
