// Account commands: each is one transaction, audited, with expected failures as AppError codes.
import { and, eq, isNull, gt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { users, userRoles, emailTokens, invitations, knownDevices } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/context.ts';
import { audit, diff } from '../../platform/audit.ts';
import { queueMail } from '../../platform/mail.ts';
import { hashPassword, verifyPassword, dummyHash } from '../../platform/password.ts';
import { assertStrongPassword } from '../../platform/password-strength.ts';
import { hashToken, newId, newToken } from '../../platform/tokens.ts';
import * as rate from '../../platform/rate-limit.ts';
import * as throttle from '../../platform/login-throttle.ts';
import type { Lang } from '../../shared/languages.ts';
import type { Role } from '../../shared/enums.ts';
import { PRIVACY_VERSION, TERMS_VERSION } from '../../shared/legal.ts';
import type { registerBody, updateMeBody } from './schema.ts';
import { createSession, deleteSession, deleteUserSessions } from './sessions.ts';

const HOUR = 3600_000;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const VERIFY_TTL = 48 * HOUR;
const RESET_TTL = 1 * HOUR;

async function retireEmailTokens(tx: Tx, userId: string, kind: 'verify' | 'reset', now: Date) {
  await tx.update(emailTokens).set({ usedAt: now })
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.kind, kind), isNull(emailTokens.usedAt)));
}

