import { and, eq } from 'drizzle-orm';
import { conversationMessages, expressionsOfInterest, organisations, profiles } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { hit } from '../../platform/rate-limit.ts';
import { newId } from '../../platform/tokens.ts';
import { myOrganisationIds } from '../directory/queries.ts';
import { memberIds, notifyUsers } from '../directory/notify.ts';
import { history } from '../profiles/commands.ts';
import { canPostMessage, canRespond, canSendInterest, canWithdraw, EOI_RATE, type EoiSide } from './policy.ts';

export async function sideOf(tx: Tx, userId: string | undefined, eoi: { fromOrganisationId: string; profileOrgId: string }): Promise<EoiSide> {
  const mine = await myOrganisationIds(tx, userId);
  return { sender: mine.includes(eoi.fromOrganisationId), owner: mine.includes(eoi.profileOrgId) };
}

async function loadEoi(tx: Tx, id: string, lock = false) {
  const q = tx.select({ e: expressionsOfInterest, profileOrgId: profiles.organisationId, title: profiles.title, anonymous: profiles.anonymous })
    .from(expressionsOfInterest).innerJoin(profiles, eq(profiles.id, expressionsOfInterest.profileId)).where(eq(expressionsOfInterest.id, id));
  const [r] = lock ? await q.for('update', { of: expressionsOfInterest }) : await q;
  if (!r) throw notFound('interest');
  return r;
}

export async function sendInterest(ctx: RequestContext, profileId: string, input: { message: string; organisationId?: string }) {
  const actor = ctx.actor!;
  const limit = await hit(ctx.db, `eoi:${actor.userId}`, EOI_RATE.max, EOI_RATE.windowMs, ctx.clock.now());
  if (!limit.allowed) throw new AppError('rate_limited', { params: { seconds: limit.retryAfterSeconds } });
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const [p] = await tx.select().from(profiles).where(eq(profiles.id, profileId));
    if (!p) throw notFound('profile');
    const mine = await myOrganisationIds(tx, actor.userId);
    const fromOrg = input.organisationId ?? mine.find((o) => o !== p.organisationId) ?? mine[0];
    if (p.status !== 'published') throw notFound('profile');
    if (!fromOrg || !canSendInterest(actor, { profileStatus: p.status, fromOrgIsMine: mine.includes(fromOrg), fromOrgOwnsProfile: fromOrg === p.organisationId })) throw forbidden();
    const [open] = await tx.select({ id: expressionsOfInterest.id }).from(expressionsOfInterest)
      .where(and(eq(expressionsOfInterest.profileId, profileId), eq(expressionsOfInterest.fromOrganisationId, fromOrg), eq(expressionsOfInterest.status, 'open')));
    if (open) throw new AppError('interest_open', { params: { id: open.id } });
    await tx.insert(expressionsOfInterest).values({ id, profileId, fromOrganisationId: fromOrg, fromUserId: actor.userId, message: input.message, status: 'open', createdAt: ctx.clock.now() });
    const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, fromOrg));
    await history(tx, ctx, profileId, { action: 'interest_received', changes: { interestId: id } });
    await audit(tx, ctx, { entityType: 'interest', entityId: id, action: 'send', changes: { profileId, fromOrganisationId: fromOrg } });
    await notifyUsers(tx, ctx, await memberIds(tx, p.organisationId), {
      kind: 'interest_received', template: 'interest_received', link: `/marketplace/interests/${id}`,
      data: { interestId: id, profileId }, ml: { title: p.title, organisation: org.name }, params: { message: input.message },
    });
  });
  return id;
}

export async function respond(ctx: RequestContext, id: string, accept: boolean, note?: string) {
  await ctx.db.transaction(async (tx) => {
    const r = await loadEoi(tx, id, true);
    const side = await sideOf(tx, ctx.actor?.userId, { fromOrganisationId: r.e.fromOrganisationId, profileOrgId: r.profileOrgId });
    if (!canRespond(ctx.actor, side, r.e.status)) {
      if (side.owner) throw new AppError('invalid_transition', { params: { status: r.e.status } });
      throw forbidden();
    }
    const status = accept ? 'accepted' : 'declined';
    await tx.update(expressionsOfInterest).set({ status, respondedAt: ctx.clock.now(), respondedBy: ctx.actor!.userId, responseNote: note ?? null }).where(eq(expressionsOfInterest.id, id));
    await audit(tx, ctx, { entityType: 'interest', entityId: id, action: status });
    const [owner] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, r.profileOrgId));
    await notifyUsers(tx, ctx, await memberIds(tx, r.e.fromOrganisationId), {
      kind: `interest_${status}`, template: `interest_${status}`, link: `/marketplace/interests/${id}`,
      data: { interestId: id, profileId: r.e.profileId, note: note ?? null },
      // The sender learns who owns an anonymous profile only when it accepts.
      ml: { title: r.title, organisation: accept || !r.anonymous ? owner.name : {} }, params: { note: note ?? '' },
    });
  });
}

