import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { users, userRoles, invitations } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { queueMail } from '../../platform/mail.ts';
import { hashToken, newId, newToken } from '../../platform/tokens.ts';
import type { Role } from '../../shared/enums.ts';
import { deleteUserSessions } from '../accounts/sessions.ts';
import { findInvitation } from '../accounts/commands.ts';
import { canInvite, canRevokeInvitation, canSetRoles } from './policy.ts';
import type { createInvitationBody } from './schema.ts';

export async function setRoles(ctx: RequestContext, userId: string, roles: Role[]) {
  if (!canSetRoles(ctx.actor, userId, roles)) throw new AppError('forbidden', { params: { reason: 'own_admin' } });
  await ctx.db.transaction(async (tx) => {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    if (!u) throw notFound('user');
    const before = (await tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role).sort();
    const next = [...new Set(roles)].sort();
    await tx.delete(userRoles).where(eq(userRoles.userId, userId));
    if (next.length) await tx.insert(userRoles).values(next.map((role) => ({ userId, role, grantedAt: ctx.clock.now(), grantedBy: ctx.actor!.userId })));
    await audit(tx, ctx, { entityType: 'user', entityId: userId, action: 'set_roles', changes: { roles: { from: before, to: next } } });
  });
}

export async function setDisabled(ctx: RequestContext, userId: string, disabled: boolean) {
  if (ctx.actor!.userId === userId) throw new AppError('forbidden', { params: { reason: 'self' } });
  await ctx.db.transaction(async (tx) => {
    const r = await tx.update(users).set({ disabledAt: disabled ? ctx.clock.now() : null, updatedAt: ctx.clock.now() }).where(eq(users.id, userId)).returning({ id: users.id });
    if (!r.length) throw notFound('user');
    if (disabled) await deleteUserSessions(tx, userId);
    await audit(tx, ctx, { entityType: 'user', entityId: userId, action: disabled ? 'disable' : 'enable' });
  });
}

export async function createInvitation(ctx: RequestContext, input: z.output<typeof createInvitationBody>) {
  if (!canInvite(ctx.actor, input.role)) throw new AppError('forbidden');
  const token = newToken();
  const now = ctx.clock.now();
  const row = {
    id: newId(), tokenHash: hashToken(token), role: input.role, email: input.email ?? null, note: input.note,
    createdBy: ctx.actor!.userId, createdAt: now, expiresAt: new Date(now.getTime() + input.ttlDays * 86400_000),
  };
  const link = `${ctx.config.publicUrl}/invite?token=${token}`;
  await ctx.db.transaction(async (tx) => {
    await tx.insert(invitations).values(row);
    if (input.email) {
      await queueMail(tx, ctx, { to: input.email, lang: input.lang ?? ctx.lang, template: 'invitation',
        params: { inviter: ctx.actor!.name, role: input.role, link, days: input.ttlDays, note: input.note } });
    }
    await audit(tx, ctx, { entityType: 'invitation', entityId: row.id, action: 'create', changes: { role: input.role, email: input.email ?? null } });
  });
  return { ...row, link };
}

export async function revokeInvitation(ctx: RequestContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const [inv] = await tx.select().from(invitations).where(eq(invitations.id, id)).for('update');
    if (!inv) throw notFound('invitation');
    if (!canRevokeInvitation(ctx.actor, inv)) throw new AppError('forbidden');
    if (inv.usedAt) throw new AppError('conflict', { params: { reason: 'used' } });
    await tx.update(invitations).set({ revokedAt: ctx.clock.now() }).where(eq(invitations.id, id));
    await audit(tx, ctx, { entityType: 'invitation', entityId: id, action: 'revoke' });
  });
}

/** A signed-in person accepts an invitation: gains its role. */
export async function acceptInvitation(ctx: RequestContext, token: string) {
  const actor = ctx.actor!;
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const inv = await findInvitation(tx, token, now);
    if (inv.email && inv.email.toLowerCase() !== actor.email.toLowerCase()) throw new AppError('token_invalid', { params: { reason: 'email' } });
    await tx.insert(userRoles).values({ userId: actor.userId, role: inv.role, grantedAt: now, grantedBy: inv.createdBy }).onConflictDoNothing();
    await tx.update(invitations).set({ usedAt: now, usedBy: actor.userId }).where(and(eq(invitations.id, inv.id)));
    await audit(tx, ctx, { entityType: 'invitation', entityId: inv.id, action: 'accept', changes: { role: inv.role } });
    return { role: inv.role };
  });
}