async function issueEmailToken(tx: Tx, ctx: RequestContext, userId: string, kind: 'verify' | 'reset') {
  const token = newToken();
  const now = ctx.clock.now();
  // Only the newest link works: issuing one retires the user's outstanding links of the same kind.
  await retireEmailTokens(tx, userId, kind, now);
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

/**
 * Registers an account. The answer is the same whether or not the address is already registered (no
 * user enumeration): for a taken address nothing is created, the owner is told by mail instead, and the
 * same work is done (password hashing, one mail queued, one audit row). Only a valid invitation, a
 * secret its holder got by mail, is told plainly that the address is taken.
 */
export async function register(ctx: RequestContext, input: z.output<typeof registerBody>) {
  await assertStrongPassword(input.password, [input.email, input.name, input.organisationName]);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const inv = input.invitation ? await findInvitation(tx, input.invitation, now) : null;
    if (inv?.email && inv.email.toLowerCase() !== input.email) throw new AppError('token_invalid', { params: { reason: 'email' } });
    const [existing] = await tx.select({ id: users.id, name: users.name, lang: users.lang, email: users.email }).from(users)
      .where(sql`lower(${users.email}) = ${input.email}`).limit(1);
    if (existing && inv) throw new AppError('email_taken', { fields: [{ path: 'email', code: 'email_taken' }] });
    if (existing) {
      await queueMail(tx, ctx, { to: existing.email, userId: existing.id, lang: existing.lang as Lang, template: 'account_exists',
        params: { name: existing.name, login: `${ctx.config.publicUrl}/login`, reset: `${ctx.config.publicUrl}/forgot-password` } });
      await audit(tx, ctx, { entityType: 'user', entityId: existing.id, action: 'register_existing', changes: { email: input.email } });
      return { needsVerification: true };
    }
    const id = newId();
    // An invitation mailed to this very address proves the mailbox, so no second verification is needed.
    const verified = !!inv?.email;
    await tx.insert(users).values({
      id, email: input.email, passwordHash, name: input.name,
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
    return { needsVerification: !verified };
  });
}

async function useEmailToken(tx: Tx, token: string, kind: 'verify' | 'reset', now: Date) {
  const [row] = await tx.select().from(emailTokens)
    .where(and(eq(emailTokens.tokenHash, hashToken(token)), eq(emailTokens.kind, kind))).limit(1).for('update');
  if (!row || row.usedAt) throw new AppError('token_invalid');
  if (row.expiresAt <= now) throw new AppError('token_expired');
  // Using one link spends every outstanding link of that kind (an older mail must not work afterwards).
  await retireEmailTokens(tx, row.userId, kind, now);
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

const loginRules = (c: RequestContext['config']) => {
  const common = { maxDelayMs: c.LOGIN_MAX_DELAY_SECONDS * 1000, forgetAfterMs: c.LOGIN_WINDOW_MINUTES * 60_000 };
  return { account: { ...common, free: c.LOGIN_MAX_PER_ACCOUNT }, ip: { ...common, free: c.LOGIN_MAX_PER_IP } };
};

/** The user a device cookie was issued to, if it is one of ours. */
async function deviceOwner(db: Tx, deviceToken: string | null | undefined): Promise<string | null> {
  if (!deviceToken || deviceToken.length > 100) return null;
  const [d] = await db.select({ userId: knownDevices.userId }).from(knownDevices).where(eq(knownDevices.tokenHash, hashToken(deviceToken))).limit(1);
  return d?.userId ?? null;
}

/**
 * Signs in. Only failures are counted; beyond a free allowance each further failure doubles the wait
 * before the next attempt, per account and per client IP (OWASP ASVS 2.2.1: throttling, not a lock a
 * stranger can impose). A browser that signed in to this account before (device cookie) skips the wait,
 * so an attack on an account does not lock its owner out. Unknown and known addresses cost the same work.
 */
export async function login(ctx: RequestContext, input: { email: string; password: string }, userAgent: string | null, deviceToken?: string | null) {
  const rules = loginRules(ctx.config);
  const ipKey = `login-fail-ip:${ctx.ip ?? 'unknown'}`;
  const accountKey = `login-fail:${input.email}`;
  const [u] = await ctx.db.select().from(users).where(sql`lower(${users.email}) = ${input.email}`).limit(1);
  const knownDevice = !!u && (await deviceOwner(ctx.db, deviceToken)) === u.id;
  if (!knownDevice) {
    const now = ctx.clock.now();
    const wait = Math.max(await throttle.waitFor(ctx.db, accountKey, rules.account, now), await throttle.waitFor(ctx.db, ipKey, rules.ip, now));
    if (wait > 0) throw new AppError('rate_limited', { params: { seconds: Math.ceil(wait / 1000) } });
  }
  const ok = await verifyPassword(input.password, u?.passwordHash ?? (await dummyHash()));
  if (!u || !ok) {
    // Counted in their own transaction: the failure must count although the request fails.
    await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      await throttle.recordFailure(tx, accountKey, rules.account, now);
      await throttle.recordFailure(tx, ipKey, rules.ip, now);
      await audit(tx, ctx, { entityType: 'session', entityId: u?.id ?? null, action: 'login_failed', changes: { email: input.email, knownDevice } });
    });
    throw new AppError('invalid_credentials');
  }
  if (u.disabledAt) throw new AppError('account_disabled');
  if (!u.emailVerifiedAt) throw new AppError('email_not_verified');
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    // A success through the throttled path ends the account's delays; one from a known device leaves an
    // attacker's count where it is (the owner's sign-in must not hand the attacker fresh attempts).
    if (!knownDevice) await throttle.clearFailures(tx, accountKey);
    const device = knownDevice ? deviceToken! : newToken();
    if (knownDevice) await tx.update(knownDevices).set({ lastUsedAt: now }).where(eq(knownDevices.tokenHash, hashToken(device)));
    else await tx.insert(knownDevices).values({ tokenHash: hashToken(device), userId: u.id, createdAt: now, lastUsedAt: now });
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, u.id));
    const s = await createSession(tx, { userId: u.id, ip: ctx.ip, userAgent, now, ttlHours: ctx.config.SESSION_TTL_HOURS });
    await audit(tx, { ...ctx, actor: { userId: u.id, email: u.email } as never }, { entityType: 'session', entityId: u.id, action: 'login', changes: { knownDevice } });
    return { ...s, userId: u.id, lang: u.lang as Lang, deviceToken: device };
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
    if (!u || u.disabledAt) {
      // Same answer whether or not the account exists, after comparable work (the token statements and
      // an audit row), so that the time taken does not tell either.
      await retireEmailTokens(tx, NIL_UUID, 'reset', ctx.clock.now());
      hashToken(newToken());
      await audit(tx, ctx, { entityType: 'user', entityId: null, action: 'password_reset_unknown', changes: { email } });
      return;
    }
    const token = await issueEmailToken(tx, ctx, u.id, 'reset');
    await queueMail(tx, ctx, { to: u.email, userId: u.id, lang: u.lang as Lang, template: 'password_reset',
      params: { name: u.name, link: `${ctx.config.publicUrl}/reset-password?token=${token}` } });
    await audit(tx, ctx, { entityType: 'user', entityId: u.id, action: 'password_reset_requested' });
  });
}

export async function resetPassword(ctx: RequestContext, token: string, newPassword: string) {
  await assertStrongPassword(newPassword, []);
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
  await assertStrongPassword(next, [u.email, u.name, u.organisationName], 'newPassword');
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
