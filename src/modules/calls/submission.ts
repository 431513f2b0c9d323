// Submission of a half: deadline by the server clock, completeness, the mirror check (blocked unless the
// half's funder's officer overrode it with a recorded reason), an immutable version row with the SHA-256 of
// its canonical form, withdrawal before the deadline (a new submission is a new version), and receipts.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { applicationHalves, applicationMembers, applicationVersions, applicationWithdrawals, funders, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/tokens.ts';
import { organisationSummaries } from '../directory/queries.ts';
import { callsError } from './errors.ts';
import { callPhase, canOverrideMismatch, canReadHalfFiles, canSubmitHalf, canWithdrawHalf, otherSide, type Side } from './policy.ts';
import { loadApplication, loadHalf, membershipOf, officerScope, type ApplicationRow, type HalfRow } from './facts.ts';
import { loadHalfContent } from './half-content.ts';
import { mirrorMismatches } from './mirror.ts';
import { emptySection, problemsOf } from './sections.ts';
import { callTerms } from './calls.ts';
import { canonicalHash } from './canonical.ts';
import { notifyCall } from './notify.ts';

/** The canonical snapshot of a half: content only (no times, no version number), so equal content hashes equally. */
export async function snapshotOf(tx: Tx, app: ApplicationRow, half: HalfRow) {
  const c = await loadHalfContent(tx, half);
  return {
    reference: app.reference, callId: app.callId, side: half.side, funderId: half.funderId,
    sections: Object.fromEntries(c.rows.map((r) => [r.key, r.content])),
    attachments: c.attachments.map((a) => ({ documentCode: a.documentCode, name: a.name, mime: a.mime, size: a.size, sha256: a.sha256 })),
  };
}

async function sideMembers(tx: Tx, applicationId: string, side?: Side) {
  const rows = await tx.select({ id: applicationMembers.userId, side: applicationMembers.side }).from(applicationMembers).where(eq(applicationMembers.applicationId, applicationId));
  return rows.filter((r) => !side || r.side === side).map((r) => r.id);
}

export async function submitHalf(ctx: RequestContext, applicationId: string, side: Side) {
  const { app, call } = await loadApplication(ctx.db, applicationId);
  const m = await membershipOf(ctx.db, ctx.actor, applicationId);
  if (!m || m.role !== 'editor' || m.side !== side) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const half = await loadHalf(tx, applicationId, side, true);
    const now = ctx.clock.now(); // the server's clock decides, never the client's
    if (!canSubmitHalf(ctx.actor, m, { side, funderId: half.funderId, status: half.status }, call, now)) {
      if (callPhase(call, now) !== 'open') throw callsError('call_closed');
      throw callsError('half_not_editable', { params: { status: half.status } });
    }
    const own = await loadHalfContent(tx, half);
    const problems = problemsOf(side, own.sections, await callTerms(tx, call, half.funderId), own.uploaded);
    if (problems.length) {
      throw callsError('incomplete_application', { params: { count: problems.length }, fields: problems.map((p) => ({ path: p.section, code: p.code, params: p.params })) });
    }
    const mirrorHalf = await loadHalf(tx, applicationId, otherSide(side)).catch(() => null);
    if (mirrorHalf) {
      const other = (await loadHalfContent(tx, mirrorHalf)).sections;
      const pair = { title: own.sections.title ?? emptySection('title'), consortium: own.sections.consortium ?? emptySection('consortium') };
      const otherPair = { title: other.title ?? emptySection('title'), consortium: other.consortium ?? emptySection('consortium') };
      const mismatches = side === 'BY' ? mirrorMismatches(pair, otherPair) : mirrorMismatches(otherPair, pair);
      if (mismatches.length && !half.mismatchOverrideReason) {
        throw callsError('mirror_mismatch', { params: { fields: mismatches.map((x) => x.field).join(', ') }, fields: mismatches.map((x) => ({ path: x.field, code: 'mirror_differs' })) });
      }
    }
    const snapshot = await snapshotOf(tx, app, half);
    const sha256 = canonicalHash(snapshot);
    const version = half.submittedVersion + 1;
    await tx.insert(applicationVersions).values({ id: newId(), halfId: half.id, version, snapshot, sha256, submittedBy: ctx.actor!.userId, submittedAt: now });
    await tx.update(applicationHalves).set({ status: 'submitted', submittedVersion: version, submittedAt: now, updatedAt: now }).where(eq(applicationHalves.id, half.id));
    await audit(tx, ctx, { entityType: 'application', entityId: applicationId, action: 'submit', changes: { side, version, sha256 } });
    await notifyCall(tx, ctx, { userIds: await sideMembers(tx, applicationId), kind: 'submitted', link: `/applications/${applicationId}`, callTitle: call.title,
      reference: app.reference, closesAt: call.closesAt, callTimezone: call.timezone, extra: { side, version, sha256 } });
    return { version, sha256, submittedAt: now.toISOString() };
  });
}

