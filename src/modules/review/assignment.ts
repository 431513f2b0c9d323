// Assignment of experts to one side's halves: the officer runs the engine (optimal / fair / randomised)
// over the accepted panel, with the matching engine's cross-language affinity (plus bids when bidding is
// open), conflicts excluded, the same-side rule or the panel's country mix as group quotas. The run is
// stored with its certificate and each assignment with its reasons in the officer's language.
//
// Size: affinity() and the solve are synchronous CPU work, so they run in a worker thread (solve-run.ts) and
// the server keeps answering. The request waits for the result: an instance is bounded at MAX_PAIRS (40,000
// pairs, ~200 halves × 200 experts: about 7 s optimal, 17 s fair on the loaded 2-core machine, see
// bench/review/run-size.ts) and a larger one is refused with a 422; beyond that the run would become a task
// run with progress, as in src/modules/scheduling.
import { and, eq, inArray, ne } from 'drizzle-orm';
import { assignmentRuns, experts, panelMembers, reviewAssignments, reviewBids } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/tokens.ts';
import type { Lang, Ml } from '../../shared/languages.ts';
import { affinity, type AffinityPair, type Bid } from '../../engines/assignment/index.ts';
import { solveInWorker } from './solve-run.ts';
import { reviewableApplications, type ReviewApplication } from '../calls/review-facts.ts';
import type { Side } from '../calls/policy.ts';
import { conflictsFor, type ConflictMap } from './conflict-facts.ts';
import { reviewError } from './errors.ts';
import { loadPanel, people, sideContext, type PanelRow } from './facts.ts';
import { notifyReview } from './notify.ts';
import * as policy from './policy.ts';

export const MAX_PAIRS = 40_000;
export type Mode = 'optimal' | 'fair' | 'randomised';
type ExpertRow = typeof experts.$inferSelect;

const merge = (a: Ml, b: Ml): Ml => ({ ru: a.ru ?? b.ru, zh: a.zh ?? b.zh, en: a.en ?? b.en });

/** The side's half in any language it was written in, falling back to the mirror half for missing languages. */
function halfText(a: ReviewApplication, side: Side) {
  const own = a.halves.find((h) => h.side === side)!, other = a.halves.find((h) => h.side !== side);
  return { id: a.id, country: side, title: merge(own.title, other?.title ?? {}), abstract: merge(own.abstract, other?.abstract ?? {}), areas: own.areas };
}

/** Everything a run or a replacement needs: halves of the side, eligible experts, conflicts, bids, loads. */
export async function sideInstance(db: Tx, callId: string, side: Side, panel: PanelRow, now: Date) {
  const apps = (await reviewableApplications(db, callId)).filter((a) => a.halves.some((h) => h.side === side));
  const members = await db.select().from(panelMembers).where(and(eq(panelMembers.callId, callId), eq(panelMembers.side, side), eq(panelMembers.status, 'accepted')));
  const recs = members.length ? await db.select().from(experts).where(inArray(experts.userId, members.map((m) => m.expertUserId))) : [];
  const ps = await people(db, recs.map((r) => r.userId));
  const eligible = recs.filter((r) => ps.get(r.userId)?.roles.includes('expert') && r.available && (!r.unavailableUntil || r.unavailableUntil <= now)
    && (panel.mixQuota ? true : r.country === side));
  const conflicts = await conflictsFor(db, { now, years: panel.conflictYears, expertIds: eligible.map((e) => e.userId), applications: apps });
  const bids = new Map<string, Bid>();
  if (panel.biddingOpen && apps.length) {
    for (const b of await db.select().from(reviewBids).where(and(inArray(reviewBids.applicationId, apps.map((a) => a.id)), eq(reviewBids.side, side)))) bids.set(`${b.applicationId}|${b.expertUserId}`, b.bid as Bid);
  }
  const active = await db.select().from(reviewAssignments).where(and(eq(reviewAssignments.callId, callId), ne(reviewAssignments.status, 'removed')));
  return { apps, experts: eligible, conflicts, bids, active };
}

const expertText = (e: ExpertRow) => ({ id: e.userId, country: e.country, statement: e.statement, keywords: e.keywords, areas: e.areas, subAreas: e.subAreas });

/** Affinities of a few pairs in-process (one half, for a replacement: milliseconds). */
export function affinities(apps: ReviewApplication[], side: Side, exps: ExpertRow[], bids: Map<string, Bid>, lang: Lang): AffinityPair[] {
  return affinity(exps.map(expertText), apps.map((a) => halfText(a, side)), { lang, bids });
}

const isConflicted = (c: ConflictMap, app: string, expert: string) => (c.get(app)?.get(expert)?.length ?? 0) > 0;

