// The expert's side of review: my assignments, the "no conflict" confirmation (or a declared conflict,
// which removes the assignment and re-assigns), the assigned half and its review form, autosave with a
// version, submission. And the officer's re-assignment.
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { declaredConflicts, reviewAssignments, reviews } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/tokens.ts';
import { loadCall, loadHalf } from '../calls/facts.ts';
import { loadHalfContent } from '../calls/half-content.ts';
import { applicationForReview } from '../calls/review-facts.ts';
import type { Side } from '../calls/policy.ts';
import { bestReplacement } from './assignment.ts';
import { conflictsFor } from './conflict-facts.ts';
import { reviewError } from './errors.ts';
import { loadAssignment, loadPanel, overallScore, sideContext, type AssignmentRow } from './facts.ts';
import { notifyReview } from './notify.ts';
import * as policy from './policy.ts';
import type { reviewDraftBody } from './schema.ts';

type ReviewRow = typeof reviews.$inferSelect;

export function presentReview(r: ReviewRow | undefined) {
  return {
    scores: r?.scores ?? {}, commentToApplicants: r?.commentToApplicants ?? '', commentToOfficer: r?.commentToOfficer ?? '', recommendation: (r?.recommendation ?? null) as 'fund' | 'fund_with_changes' | 'reject' | null,
    confidence: r?.confidence ?? null, version: r?.version ?? 0, status: (r?.status ?? 'draft') as 'draft' | 'submitted', submittedAt: r?.submittedAt?.toISOString() ?? null,
    updatedAt: r?.updatedAt.toISOString() ?? null,
  };
}

const isLate = (deadline: Date | null, r: ReviewRow | undefined, now: Date) => !!deadline && (r?.submittedAt ? r.submittedAt > deadline : now > deadline);

export async function myAssignments(ctx: RequestContext) {
  const rows = await ctx.db.select().from(reviewAssignments).where(and(eq(reviewAssignments.expertUserId, ctx.actor!.userId), ne(reviewAssignments.status, 'removed'))).orderBy(asc(reviewAssignments.createdAt));
  const rs = rows.length ? await ctx.db.select().from(reviews).where(inArray(reviews.assignmentId, rows.map((r) => r.id))) : [];
  const now = ctx.clock.now(), out = [];
  for (const a of rows) {
    if (!policy.canSeeAssignment(ctx.actor, a)) continue;
    const call = await loadCall(ctx.db, a.callId);
    const panel = await loadPanel(ctx.db, a.callId, a.side as Side, now);
    const app = await applicationForReview(ctx.db, a.applicationId);
    const r = rs.find((x) => x.assignmentId === a.id);
    const open = policy.canReadAssignedApplication(ctx.actor, a);
    out.push({
      id: a.id, callId: a.callId, callTitle: call.title, side: a.side as Side, reference: app?.reference ?? '', status: a.status as 'assigned' | 'confirmed' | 'submitted',
      // The title only once the expert confirmed no conflict: before that they see the reference alone.
      title: open ? app?.halves.find((h) => h.side === a.side)?.title ?? {} : null,
      deadline: panel.reviewDeadline?.toISOString() ?? null, late: isLate(panel.reviewDeadline, r, now), reviewStatus: r?.status ?? null,
    });
  }
  return out;
}

/** "No conflict" opens the application; a declared conflict removes the assignment and finds a replacement. */
export async function confirmAssignment(ctx: RequestContext, id: string, input: { noConflict: true } | { conflict: string }) {
  const a = await loadAssignment(ctx.db, id);
  if (!policy.canConfirmAssignment(ctx.actor, a)) throw policy.canSeeAssignment(ctx.actor, a) ? reviewError('review_assignment_inactive') : notFound('assignment');
  const now = ctx.clock.now();
  if ('noConflict' in input) {
    // A conflict found by the rules since the run (a new meeting, a declared one) still blocks confirmation.
    const app = await applicationForReview(ctx.db, a.applicationId);
    const panel = await loadPanel(ctx.db, a.callId, a.side as Side, now);
    const c = app ? await conflictsFor(ctx.db, { now, years: panel.conflictYears, expertIds: [a.expertUserId], applications: [app] }) : new Map();
    if (c.get(a.applicationId)?.get(a.expertUserId)?.length) throw reviewError('review_conflicted');
    await ctx.db.transaction(async (tx) => {
      const cur = await loadAssignment(tx, id, true);
      if (cur.status !== 'assigned') throw reviewError('review_assignment_inactive');
      await tx.update(reviewAssignments).set({ status: 'confirmed', confirmedAt: now, updatedAt: now }).where(eq(reviewAssignments.id, id));
      await audit(tx, ctx, { entityType: 'review_assignment', entityId: id, action: 'confirm_no_conflict' });
    });
    return { status: 'confirmed' as const, replacement: false };
  }
  const replacement = await bestReplacement(ctx.db, a.callId, a.side as Side, a.applicationId, ctx.lang, now, [a.expertUserId]);
  await ctx.db.transaction(async (tx) => {
    const cur = await loadAssignment(tx, id, true);
    if (cur.status !== 'assigned') throw reviewError('review_assignment_inactive');
    await tx.insert(declaredConflicts).values({ id: newId(), applicationId: a.applicationId, expertUserId: a.expertUserId, declaredBy: 'expert', declaredByUserId: ctx.actor!.userId, reason: input.conflict, createdAt: now })
      .onConflictDoNothing();
    await removeAndReplace(tx, ctx, cur, 'conflict_declared', replacement);
    await audit(tx, ctx, { entityType: 'review_assignment', entityId: id, action: 'declare_conflict', changes: { reason: input.conflict, replacement: replacement?.expert ?? null } });
  });
  return { status: 'removed' as const, replacement: !!replacement };
}