export async function withdrawHalf(ctx: RequestContext, applicationId: string, side: Side) {
  const { app, call } = await loadApplication(ctx.db, applicationId);
  const m = await membershipOf(ctx.db, ctx.actor, applicationId);
  if (!m || m.role !== 'editor' || m.side !== side) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const half = await loadHalf(tx, applicationId, side, true);
    const now = ctx.clock.now();
    if (!canWithdrawHalf(ctx.actor, m, { side, funderId: half.funderId, status: half.status }, call, now)) {
      if (callPhase(call, now) !== 'open') throw callsError('call_closed');
      throw callsError('not_submitted');
    }
    const [v] = await tx.select().from(applicationVersions).where(and(eq(applicationVersions.halfId, half.id), eq(applicationVersions.version, half.submittedVersion)));
    await tx.insert(applicationWithdrawals).values({ versionId: v.id, withdrawnBy: ctx.actor!.userId, withdrawnAt: now });
    await tx.update(applicationHalves).set({ status: 'draft', updatedAt: now }).where(eq(applicationHalves.id, half.id));
    await audit(tx, ctx, { entityType: 'application', entityId: applicationId, action: 'withdraw', changes: { side, version: half.submittedVersion } });
    await notifyCall(tx, ctx, { userIds: await sideMembers(tx, applicationId), kind: 'withdrawn', link: `/applications/${applicationId}`, callTitle: call.title,
      reference: app.reference, closesAt: call.closesAt, callTimezone: call.timezone, extra: { side, version: half.submittedVersion } });
  });
}

/** The half's funder's officer lets it be submitted despite a mirror mismatch, with the reason recorded. */
export async function overrideMismatch(ctx: RequestContext, applicationId: string, side: Side, reason: string) {
  const { call } = await loadApplication(ctx.db, applicationId);
  const scope = await officerScope(ctx.db, ctx.actor, call.id);
  await ctx.db.transaction(async (tx) => {
    const half = await loadHalf(tx, applicationId, side, true);
    if (!canOverrideMismatch(ctx.actor, scope, { side, funderId: half.funderId, status: half.status })) throw forbidden();
    const now = ctx.clock.now();
    await tx.update(applicationHalves).set({ mismatchOverrideReason: reason, mismatchOverrideBy: ctx.actor!.userId, mismatchOverrideAt: now, updatedAt: now })
      .where(eq(applicationHalves.id, half.id));
    await audit(tx, ctx, { entityType: 'application', entityId: applicationId, action: 'mirror_override', changes: { side, reason } });
  });
}

/** The receipt of a submitted version (the last one unless named). */
export async function receipt(ctx: RequestContext, applicationId: string, side: Side, version?: number) {
  const { app, call } = await loadApplication(ctx.db, applicationId);
  const half = await loadHalf(ctx.db, applicationId, side);
  const m = await membershipOf(ctx.db, ctx.actor, applicationId);
  if (!canReadHalfFiles(ctx.actor, m, await officerScope(ctx.db, ctx.actor, call.id), { side, funderId: half.funderId, status: half.status })) throw notFound('application');
  const [v] = await ctx.db.select({ v: applicationVersions, by: users.name }).from(applicationVersions).innerJoin(users, eq(users.id, applicationVersions.submittedBy))
    .where(and(eq(applicationVersions.halfId, half.id), version ? eq(applicationVersions.version, version) : undefined))
    .orderBy(desc(applicationVersions.version)).limit(1);
  if (!v) throw callsError('not_submitted');
  const [f] = await ctx.db.select().from(funders).where(eq(funders.id, half.funderId));
  const [org] = await organisationSummaries(ctx.db, [f.organisationId]);
  const title = ((v.v.snapshot.sections as Record<string, { title?: Record<string, string> }>)?.title?.title) ?? {};
  return {
    reference: app.reference, side, version: v.v.version, sha256: v.v.sha256, submittedAt: v.v.submittedAt.toISOString(), submittedBy: v.by,
    call: { id: call.id, title: call.title, closesAt: call.closesAt.toISOString(), timezone: call.timezone }, funder: { name: org?.name ?? {} },
    title, snapshot: v.v.snapshot,
  };
}

/** Versions of halves with their withdrawals, for the application page. */
export async function versionsOf(tx: Tx, halfIds: string[]) {
  if (!halfIds.length) return [];
  const vs = await tx.select().from(applicationVersions).where(inArray(applicationVersions.halfId, halfIds)).orderBy(asc(applicationVersions.version));
  const ws = vs.length ? await tx.select().from(applicationWithdrawals).where(inArray(applicationWithdrawals.versionId, vs.map((v) => v.id))) : [];
  return vs.map((v) => ({ halfId: v.halfId, version: v.version, sha256: v.sha256, submittedAt: v.submittedAt.toISOString(), withdrawnAt: ws.find((w) => w.versionId === v.id)?.withdrawnAt.toISOString() ?? null }));
}
