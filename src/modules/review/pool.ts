// The expert pool and a call's panel per side: experts keep their record; the side's officer configures
// the panel and invites experts; experts accept or decline. Every write is one transaction with its audit.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { experts, panelMembers, reviewPanels } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { loadCall, officerFunders } from '../calls/facts.ts';
import type { Side } from '../calls/policy.ts';
import { reviewError } from './errors.ts';
import { loadPanel, people, sideContext } from './facts.ts';
import { notifyReview } from './notify.ts';
import * as policy from './policy.ts';
import type { expertBody, panelSettingsBody } from './schema.ts';

export type ExpertRow = typeof experts.$inferSelect;

export function presentExpert(e: ExpertRow, person?: { name: string; lang: string; timezone: string }) {
  return {
    userId: e.userId, name: person?.name ?? '', areas: e.areas, subAreas: e.subAreas, keywords: e.keywords, statement: e.statement, languages: e.languages,
    country: e.country, organisationId: e.organisationId, affiliations: e.affiliations, maxLoad: e.maxLoad, available: e.available,
    unavailableUntil: e.unavailableUntil?.toISOString() ?? null, timezone: person?.timezone ?? 'Europe/Minsk',
  };
}

export async function myExpertRecord(ctx: RequestContext) {
  if (!policy.canKeepExpertRecord(ctx.actor)) throw reviewError('review_not_expert');
  const [e] = await ctx.db.select().from(experts).where(eq(experts.userId, ctx.actor!.userId));
  return e ? presentExpert(e, ctx.actor!) : null;
}

export async function saveExpertRecord(ctx: RequestContext, input: z.output<typeof expertBody>) {
  if (!policy.canKeepExpertRecord(ctx.actor)) throw reviewError('review_not_expert');
  const userId = ctx.actor!.userId, now = ctx.clock.now();
  const values = { ...input, unavailableUntil: input.unavailableUntil ? new Date(input.unavailableUntil) : null, updatedAt: now };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(experts).values({ userId, ...values }).onConflictDoUpdate({ target: experts.userId, set: values });
    await audit(tx, ctx, { entityType: 'expert', entityId: userId, action: 'save', changes: input });
  });
  return myExpertRecord(ctx);
}

export async function listPool(ctx: RequestContext, q: { country?: string }) {
  const isOfficer = (await officerFunders(ctx.db, ctx.actor)).length > 0;
  if (!policy.canBrowsePool(ctx.actor, isOfficer)) throw forbidden();
  const rows = await ctx.db.select().from(experts).where(q.country ? eq(experts.country, q.country) : undefined).orderBy(asc(experts.country), asc(experts.userId));
  const ps = await people(ctx.db, rows.map((r) => r.userId));
  return rows.filter((r) => ps.get(r.userId)?.roles.includes('expert')).map((r) => presentExpert(r, ps.get(r.userId)));
}

export function presentPanel(p: typeof reviewPanels.$inferSelect) {
  return {
    callId: p.callId, side: p.side as Side, conflictYears: p.conflictYears, reviewsPerHalf: p.reviewsPerHalf, mixQuota: p.mixQuota ?? null, anchors: p.anchors,
    biddingOpen: p.biddingOpen, reviewDeadline: p.reviewDeadline?.toISOString() ?? null, divergenceThreshold: p.divergenceThreshold, releasedAt: p.releasedAt?.toISOString() ?? null,
  };
}

export async function getPanel(ctx: RequestContext, callId: string, side: Side) {
  const s = await sideContext(ctx.db, ctx.actor, callId, side);
  if (!policy.canViewPanel(ctx.actor, s.scope, s.funderId)) throw forbidden();
  const panel = await loadPanel(ctx.db, callId, side, ctx.clock.now());
  const members = await ctx.db.select().from(panelMembers).where(and(eq(panelMembers.callId, callId), eq(panelMembers.side, side)));
  const recs = members.length ? await ctx.db.select().from(experts).where(inArray(experts.userId, members.map((m) => m.expertUserId))) : [];
  const ps = await people(ctx.db, members.map((m) => m.expertUserId));
  return {
    ...presentPanel(panel), canManage: policy.canManagePanel(ctx.actor, s.scope, s.funderId), criteria: s.call.criteria,
    members: members.map((m) => ({ ...presentExpert(recs.find((r) => r.userId === m.expertUserId)!, ps.get(m.expertUserId)), status: m.status, invitedAt: m.invitedAt.toISOString(), respondedAt: m.respondedAt?.toISOString() ?? null })),
  };
}

