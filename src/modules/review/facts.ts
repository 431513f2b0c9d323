// Loads what the review policy and commands need: the call and the funder of a side (through the calls
// module's exported functions), the actor's officer scope, the panel's settings (created with defaults
// on first use), and assignments.
import { and, eq, inArray } from 'drizzle-orm';
import { reviewAssignments, reviewPanels, users, userRoles } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { loadCall, officerScope, type CallRow } from '../calls/facts.ts';
import { callSideFunders } from '../calls/review-facts.ts';
import type { OfficerScope, Side } from '../calls/policy.ts';

export type PanelRow = typeof reviewPanels.$inferSelect;
export type AssignmentRow = typeof reviewAssignments.$inferSelect;
export type SideContext = { call: CallRow; side: Side; funderId: string; scope: OfficerScope };

export async function sideContext(db: Tx, actor: Actor | null, callId: string, side: Side): Promise<SideContext> {
  const call = await loadCall(db, callId);
  const f = (await callSideFunders(db, callId)).find((x) => x.side === side);
  if (!f) throw notFound('call');
  return { call, side, funderId: f.funderId, scope: await officerScope(db, actor, callId) };
}

/** The panel's settings; a panel nobody configured yet has the defaults (same-side rule, 3 reviews, N = 3). */
export async function loadPanel(db: Tx, callId: string, side: Side, now: Date, lock = false): Promise<PanelRow> {
  const q = db.select().from(reviewPanels).where(and(eq(reviewPanels.callId, callId), eq(reviewPanels.side, side)));
  const [p] = lock ? await q.for('update') : await q;
  if (p) return p;
  await db.insert(reviewPanels).values({ callId, side, updatedAt: now }).onConflictDoNothing();
  return loadPanel(db, callId, side, now, lock);
}

export async function loadAssignment(db: Tx, id: string, lock = false): Promise<AssignmentRow> {
  const q = db.select().from(reviewAssignments).where(eq(reviewAssignments.id, id));
  const [a] = lock ? await q.for('update') : await q;
  if (!a) throw notFound('assignment');
  return a;
}

export type Person = { id: string; name: string; email: string; lang: string; timezone: string; country: string; roles: string[] };
export async function people(db: Tx, ids: string[]): Promise<Map<string, Person>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.name, email: users.email, lang: users.lang, timezone: users.timezone, country: users.country }).from(users).where(inArray(users.id, ids));
  const roles = await db.select().from(userRoles).where(inArray(userRoles.userId, ids));
  return new Map(rows.map((u) => [u.id, { ...u, roles: roles.filter((r) => r.userId === u.id).map((r) => r.role) }]));
}

/** Overall score of a review on a 0–10 scale: the weighted mean of each criterion's position on its scale. */
export function overallScore(criteria: { code: string; weight: number; scaleMin: number; scaleMax: number }[], scores: Record<string, number>): number | null {
  let w = 0, s = 0;
  for (const c of criteria) {
    const v = scores[c.code];
    if (v == null) return null;
    w += c.weight; s += c.weight * (v - c.scaleMin) / (c.scaleMax - c.scaleMin);
  }
  return w > 0 ? Math.round((10 * s / w) * 1000) / 1000 : null;
}
