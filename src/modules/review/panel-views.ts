// The officer's views of one side's review (assignments with reasons, conflicts with reasons, reviews,
// calibration with consensus), the consensus report and the release; the applicant's view of released
// reviews (no names, no confidential comments); declared conflicts by applicants; experts' bids.
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { assignmentRuns, declaredConflicts, experts, panelMembers, reviewAssignments, reviewBids, reviewConsensus, reviewPanels, reviews } from '../../db/schema/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/tokens.ts';
import { organisationSummaries } from '../directory/queries.ts';
import { membershipOf } from '../calls/facts.ts';
import { applicationForReview, reviewableApplications } from '../calls/review-facts.ts';
import type { Side } from '../calls/policy.ts';
import { calibrate } from './calibration.ts';
import { conflictsFor } from './conflict-facts.ts';
import { reviewError } from './errors.ts';
import { loadPanel, overallScore, people, sideContext } from './facts.ts';
import { notifyReview } from './notify.ts';
import * as policy from './policy.ts';
import { presentReview } from './reviews.ts';

async function viewer(ctx: RequestContext, callId: string, side: Side, manage = false) {
  const s = await sideContext(ctx.db, ctx.actor, callId, side);
  if (!(manage ? policy.canManagePanel : policy.canViewPanel)(ctx.actor, s.scope, s.funderId)) throw forbidden();
  return s;
}

export async function sideAssignments(ctx: RequestContext, callId: string, side: Side) {
  await viewer(ctx, callId, side);
  const now = ctx.clock.now();
  const panel = await loadPanel(ctx.db, callId, side, now);
  const rows = await ctx.db.select().from(reviewAssignments).where(and(eq(reviewAssignments.callId, callId), eq(reviewAssignments.side, side))).orderBy(asc(reviewAssignments.createdAt));
  const rs = rows.length ? await ctx.db.select().from(reviews).where(inArray(reviews.assignmentId, rows.map((r) => r.id))) : [];
  const apps = await reviewableApplications(ctx.db, callId);
  const ps = await people(ctx.db, rows.map((r) => r.expertUserId));
  const [run] = await ctx.db.select().from(assignmentRuns).where(and(eq(assignmentRuns.callId, callId), eq(assignmentRuns.side, side))).orderBy(desc(assignmentRuns.createdAt)).limit(1);
  return {
    run: run ? { id: run.id, mode: run.mode, objective: run.objective, upperBound: run.upperBound, worstApplication: run.worstApplication, seconds: run.seconds, lang: run.lang,
      excludedConflicts: run.excludedConflicts, createdAt: run.createdAt.toISOString(), certificate: run.certificate } : null,
    assignments: rows.map((a) => {
      const r = rs.find((x) => x.assignmentId === a.id);
      const late = !!panel.reviewDeadline && a.status !== 'removed' && (r?.submittedAt ? r.submittedAt > panel.reviewDeadline : now > panel.reviewDeadline);
      return { id: a.id, applicationId: a.applicationId, reference: apps.find((x) => x.id === a.applicationId)?.reference ?? '', expertUserId: a.expertUserId, expertName: ps.get(a.expertUserId)?.name ?? '',
        expertCountry: ps.get(a.expertUserId)?.country ?? '', affinity: a.affinity, reasons: a.reasons, status: a.status, removedReason: a.removedReason, late, reviewStatus: r?.status ?? null };
    }),
  };
}

