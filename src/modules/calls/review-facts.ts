// What the review module needs to know about a call's applications, read here so that it never touches
// the calls module's tables: the submitted halves with their title, abstract and areas, the consortium
// (organisations of both halves and the people who are members), and past applications of given people.
import { and, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import { applicationHalves, applicationMembers, applications, callFunders } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { Ml } from '../../shared/languages.ts';
import { loadHalfContent } from './half-content.ts';
import type { Side } from './policy.ts';

export type ReviewHalf = { side: Side; funderId: string; status: string; title: Ml; abstract: Ml; areas: string[] };
export type ReviewApplication = {
  id: string; callId: string; reference: string; halves: ReviewHalf[];
  /** Organisations named in either half's consortium, and the organisations of members. */
  organisationIds: string[]; memberUserIds: string[]; createdBy: string;
};

/** Halves under review: submitted, or judged eligible (ineligible, draft and returned halves are not reviewed). */
const REVIEWABLE = ['submitted', 'eligible'];

/** The funder of each side of a call. */
export async function callSideFunders(db: Tx, callId: string): Promise<{ side: Side; funderId: string }[]> {
  const rows = await db.select().from(callFunders).where(eq(callFunders.callId, callId));
  return rows.map((r) => ({ side: r.side as Side, funderId: r.funderId }));
}

async function present(db: Tx, appRows: (typeof applications.$inferSelect)[], onlyReviewable: boolean): Promise<ReviewApplication[]> {
  if (!appRows.length) return [];
  const ids = appRows.map((a) => a.id);
  const halves = await db.select().from(applicationHalves).where(inArray(applicationHalves.applicationId, ids));
  const members = await db.select().from(applicationMembers).where(inArray(applicationMembers.applicationId, ids));
  const out: ReviewApplication[] = [];
  for (const a of appRows) {
    const hs = halves.filter((h) => h.applicationId === a.id && (!onlyReviewable || REVIEWABLE.includes(h.status)));
    if (!hs.length) continue;
    const orgs = new Set<string>();
    const presented: ReviewHalf[] = [];
    for (const h of hs) {
      const c = await loadHalfContent(db, h);
      for (const o of c.sections.consortium?.organisations ?? []) orgs.add(o.organisationId);
      presented.push({ side: h.side as Side, funderId: h.funderId, status: h.status, title: c.sections.title?.title ?? {}, abstract: c.sections.title?.abstract ?? {}, areas: c.sections.title?.areas ?? [] });
    }
    const ms = members.filter((m) => m.applicationId === a.id);
    for (const m of ms) if (m.organisationId) orgs.add(m.organisationId);
    out.push({ id: a.id, callId: a.callId, reference: a.reference, halves: presented.sort((x, y) => x.side.localeCompare(y.side)), organisationIds: [...orgs], memberUserIds: ms.map((m) => m.userId), createdBy: a.createdBy });
  }
  return out.sort((x, y) => x.reference.localeCompare(y.reference));
}

/** Applications of a call with at least one half under review. */
export async function reviewableApplications(db: Tx, callId: string): Promise<ReviewApplication[]> {
  return present(db, await db.select().from(applications).where(eq(applications.callId, callId)), true);
}

/** One application as the review module sees it (any status), or null. */
export async function applicationForReview(db: Tx, applicationId: string): Promise<ReviewApplication | null> {
  const [a] = await present(db, await db.select().from(applications).where(eq(applications.id, applicationId)), false);
  return a ?? null;
}

/** Applications (any call) with a half submitted since `since` that any of these people is a member of. */
export async function pastApplicationsOf(db: Tx, userIds: string[], since: Date): Promise<{ id: string; callId: string; submittedAt: Date; organisationIds: string[]; memberUserIds: string[] }[]> {
  if (!userIds.length) return [];
  const mine = await db.selectDistinct({ id: applicationMembers.applicationId }).from(applicationMembers).where(inArray(applicationMembers.userId, userIds));
  if (!mine.length) return [];
  const ids = mine.map((m) => m.id);
  const submitted = await db.select({ applicationId: applicationHalves.applicationId, at: applicationHalves.submittedAt }).from(applicationHalves)
    .where(and(inArray(applicationHalves.applicationId, ids), isNotNull(applicationHalves.submittedAt), gte(applicationHalves.submittedAt, since)));
  const at = new Map<string, Date>();
  for (const s of submitted) if (s.at && (!at.has(s.applicationId) || s.at > at.get(s.applicationId)!)) at.set(s.applicationId, s.at);
  const apps = await present(db, at.size ? await db.select().from(applications).where(inArray(applications.id, [...at.keys()])) : [], false);
  return apps.map((a) => ({ id: a.id, callId: a.callId, submittedAt: at.get(a.id)!, organisationIds: a.organisationIds, memberUserIds: a.memberUserIds }));
}