async function removeAndReplace(tx: Tx, ctx: RequestContext, a: AssignmentRow, reason: string, replacement: { expert: string; affinity: number; reasons: string[] } | null) {
  const now = ctx.clock.now();
  await tx.update(reviewAssignments).set({ status: 'removed', removedReason: reason, updatedAt: now }).where(eq(reviewAssignments.id, a.id));
  if (!replacement) return;
  await tx.insert(reviewAssignments).values({ id: newId(), callId: a.callId, side: a.side, applicationId: a.applicationId, expertUserId: replacement.expert, runId: a.runId,
    affinity: replacement.affinity, reasons: replacement.reasons, status: 'assigned', createdAt: now, updatedAt: now });
  const call = await loadCall(tx, a.callId);
  const panel = await loadPanel(tx, a.callId, a.side as Side, now);
  await notifyReview(tx, ctx, { userIds: [replacement.expert], kind: 'assigned', link: '/review', callTitle: call.title, deadline: panel.reviewDeadline });
}

/** The officer replaces an expert on a half: by a named panel expert, or by the best eligible one. */
export async function reassign(ctx: RequestContext, id: string, input: { expertUserId?: string | null; reason: string }) {
  const a = await loadAssignment(ctx.db, id);
  const s = await sideContext(ctx.db, ctx.actor, a.callId, a.side as Side);
  if (!policy.canManagePanel(ctx.actor, s.scope, s.funderId)) throw forbidden();
  if (a.status === 'removed') throw reviewError('review_assignment_inactive');
  const now = ctx.clock.now();
  let replacement = await bestReplacement(ctx.db, a.callId, a.side as Side, a.applicationId, ctx.lang, now, [a.expertUserId]);
  if (input.expertUserId) {
    // The named expert must be one of the eligible candidates (panel, no conflict, under load).
    const pool = await bestReplacementFor(ctx, a, input.expertUserId);
    if (!pool) throw reviewError('review_no_replacement');
    replacement = pool;
  }
  if (!replacement) throw reviewError('review_no_replacement');
  await ctx.db.transaction(async (tx) => {
    const cur = await loadAssignment(tx, id, true);
    if (cur.status === 'removed') throw reviewError('review_assignment_inactive');
    await removeAndReplace(tx, ctx, cur, `reassigned: ${input.reason}`, replacement);
    await audit(tx, ctx, { entityType: 'review_assignment', entityId: id, action: 'reassign', changes: { to: replacement!.expert, reason: input.reason } });
  });
  return { expertUserId: replacement.expert };
}

async function bestReplacementFor(ctx: RequestContext, a: AssignmentRow, expertUserId: string) {
  const now = ctx.clock.now();
  const exclude: string[] = [a.expertUserId];
  // Walk the ranked candidates until the named one appears (or nobody is left).
  for (let i = 0; i < 500; i++) {
    const r = await bestReplacement(ctx.db, a.callId, a.side as Side, a.applicationId, ctx.lang, now, exclude);
    if (!r) return null;
    if (r.expert === expertUserId) return r;
    exclude.push(r.expert);
  }
  return null;
}

/** The assigned half and the review form (criteria with anchors) — only after "no conflict". */
export async function assignedApplication(ctx: RequestContext, id: string) {
  const a = await loadAssignment(ctx.db, id);
  if (!policy.canReadAssignedApplication(ctx.actor, a)) {
    if (policy.canConfirmAssignment(ctx.actor, a)) throw reviewError('review_not_confirmed');
    throw notFound('assignment');
  }
  const call = await loadCall(ctx.db, a.callId);
  const panel = await loadPanel(ctx.db, a.callId, a.side as Side, ctx.clock.now());
  const half = await loadHalf(ctx.db, a.applicationId, a.side as Side);
  const content = await loadHalfContent(ctx.db, half);
  const app = await applicationForReview(ctx.db, a.applicationId);
  const [r] = await ctx.db.select().from(reviews).where(eq(reviews.assignmentId, id));
  return {
    id: a.id, side: a.side as Side, reference: app?.reference ?? '', callTitle: call.title, status: a.status,
    half: { title: content.sections.title?.title ?? {}, abstract: content.sections.title?.abstract ?? {}, areas: content.sections.title?.areas ?? [], sections: content.sections as Record<string, unknown> },
    criteria: call.criteria.map((c) => ({ ...c, threshold: c.threshold ?? null, anchors: panel.anchors[c.code] ?? [] })),
    deadline: panel.reviewDeadline?.toISOString() ?? null, late: isLate(panel.reviewDeadline, r, ctx.clock.now()), review: presentReview(r),
  };
}