export async function sideConflicts(ctx: RequestContext, callId: string, side: Side) {
  await viewer(ctx, callId, side);
  const now = ctx.clock.now();
  const panel = await loadPanel(ctx.db, callId, side, now);
  const apps = (await reviewableApplications(ctx.db, callId)).filter((a) => a.halves.some((h) => h.side === side));
  const members = await ctx.db.select().from(panelMembers).where(and(eq(panelMembers.callId, callId), eq(panelMembers.side, side), ne(panelMembers.status, 'declined')));
  const m = await conflictsFor(ctx.db, { now, years: panel.conflictYears, expertIds: members.map((x) => x.expertUserId), applications: apps });
  const ps = await people(ctx.db, members.map((x) => x.expertUserId));
  const orgIds = [...m.values()].flatMap((e) => [...e.values()].flat()).map((r) => r.params.organisation).filter((x): x is string => !!x);
  const orgs = await organisationSummaries(ctx.db, [...new Set(orgIds)]);
  const out = [];
  for (const [appId, byExpert] of m) for (const [expertId, reasons] of byExpert) {
    out.push({ applicationId: appId, reference: apps.find((a) => a.id === appId)?.reference ?? '', expertUserId: expertId, expertName: ps.get(expertId)?.name ?? '',
      reasons: reasons.map((r) => ({ code: r.code, params: r.params, organisation: r.params.organisation ? orgs.find((o) => o.id === r.params.organisation)?.name ?? null : null })) });
  }
  return out.sort((a, b) => a.reference.localeCompare(b.reference) || a.expertName.localeCompare(b.expertName));
}

async function submittedReviews(ctx: RequestContext, callId: string, side: Side) {
  const rows = await ctx.db.select().from(reviewAssignments).where(and(eq(reviewAssignments.callId, callId), eq(reviewAssignments.side, side), eq(reviewAssignments.status, 'submitted')));
  const rs = rows.length ? await ctx.db.select().from(reviews).where(inArray(reviews.assignmentId, rows.map((r) => r.id))) : [];
  return rows.map((a) => ({ a, r: rs.find((x) => x.assignmentId === a.id)! })).filter((x) => x.r);
}

export async function sideReviews(ctx: RequestContext, callId: string, side: Side) {
  const s = await viewer(ctx, callId, side);
  const list = await submittedReviews(ctx, callId, side);
  const ps = await people(ctx.db, list.map((x) => x.a.expertUserId));
  return list.map(({ a, r }) => ({ assignmentId: a.id, applicationId: a.applicationId, expertUserId: a.expertUserId, expertName: ps.get(a.expertUserId)?.name ?? '',
    overall: overallScore(s.call.criteria, r.scores), ...presentReview(r) }));
}

/** Raw and calibrated scores side by side, per half, with the consensus and final score. */
export async function sideCalibration(ctx: RequestContext, callId: string, side: Side) {
  const s = await viewer(ctx, callId, side);
  const panel = await loadPanel(ctx.db, callId, side, ctx.clock.now());
  const list = await submittedReviews(ctx, callId, side);
  const scores = list.flatMap(({ a, r }) => { const v = overallScore(s.call.criteria, r.scores); return v == null ? [] : [{ application: a.applicationId, reviewer: a.expertUserId, score: v }]; });
  const c = calibrate(scores, { lambda: 1, divergenceThreshold: panel.divergenceThreshold });
  const apps = await reviewableApplications(ctx.db, callId);
  const cons = apps.length ? await ctx.db.select().from(reviewConsensus).where(and(inArray(reviewConsensus.applicationId, apps.map((a) => a.id)), eq(reviewConsensus.side, side))) : [];
  const ps = await people(ctx.db, Object.keys(c.leniency));
  const perCriterion = (appId: string) => Object.fromEntries(s.call.criteria.map((cr) => {
    const vs = list.filter((x) => x.a.applicationId === appId).map((x) => x.r.scores[cr.code]).filter((v): v is number => v != null);
    return [cr.code, vs.length ? Math.round(vs.reduce((p, q) => p + q, 0) / vs.length * 1000) / 1000 : null];
  }));
  return {
    sigma: c.sigma, threshold: panel.divergenceThreshold,
    leniency: Object.entries(c.leniency).map(([id, v]) => ({ expertUserId: id, expertName: ps.get(id)?.name ?? '', leniency: v })),
    applications: c.applications.map((x) => {
      const k = cons.find((y) => y.applicationId === x.application);
      return { ...x, reference: apps.find((a) => a.id === x.application)?.reference ?? '', perCriterion: perCriterion(x.application),
        consensus: k ? { report: k.report, finalScore: k.finalScore, rapporteurUserId: k.rapporteurUserId, updatedAt: k.updatedAt.toISOString() } : null };
    }).sort((a, b) => b.calibrated - a.calibrated),
  };
}