export async function withdraw(ctx: RequestContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const r = await loadEoi(tx, id, true);
    const side = await sideOf(tx, ctx.actor?.userId, { fromOrganisationId: r.e.fromOrganisationId, profileOrgId: r.profileOrgId });
    if (!canWithdraw(ctx.actor, side, r.e.status)) throw side.sender ? new AppError('invalid_transition', { params: { status: r.e.status } }) : forbidden();
    await tx.update(expressionsOfInterest).set({ status: 'withdrawn', respondedAt: ctx.clock.now() }).where(eq(expressionsOfInterest.id, id));
    await audit(tx, ctx, { entityType: 'interest', entityId: id, action: 'withdraw' });
  });
}

/** Messages one person may post per minute across all conversations. */
export const MESSAGE_RATE = { max: 20, windowMs: 60_000 };

/**
 * Posts a message. With a `clientKey`, posting is idempotent: a retry (same author, same key) returns the
 * first message's id and notifies no one again — the unique index on (author, key) decides under races.
 * New messages are rate-limited per person (429 with the wait in the caller's language).
 */
export async function postMessage(ctx: RequestContext, id: string, body: string, clientKey?: string) {
  const actor = ctx.actor!;
  const earlier = async () => clientKey
    ? (await ctx.db.select({ id: conversationMessages.id, eoiId: conversationMessages.eoiId }).from(conversationMessages)
      .where(and(eq(conversationMessages.authorId, actor.userId), eq(conversationMessages.clientKey, clientKey))))[0]
    : undefined;
  const first = await earlier();
  if (first) return first.eoiId === id ? { id: first.id, created: false } : Promise.reject(new AppError('conflict'));
  const limit = await hit(ctx.db, `msg:${actor.userId}`, MESSAGE_RATE.max, MESSAGE_RATE.windowMs, ctx.clock.now());
  if (!limit.allowed) throw new AppError('rate_limited', { params: { seconds: limit.retryAfterSeconds } });
  const msgId = newId();
  const inserted = await ctx.db.transaction(async (tx) => {
    const r = await loadEoi(tx, id);
    const side = await sideOf(tx, ctx.actor?.userId, { fromOrganisationId: r.e.fromOrganisationId, profileOrgId: r.profileOrgId });
    if (!canPostMessage(ctx.actor, side, r.e.status)) throw side.sender || side.owner ? new AppError('invalid_transition', { params: { status: r.e.status } }) : forbidden();
    const authorOrg = side.sender ? r.e.fromOrganisationId : r.profileOrgId;
    const otherOrg = side.sender ? r.profileOrgId : r.e.fromOrganisationId;
    const rows = await tx.insert(conversationMessages)
      .values({ id: msgId, eoiId: id, authorId: actor.userId, authorOrganisationId: authorOrg, body, clientKey: clientKey ?? null, createdAt: ctx.clock.now() })
      .onConflictDoNothing().returning({ id: conversationMessages.id });
    if (!rows.length) return false; // a parallel retry with the same key won
    await audit(tx, ctx, { entityType: 'interest', entityId: id, action: 'message', changes: { messageId: msgId } });
    const recipients = (await memberIds(tx, otherOrg)).filter((u) => u !== actor.userId);
    await notifyUsers(tx, ctx, recipients, {
      kind: 'interest_message', template: 'interest_message', link: `/marketplace/interests/${id}`,
      data: { interestId: id, from: actor.name }, ml: { title: r.title }, params: { from: actor.name, message: body },
    });
    return true;
  });
  if (!inserted) return { id: (await earlier())!.id, created: false };
  return { id: msgId, created: true };
}