function checkScores(criteria: { code: string; scaleMin: number; scaleMax: number; step: number }[], scores: Record<string, number>) {
  const fields = [];
  for (const [code, v] of Object.entries(scores)) {
    const c = criteria.find((x) => x.code === code);
    const onStep = c && Math.abs(((v - c.scaleMin) / c.step) - Math.round((v - c.scaleMin) / c.step)) < 1e-9;
    if (!c || v < c.scaleMin || v > c.scaleMax || !onStep) fields.push({ path: `scores.${code}`, code: 'out_of_scale', params: c ? { min: c.scaleMin, max: c.scaleMax, step: c.step } : {} });
  }
  if (fields.length) throw reviewError('review_score_out_of_scale', { fields });
}

/** Autosave: the draft names the version it is based on; a save from a stale tab is refused (409). */
export async function saveDraft(ctx: RequestContext, id: string, input: z.output<typeof reviewDraftBody>) {
  const a = await loadAssignment(ctx.db, id);
  const call = await loadCall(ctx.db, a.callId);
  checkScores(call.criteria, input.scores);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const cur = await loadAssignment(tx, id, true);
    const [r] = await tx.select().from(reviews).where(eq(reviews.assignmentId, id)).for('update');
    if (!policy.canEditReview(ctx.actor, cur, (r?.status ?? null) as policy.ReviewStatus)) {
      if (r?.status === 'submitted') throw reviewError('review_already_submitted');
      throw policy.canSeeAssignment(ctx.actor, cur) ? reviewError('review_not_confirmed') : notFound('assignment');
    }
    if ((r?.version ?? 0) !== input.baseVersion) throw reviewError('review_version_conflict', { params: { version: r?.version ?? 0 } });
    const values = { scores: input.scores, commentToApplicants: input.commentToApplicants, commentToOfficer: input.commentToOfficer, recommendation: input.recommendation, confidence: input.confidence, version: input.baseVersion + 1, updatedAt: now };
    await tx.insert(reviews).values({ assignmentId: id, ...values }).onConflictDoUpdate({ target: reviews.assignmentId, set: values });
    await audit(tx, ctx, { entityType: 'review', entityId: id, action: 'save_draft', changes: { version: values.version } });
    return { version: values.version, savedAt: now.toISOString() };
  });
}

export async function submitReview(ctx: RequestContext, id: string, baseVersion: number) {
  const a = await loadAssignment(ctx.db, id);
  const call = await loadCall(ctx.db, a.callId);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const cur = await loadAssignment(tx, id, true);
    const [r] = await tx.select().from(reviews).where(eq(reviews.assignmentId, id)).for('update');
    if (!policy.canEditReview(ctx.actor, cur, (r?.status ?? null) as policy.ReviewStatus)) {
      if (r?.status === 'submitted') throw reviewError('review_already_submitted');
      throw policy.canSeeAssignment(ctx.actor, cur) ? reviewError('review_not_confirmed') : notFound('assignment');
    }
    if ((r?.version ?? 0) !== baseVersion) throw reviewError('review_version_conflict', { params: { version: r?.version ?? 0 } });
    const missing = [
      ...call.criteria.filter((c) => r?.scores[c.code] == null).map((c) => ({ path: `scores.${c.code}`, code: 'required' })),
      ...(!r?.recommendation ? [{ path: 'recommendation', code: 'required' }] : []), ...(!r?.confidence ? [{ path: 'confidence', code: 'required' }] : []),
      ...(!r?.commentToApplicants.trim() ? [{ path: 'commentToApplicants', code: 'required' }] : []),
    ];
    if (missing.length) throw reviewError('review_incomplete', { fields: missing });
    await tx.update(reviews).set({ status: 'submitted', submittedAt: now, updatedAt: now }).where(eq(reviews.assignmentId, id));
    await tx.update(reviewAssignments).set({ status: 'submitted', updatedAt: now }).where(eq(reviewAssignments.id, id));
    await audit(tx, ctx, { entityType: 'review', entityId: id, action: 'submit', changes: { overall: overallScore(call.criteria, r!.scores) } });
  });
}