/** The rapporteur's consensus report: written by the side's officer, or by an expert who reviewed the half. */
export async function saveConsensus(ctx: RequestContext, applicationId: string, side: Side, input: { report: string; finalScore: number }) {
  const app = await applicationForReview(ctx.db, applicationId);
  if (!app) throw notFound('application');
  const s = await sideContext(ctx.db, ctx.actor, app.callId, side);
  const reviewed = await ctx.db.select().from(reviewAssignments).where(and(eq(reviewAssignments.applicationId, applicationId), eq(reviewAssignments.side, side), eq(reviewAssignments.status, 'submitted'), eq(reviewAssignments.expertUserId, ctx.actor!.userId)));
  if (!policy.canManagePanel(ctx.actor, s.scope, s.funderId) && !reviewed.length) throw forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const values = { rapporteurUserId: ctx.actor!.userId, report: input.report, finalScore: input.finalScore, updatedAt: now };
    await tx.insert(reviewConsensus).values({ applicationId, side, ...values }).onConflictDoUpdate({ target: [reviewConsensus.applicationId, reviewConsensus.side], set: values });
    await audit(tx, ctx, { entityType: 'review_consensus', entityId: applicationId, action: 'save', changes: { side, finalScore: input.finalScore } });
  });
}

/** Release the side's reviews to applicants (after the decision); applicants are told in their language. */
export async function releaseReviews(ctx: RequestContext, callId: string, side: Side) {
  const s = await viewer(ctx, callId, side, true);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const panel = await loadPanel(tx, callId, side, now, true);
    if (panel.releasedAt) throw reviewError('review_already_released');
    await tx.update(reviewPanels).set({ releasedAt: now, updatedAt: now }).where(and(eq(reviewPanels.callId, callId), eq(reviewPanels.side, side)));
    await audit(tx, ctx, { entityType: 'review_panel', entityId: callId, action: 'release', changes: { side } });
    const apps = (await reviewableApplications(tx, callId)).filter((a) => a.halves.some((h) => h.side === side));
    for (const a of apps) await notifyReview(tx, ctx, { userIds: a.memberUserIds, kind: 'released', link: `/applications/${a.id}`, callTitle: s.call.title, deadline: null, extra: { reference: a.reference } });
  });
}

/** Reviews of an application for its members: only released sides, no names, no confidential comments. */
export async function releasedReviews(ctx: RequestContext, applicationId: string) {
  const app = await applicationForReview(ctx.db, applicationId);
  if (!app) throw notFound('application');
  const isMember = !!(await membershipOf(ctx.db, ctx.actor, applicationId));
  if (!isMember) throw notFound('application');
  const out = [];
  for (const h of app.halves) {
    const panel = await loadPanel(ctx.db, app.callId, h.side, ctx.clock.now());
    if (!policy.canReadReleasedReviews(ctx.actor, isMember, panel.releasedAt)) { out.push({ side: h.side, released: false, reviews: [], finalScore: null, consensus: null }); continue; }
    const rows = await ctx.db.select().from(reviewAssignments).where(and(eq(reviewAssignments.applicationId, applicationId), eq(reviewAssignments.side, h.side), eq(reviewAssignments.status, 'submitted')));
    const rs = rows.length ? await ctx.db.select().from(reviews).where(inArray(reviews.assignmentId, rows.map((r) => r.id))) : [];
    const [k] = await ctx.db.select().from(reviewConsensus).where(and(eq(reviewConsensus.applicationId, applicationId), eq(reviewConsensus.side, h.side)));
    out.push({ side: h.side, released: true, finalScore: k?.finalScore ?? null, consensus: k?.report ?? null,
      // Numbered in a fixed random-looking order (by assignment id), never by name.
      reviews: rs.sort((a, b) => a.assignmentId.localeCompare(b.assignmentId)).map((r, i) => ({ number: i + 1, scores: r.scores, commentToApplicants: r.commentToApplicants, recommendation: r.recommendation })) });
  }
  return out;
}

