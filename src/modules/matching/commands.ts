// Writes of the matching module: feedback on recommendations, introductions by organisers, pairing
// settings and the digest subscription. One transaction each, audited.
import { eq, inArray } from 'drizzle-orm';
import { appMeta, matchDigestState, matchFeedback, matchIntroductions, organisations, profiles } from '../../db/schema/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { newId } from '../../platform/tokens.ts';
import { LANGS, type Ml } from '../../shared/languages.ts';
import { membershipOf } from '../directory/queries.ts';
import { memberIds, notifyUsers } from '../directory/notify.ts';
import { canGiveFeedback, canManageDigest, canUseMatchingTools } from './policy.ts';
import { loadSettings, SETTINGS_KEY } from './queries.ts';
import type { MatchingSettings } from './schema.ts';

export async function giveFeedback(ctx: RequestContext, input: { organisationId: string; profileId?: string; candidateProfileId: string; kind: 'not_relevant' | 'in_contact' }) {
  return ctx.db.transaction(async (tx) => {
    const membership = await membershipOf(tx, ctx.actor?.userId, input.organisationId);
    if (!canGiveFeedback(ctx.actor, membership)) throw forbidden();
    const [cand] = await tx.select({ org: profiles.organisationId }).from(profiles).where(eq(profiles.id, input.candidateProfileId));
    if (!cand) throw notFound('profile');
    if (cand.org === input.organisationId) throw new AppError('bad_request');
    if (input.profileId) {
      const [own] = await tx.select({ org: profiles.organisationId }).from(profiles).where(eq(profiles.id, input.profileId));
      if (!own || own.org !== input.organisationId) throw new AppError('bad_request');
    }
    const id = newId();
    const inserted = await tx.insert(matchFeedback).values({
      id, organisationId: input.organisationId, profileId: input.profileId ?? null, candidateProfileId: input.candidateProfileId,
      kind: input.kind, userId: ctx.actor!.userId, createdAt: ctx.clock.now(),
    }).onConflictDoNothing().returning({ id: matchFeedback.id });
    if (inserted.length) {
      await audit(tx, ctx, { entityType: 'match_feedback', entityId: id, action: input.kind,
        changes: { organisationId: input.organisationId, profileId: input.profileId ?? null, candidateProfileId: input.candidateProfileId } });
    }
    return { recorded: inserted.length > 0 };
  });
}

/** Localised fallback shown instead of the name of an anonymous profile's organisation. */
const anonymousOrg = (): Ml => Object.fromEntries(LANGS.map((l) => [l, t(l, 'matching:ui.anonymous_organisation')]));

export async function introduce(ctx: RequestContext, input: { profileAId: string; profileBId: string; message: string }) {
  if (!canUseMatchingTools(ctx.actor)) throw forbidden();
  if (input.profileAId === input.profileBId) throw new AppError('bad_request');
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.select({ p: profiles, o: organisations }).from(profiles).innerJoin(organisations, eq(organisations.id, profiles.organisationId))
      .where(inArray(profiles.id, [input.profileAId, input.profileBId]));
    const a = rows.find((r) => r.p.id === input.profileAId);
    const b = rows.find((r) => r.p.id === input.profileBId);
    if (!a || !b || a.p.status !== 'published' || b.p.status !== 'published') throw notFound('profile');
    if (a.o.id === b.o.id) throw new AppError('bad_request');
    await tx.insert(matchIntroductions).values({ id, profileAId: a.p.id, profileBId: b.p.id, message: input.message, createdBy: ctx.actor!.userId, createdAt: ctx.clock.now() });
    await audit(tx, ctx, { entityType: 'match_introduction', entityId: id, action: 'introduce', changes: { profileAId: a.p.id, profileBId: b.p.id } });
    // Each side hears about the other in its own language; an anonymous side's organisation is not named.
    for (const [self, other] of [[a, b], [b, a]] as const) {
      await notifyUsers(tx, ctx, await memberIds(tx, self.o.id), {
        kind: 'matching_introduction', template: 'matching_introduction', link: `/marketplace/profiles/${other.p.id}`,
        data: { introductionId: id, profileId: self.p.id, partnerProfileId: other.p.id },
        ml: { title: self.p.title, partnerTitle: other.p.title, partnerOrganisation: other.p.anonymous ? anonymousOrg() : other.o.name },
        params: { message: input.message, from: ctx.actor!.name },
      });
    }
  });
  return id;
}

export async function saveSettings(ctx: RequestContext, input: MatchingSettings) {
  if (!canUseMatchingTools(ctx.actor)) throw forbidden();
  const crossBorder = input.crossBorder.filter(([x, y]) => x !== y);
  await ctx.db.transaction(async (tx) => {
    const before = await loadSettings(tx);
    const value = { crossBorder, sameCountry: input.sameCountry };
    const now = ctx.clock.now();
    await tx.insert(appMeta).values({ key: SETTINGS_KEY, value, updatedAt: now }).onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: now } });
    await audit(tx, ctx, { entityType: 'matching_settings', entityId: SETTINGS_KEY, action: 'update', changes: { from: before, to: value } });
  });
  return loadSettings(ctx.db);
}

export async function digestStatus(ctx: RequestContext) {
  if (!canManageDigest(ctx.actor)) throw forbidden();
  const [s] = await ctx.db.select().from(matchDigestState).where(eq(matchDigestState.userId, ctx.actor!.userId));
  return { optOut: s?.optedOut ?? false, lastSentAt: s?.lastSentAt?.toISOString() ?? null };
}

export async function setDigest(ctx: RequestContext, optOut: boolean) {
  if (!canManageDigest(ctx.actor)) throw forbidden();
  const userId = ctx.actor!.userId;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(matchDigestState).values({ userId, optedOut: optOut, updatedAt: now })
      .onConflictDoUpdate({ target: matchDigestState.userId, set: { optedOut: optOut, updatedAt: now } });
    await audit(tx, ctx, { entityType: 'match_digest', entityId: userId, action: optOut ? 'opt_out' : 'opt_in' });
  });
  return digestStatus(ctx);
}

