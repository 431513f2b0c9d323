// The first administrator of a production installation and accounts made from the command line.
//  - When no administrator exists, each start issues a one-time setup link (random token, only its
//    SHA-256 kept in app_meta, valid 24 h) to a page that creates the first administrator.
//  - `synergy create-user` beside a running server on the embedded database cannot open the data
//    folder, so it asks the server instead: POST /api/local/create-user from the loopback interface
//    with the secret the server wrote into its data folder (readable only by the same OS user).
// Accounts made with a printed password must change it at first sign-in (users.must_change_password).
import { and, eq, isNull, sql } from 'drizzle-orm';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appMeta, userRoles, users } from '../../db/schema/index.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { hashPassword } from '../../platform/password.ts';
import { hashToken, newId, newToken } from '../../platform/tokens.ts';
import type { Role } from '../../shared/enums.ts';

export const SETUP_KEY = 'setup:first-admin';
export const SETUP_TTL_HOURS = 24;
export const LOCAL_SECRET_FILE = 'cli-secret';

export async function adminExists(db: Db | Tx): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(userRoles).innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, 'admin'), isNull(users.disabledAt), isNull(users.deletedAt))).limit(1);
  return rows.length > 0;
}

/** A new setup token (replacing any earlier one); returns the token itself, which is never stored. */
export async function issueSetupToken(deps: { db: Db; clock: Clock }): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SETUP_TTL_HOURS * 3600_000);
  const value = { hash: hashToken(token), expiresAt: expiresAt.toISOString() };
  await deps.db.insert(appMeta).values({ key: SETUP_KEY, value, updatedAt: now })
    .onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: now } });
  return { token, expiresAt };
}

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

async function checkSetupToken(db: Db | Tx, token: string, now: Date): Promise<'ok' | 'token_invalid' | 'token_expired'> {
  const [row] = await db.select().from(appMeta).where(eq(appMeta.key, SETUP_KEY));
  const v = row?.value as { hash?: string; expiresAt?: string } | undefined;
  if (!v?.hash || !sameHash(v.hash, hashToken(token))) return 'token_invalid';
  if (!v.expiresAt || new Date(v.expiresAt) <= now) return 'token_expired';
  return 'ok';
}

export async function setupStatus(db: Db, token: string | undefined, now: Date) {
  const needed = !(await adminExists(db));
  return { needed, token: needed && token ? await checkSetupToken(db, token, now) : null };
}

export type NewAccount = {
  email: string; name?: string; roles: Role[]; password?: string; country: string; lang: string; timezone: string;
  organisationName?: string; mustChangePassword: boolean;
};

/** Creates an account (or adds roles to an existing one). A password is generated when none is given. */
export async function createAccount(tx: Tx, now: Date, a: NewAccount) {
  const email = a.email.trim().toLowerCase();
  const [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`);
  const id = existing?.id ?? newId();
  const password = existing ? null : a.password ?? randomBytes(12).toString('base64url');
  if (!existing) {
    await tx.insert(users).values({ id, email, passwordHash: await hashPassword(password!), name: a.name ?? email.split('@')[0],
      organisationName: a.organisationName ?? '', country: a.country, lang: a.lang, timezone: a.timezone, emailVerifiedAt: now,
      mustChangePassword: a.mustChangePassword, createdAt: now, updatedAt: now });
  }
  for (const role of a.roles) await tx.insert(userRoles).values({ userId: id, role, grantedAt: now }).onConflictDoNothing();
  const roles = (await tx.select().from(userRoles).where(eq(userRoles.userId, id))).map((r) => r.role as Role);
  return { id, email, created: !existing, roles, generatedPassword: a.password ? null : password };
}

/** The setup page: creates the first administrator with the one-time token; refused once any administrator exists. */
export async function createFirstAdmin(ctx: RequestContext, input: { token: string; email: string; password: string; name: string;
  organisationName: string; country: string; lang: string; timezone: string }) {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(720210932)`); // two browsers submitting together: one wins
    const now = ctx.clock.now();
    if (await adminExists(tx)) throw new AppError('setup_done');
    const check = await checkSetupToken(tx, input.token, now);
    if (check !== 'ok') throw new AppError(check);
    const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
    if (taken) throw new AppError('email_taken', { fields: [{ path: 'email', code: 'email_taken' }] });
    const r = await createAccount(tx, now, { ...input, roles: ['admin'], mustChangePassword: false });
    await tx.delete(appMeta).where(eq(appMeta.key, SETUP_KEY));
    await audit(tx, ctx, { entityType: 'user', entityId: r.id, action: 'setup_first_admin', changes: { email: r.email, roles: r.roles } });
    return r;
  });
}

/** Writes (once) the secret the CLI presents to a running server; only the server's OS user can read it. */
export function ensureLocalSecret(dataDir: string): string {
  const file = join(dataDir, LOCAL_SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = newToken();
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

export const readLocalSecret = (dataDir: string): string | null => {
  try { return readFileSync(join(dataDir, LOCAL_SECRET_FILE), 'utf8').trim() || null; } catch { return null; }
};

export const secretMatches = (expected: string | null, given: unknown) =>
  !!expected && typeof given === 'string' && sameHash(hashToken(expected), hashToken(given));

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** The TCP peer, never X-Forwarded-For: a proxy on the same host must not turn remote callers into local ones. */
export const isLoopback = (remoteAddress: string | undefined) => !!remoteAddress && LOOPBACK.has(remoteAddress);