export async function updatePanel(ctx: RequestContext, callId: string, side: Side, input: z.output<typeof panelSettingsBody>) {
  const s = await sideContext(ctx.db, ctx.actor, callId, side);
  if (!policy.canManagePanel(ctx.actor, s.scope, s.funderId)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    await loadPanel(tx, callId, side, ctx.clock.now(), true);
    await tx.update(reviewPanels).set({ ...input, reviewDeadline: input.reviewDeadline ? new Date(input.reviewDeadline) : null, updatedAt: ctx.clock.now() })
      .where(and(eq(reviewPanels.callId, callId), eq(reviewPanels.side, side)));
    await audit(tx, ctx, { entityType: 'review_panel', entityId: callId, action: 'settings', changes: { side, ...input } });
  });
}

export async function inviteExperts(ctx: RequestContext, callId: string, side: Side, expertUserIds: string[]) {
  const s = await sideContext(ctx.db, ctx.actor, callId, side);
  if (!policy.canManagePanel(ctx.actor, s.scope, s.funderId)) throw forbidden();
  const recs = await ctx.db.select().from(experts).where(inArray(experts.userId, expertUserIds));
  const ps = await people(ctx.db, expertUserIds);
  const missing = expertUserIds.filter((id) => !recs.some((r) => r.userId === id) || !ps.get(id)?.roles.includes('expert'));
  if (missing.length) throw reviewError('review_expert_record_missing', { params: { count: missing.length } });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const panel = await loadPanel(tx, callId, side, now, true);
    const added = await tx.insert(panelMembers).values(expertUserIds.map((id) => ({ callId, side, expertUserId: id, status: 'invited', invitedBy: ctx.actor!.userId, invitedAt: now })))
      .onConflictDoNothing().returning({ id: panelMembers.expertUserId });
    await audit(tx, ctx, { entityType: 'review_panel', entityId: callId, action: 'invite', changes: { side, experts: added.map((a) => a.id) } });
    await notifyReview(tx, ctx, { userIds: added.map((a) => a.id), kind: 'invited', link: '/review', callTitle: s.call.title, deadline: panel.reviewDeadline });
    return { invited: added.length };
  });
}

export async function myInvitations(db: Tx, userId: string) {
  return db.select().from(panelMembers).where(eq(panelMembers.expertUserId, userId)).orderBy(asc(panelMembers.invitedAt));
}

export async function respondToInvitation(ctx: RequestContext, callId: string, side: Side, accept: boolean) {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [m] = await tx.select().from(panelMembers).where(and(eq(panelMembers.callId, callId), eq(panelMembers.side, side), eq(panelMembers.expertUserId, ctx.actor?.userId ?? ''))).for('update');
    if (!m) throw notFound('invitation');
    if (!policy.canRespondToInvitation(ctx.actor, m)) throw reviewError('review_not_invited');
    await tx.update(panelMembers).set({ status: accept ? 'accepted' : 'declined', respondedAt: now })
      .where(and(eq(panelMembers.callId, callId), eq(panelMembers.side, side), eq(panelMembers.expertUserId, m.expertUserId)));
    await audit(tx, ctx, { entityType: 'review_panel', entityId: callId, action: accept ? 'accept' : 'decline', changes: { side } });
  });
}

export async function myInvitationsView(ctx: RequestContext) {
  const rows = await myInvitations(ctx.db, ctx.actor!.userId);
  const out = [];
  for (const m of rows) {
    const c = await loadCall(ctx.db, m.callId);
    out.push({ callId: m.callId, side: m.side, status: m.status, invitedAt: m.invitedAt.toISOString(), callTitle: c.title });
  }
  return out;
}