export async function runAssignment(ctx: RequestContext, callId: string, side: Side, o: { mode: Mode; q?: number; seed?: number }) {
  const s = await sideContext(ctx.db, ctx.actor, callId, side);
  if (!policy.canManagePanel(ctx.actor, s.scope, s.funderId)) throw forbidden();
  const now = ctx.clock.now();
  const panel = await loadPanel(ctx.db, callId, side, now);
  const inst = await sideInstance(ctx.db, callId, side, panel, now);
  if (!inst.apps.length) throw reviewError('review_no_applications');
  if (!inst.experts.length) throw reviewError('review_panel_empty');
  if (inst.apps.length * inst.experts.length > MAX_PAIRS) throw reviewError('review_instance_too_large', { params: { pairs: inst.apps.length * inst.experts.length, max: MAX_PAIRS } });
  if (inst.active.some((a) => a.side === side && a.status !== 'assigned')) throw reviewError('review_assignment_started');
  // Loads already used on the other side of the same call count against the per-call maximum.
  const usedElsewhere = (id: string) => inst.active.filter((a) => a.expertUserId === id && a.side !== side).length;
  const conflicts = [...inst.conflicts].flatMap(([app, m]) => [...m].filter(([, r]) => r.length).map(([e]) => `${app}|${e}`));
  const { pairs, excluded, result, seconds } = await solveInWorker({
    experts: inst.experts.map((e) => ({ ...expertText(e), maxLoad: Math.max(0, e.maxLoad - usedElsewhere(e.userId)) })),
    applications: inst.apps.map((a) => halfText(a, side)), demand: panel.reviewsPerHalf, groupQuotas: panel.mixQuota ?? null,
    conflicts, bids: Object.fromEntries(inst.bids), lang: ctx.lang, mode: o.mode, q: o.q, seed: o.seed, name: `${callId} ${side}`,
  });
  if (!result.feasible) throw reviewError('review_assignment_infeasible', { params: { reason: result.reason ?? '' } });
  const byPair = new Map(pairs.map((p) => [`${p.application}|${p.expert}`, p]));
  const runId = newId();
  await ctx.db.transaction(async (tx) => {
    await loadPanel(tx, callId, side, now, true);
    await tx.update(reviewAssignments).set({ status: 'removed', removedReason: 'rerun', updatedAt: now })
      .where(and(eq(reviewAssignments.callId, callId), eq(reviewAssignments.side, side), eq(reviewAssignments.status, 'assigned')));
    await tx.insert(assignmentRuns).values({
      id: runId, callId, side, mode: o.mode, seed: o.seed ?? 1, q: o.mode === 'randomised' ? (result.q ?? o.q ?? 0.5) : null, objective: result.objective, upperBound: result.upperBound,
      worstApplication: result.worstApplication, certificate: (result.certificate ?? {}) as Record<string, unknown>, seconds, lang: ctx.lang,
      excludedConflicts: excluded, createdBy: ctx.actor!.userId, createdAt: now,
    });
    if (result.assignments.length) {
      await tx.insert(reviewAssignments).values(result.assignments.map((x) => {
        const p = byPair.get(`${x.application}|${x.expert}`)!;
        return { id: newId(), callId, side, applicationId: x.application, expertUserId: x.expert, runId, affinity: p.affinity, reasons: p.reasons, status: 'assigned', createdAt: now, updatedAt: now };
      }));
    }
    await audit(tx, ctx, { entityType: 'review_assignment_run', entityId: runId, action: 'run', changes: { callId, side, mode: o.mode, objective: result.objective, upperBound: result.upperBound, assignments: result.assignments.length } });
    await notifyReview(tx, ctx, { userIds: [...new Set(result.assignments.map((x) => x.expert))], kind: 'assigned', link: '/review', callTitle: s.call.title, deadline: panel.reviewDeadline });
  });
  return { runId, mode: o.mode, objective: result.objective, upperBound: result.upperBound, worstApplication: result.worstApplication, seconds,
    assignments: result.assignments.length, excludedConflicts: excluded };
}

/**
 * The best replacement for a removed expert on one half: an eligible panel expert with no conflict, not on
 * the half already, under their load, highest affinity first. Returns null when nobody fits.
 */
export async function bestReplacement(db: Tx, callId: string, side: Side, applicationId: string, lang: Lang, now: Date, exclude: string[]) {
  const panel = await loadPanel(db, callId, side, now);
  const inst = await sideInstance(db, callId, side, panel, now);
  const app = inst.apps.find((a) => a.id === applicationId);
  if (!app) return null;
  const onHalf = new Set(inst.active.filter((a) => a.applicationId === applicationId && a.side === side).map((a) => a.expertUserId));
  const load = (id: string) => inst.active.filter((a) => a.expertUserId === id).length;
  const candidates = inst.experts.filter((e) => !onHalf.has(e.userId) && !exclude.includes(e.userId) && load(e.userId) < e.maxLoad && !isConflicted(inst.conflicts, applicationId, e.userId));
  if (!candidates.length) return null;
  const scored = affinities([app], side, candidates, inst.bids, lang).sort((a, b) => b.affinity - a.affinity || a.expert.localeCompare(b.expert));
  return scored[0] ?? null;
}
