// A person's own data: download everything about them, and delete the account.
// Deleting erases or anonymises personal data but keeps the row (as "deleted user"), so records
// shared with others — organisations, meetings, expressions of interest, messages — stay whole.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { auditLog, mailOutbox, organisationContacts, userRoles, users } from '../../db/schema/index.ts';
import { queryRows, type Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { hashPassword, verifyPassword } from '../../platform/password.ts';
import { newToken } from '../../platform/tokens.ts';

/** The name shown wherever a deleted person appears, readable in each of the three languages. */
export const DELETED_USER_NAME = 'Удалённый пользователь · 已删除用户 · Deleted user';

const SECRET_COLUMN = /hash|secret|token/i;
const ident = (s: string) => { if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`unexpected identifier ${s}`); return sql.raw(`"${s}"`); };

/** Every (table, column) whose foreign key points to users.id — found in the catalogue, so tables added later are included. */
async function userColumns(tx: Tx) {
  return queryRows<{ table_name: string; column_name: string }>(tx, sql`
    SELECT c.conrelid::regclass::text AS table_name, a.attname::text AS column_name
    FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
    WHERE c.contype = 'f' AND c.confrelid = 'public.users'::regclass ORDER BY 1, 2`);
}

const withoutSecrets = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => !SECRET_COLUMN.test(k)));

export async function exportPersonalData(ctx: RequestContext, userId: string) {
  return ctx.db.transaction(async (tx) => {
    const [account] = await queryRows<Record<string, unknown>>(tx, sql`SELECT * FROM users WHERE id = ${userId}`);
    if (!account) throw notFound('user');
    const records: Record<string, Record<string, unknown>[]> = {};
    for (const { table_name, column_name } of await userColumns(tx)) {
      if (table_name === 'sessions') continue; // listed below without the session keys
      const rows = await queryRows<Record<string, unknown>>(tx, sql`SELECT * FROM ${ident(table_name)} WHERE ${ident(column_name)} = ${userId}`);
      if (rows.length) records[`${table_name}.${column_name}`] = rows.map(withoutSecrets);
    }
    records.sessions = await queryRows(tx, sql`SELECT created_at, last_seen_at, expires_at, ip, user_agent FROM sessions WHERE user_id = ${userId}`);
    records.mail = await queryRows(tx, sql`SELECT * FROM mail_outbox WHERE to_user_id = ${userId} ORDER BY created_at`);
    records.audit = await queryRows(tx, sql`SELECT * FROM audit_log WHERE actor_id = ${userId} OR (entity_type = 'user' AND entity_id = ${userId}::text) ORDER BY id`);
    return { exportedAt: ctx.clock.now().toISOString(), account: withoutSecrets(account), records };
  });
}

export async function deleteAccount(ctx: RequestContext, password: string) {
  const userId = ctx.actor!.userId;
  await ctx.db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!u || u.deletedAt) throw notFound('user');
    if (!(await verifyPassword(password, u.passwordHash))) throw new AppError('validation_failed', { fields: [{ path: 'password', code: 'wrong_password' }] });
    const roles = (await tx.select().from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role);
    if (roles.includes('admin')) {
      const others = await tx.select({ id: userRoles.userId }).from(userRoles).innerJoin(users, eq(users.id, userRoles.userId))
        .where(and(eq(userRoles.role, 'admin'), ne(userRoles.userId, userId), sql`${users.deletedAt} IS NULL AND ${users.disabledAt} IS NULL`)).limit(1);
      if (!others.length) throw new AppError('last_admin');
    }
    const now = ctx.clock.now();
    await tx.update(users).set({
      email: `deleted-${userId}@deleted.invalid`, name: DELETED_USER_NAME, organisationName: '', passwordHash: await hashPassword(newToken()),
      emailVerifiedAt: null, lastLoginAt: null, mustChangePassword: false, termsVersion: null, privacyVersion: null, consentedAt: null,
      disabledAt: now, deletedAt: now, updatedAt: now,
    }).where(eq(users.id, userId));
    // What only concerned this person goes; what others share stays and now points to "deleted user".
    for (const table of ['sessions', 'email_tokens', 'user_roles', 'notifications', 'organisation_members', 'calendar_feeds',
      'match_digest_state', 'match_digest_sent', 'event_unavailability']) {
      await tx.execute(sql`DELETE FROM ${ident(table)} WHERE user_id = ${userId}`);
    }
    await tx.delete(mailOutbox).where(eq(mailOutbox.toUserId, userId));
    await tx.delete(organisationContacts).where(sql`lower(${organisationContacts.email}) = lower(${u.email})`);
    // The audit trail keeps who did what (by id) but not the email address or the personal fields recorded.
    await tx.update(auditLog).set({ actorEmail: null }).where(eq(auditLog.actorId, userId));
    await tx.update(auditLog).set({ changes: {} }).where(and(eq(auditLog.entityType, 'user'), inArray(auditLog.entityId, [userId])));
    await audit(tx, { ...ctx, actor: null }, { entityType: 'user', entityId: userId, action: 'delete_account' });
  });
}