/** An applicant declares a conflict with an expert of the pool (the reason goes to the officers only). */
export async function declareApplicantConflict(ctx: RequestContext, applicationId: string, input: { expertUserId: string; reason: string }) {
  const isMember = !!(await membershipOf(ctx.db, ctx.actor, applicationId));
  if (!policy.canDeclareApplicantConflict(ctx.actor, isMember)) throw notFound('application');
  const [e] = await ctx.db.select().from(experts).where(eq(experts.userId, input.expertUserId));
  if (!e) throw notFound('expert');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(declaredConflicts).values({ id: newId(), applicationId, expertUserId: input.expertUserId, declaredBy: 'applicant', declaredByUserId: ctx.actor!.userId, reason: input.reason, createdAt: now })
      .onConflictDoUpdate({ target: [declaredConflicts.applicationId, declaredConflicts.expertUserId, declaredConflicts.declaredBy], set: { reason: input.reason, declaredByUserId: ctx.actor!.userId, createdAt: now } });
    // An active assignment that is not yet reviewed ends at once; the officer re-assigns.
    await tx.update(reviewAssignments).set({ status: 'removed', removedReason: 'conflict_declared_by_applicant', updatedAt: now })
      .where(and(eq(reviewAssignments.applicationId, applicationId), eq(reviewAssignments.expertUserId, input.expertUserId), inArray(reviewAssignments.status, ['assigned', 'confirmed'])));
    await audit(tx, ctx, { entityType: 'review_declared_conflict', entityId: applicationId, action: 'declare', changes: { expertUserId: input.expertUserId } });
  });
}

/** Bidding: the expert's view of the side's halves (conflicted ones left out entirely) and their bids. */
export async function biddingList(ctx: RequestContext, callId: string, side: Side) {
  const now = ctx.clock.now();
  const panel = await loadPanel(ctx.db, callId, side, now);
  const [m] = await ctx.db.select().from(panelMembers).where(and(eq(panelMembers.callId, callId), eq(panelMembers.side, side), eq(panelMembers.expertUserId, ctx.actor!.userId)));
  if (!policy.canBid(ctx.actor, m ?? null, panel.biddingOpen)) throw reviewError('review_bidding_closed');
  const apps = (await reviewableApplications(ctx.db, callId)).filter((a) => a.halves.some((h) => h.side === side));
  const c = await conflictsFor(ctx.db, { now, years: panel.conflictYears, expertIds: [ctx.actor!.userId], applications: apps });
  const bids = await ctx.db.select().from(reviewBids).where(and(eq(reviewBids.side, side), eq(reviewBids.expertUserId, ctx.actor!.userId)));
  return apps.filter((a) => !c.get(a.id)?.get(ctx.actor!.userId)?.length).map((a) => {
    const h = a.halves.find((x) => x.side === side)!;
    return { applicationId: a.id, reference: a.reference, title: h.title, abstract: h.abstract, areas: h.areas, bid: (bids.find((b) => b.applicationId === a.id)?.bid ?? null) as 'want' | 'can' | 'cannot' | null };
  });
}

export async function placeBid(ctx: RequestContext, callId: string, side: Side, input: { applicationId: string; bid: 'want' | 'can' | 'cannot' }) {
  const list = await biddingList(ctx, callId, side);
  if (!list.some((a) => a.applicationId === input.applicationId)) throw notFound('application');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(reviewBids).values({ applicationId: input.applicationId, side, expertUserId: ctx.actor!.userId, bid: input.bid, updatedAt: now })
      .onConflictDoUpdate({ target: [reviewBids.applicationId, reviewBids.side, reviewBids.expertUserId], set: { bid: input.bid, updatedAt: now } });
    await audit(tx, ctx, { entityType: 'review_bid', entityId: input.applicationId, action: 'bid', changes: { side, bid: input.bid } });
  });
}
