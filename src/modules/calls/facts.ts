// Loads the facts the pure policy needs: whom the actor is officer for (per call), their membership of an
// application, and rows locked for a change.
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { applicationHalves, applicationMembers, applications, calls, funderOfficers } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Membership, OfficerScope, Side } from './policy.ts';

export type CallRow = typeof calls.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;
export type HalfRow = typeof applicationHalves.$inferSelect;

/** Funders the actor is officer of for this call (call-wide appointments and those for this call). */
export async function officerScope(db: Tx, actor: Actor | null, callId: string | null): Promise<OfficerScope> {
  if (!actor) return { funderIds: [] };
  const rows = await db.select({ funderId: funderOfficers.funderId }).from(funderOfficers)
    .where(and(eq(funderOfficers.userId, actor.userId), callId ? or(isNull(funderOfficers.callId), eq(funderOfficers.callId, callId)) : isNull(funderOfficers.callId)));
  return { funderIds: [...new Set(rows.map((r) => r.funderId))] };
}

/** Every funder the actor is officer of, for any call (for lists across calls). */
export async function officerFunders(db: Tx, actor: Actor | null): Promise<{ funderId: string; callId: string | null }[]> {
  if (!actor) return [];
  return db.select({ funderId: funderOfficers.funderId, callId: funderOfficers.callId }).from(funderOfficers).where(eq(funderOfficers.userId, actor.userId));
}

export async function membershipOf(db: Tx, actor: Actor | null, applicationId: string): Promise<Membership> {
  if (!actor) return null;
  const [m] = await db.select().from(applicationMembers).where(and(eq(applicationMembers.applicationId, applicationId), eq(applicationMembers.userId, actor.userId)));
  return m ? { side: m.side as Side, role: m.role as 'editor' | 'viewer' } : null;
}

export async function loadCall(db: Tx, id: string, lock = false): Promise<CallRow> {
  const q = db.select().from(calls).where(eq(calls.id, id));
  const [c] = lock ? await q.for('update') : await q;
  if (!c) throw notFound('call');
  return c;
}

export async function loadApplication(db: Tx, id: string): Promise<{ app: ApplicationRow; call: CallRow }> {
  const [a] = await db.select().from(applications).where(eq(applications.id, id));
  if (!a) throw notFound('application');
  return { app: a, call: await loadCall(db, a.callId) };
}

/** The half of a side, optionally locked (FOR UPDATE) for a change of its state. */
export async function loadHalf(db: Tx, applicationId: string, side: Side, lock: boolean | 'share' = false): Promise<HalfRow> {
  const q = db.select().from(applicationHalves).where(and(eq(applicationHalves.applicationId, applicationId), eq(applicationHalves.side, side)));
  const [h] = lock ? await q.for(lock === 'share' ? 'share' : 'update') : await q;
  if (!h) throw notFound('application');
  return h;
}

export async function halvesOf(db: Tx, applicationIds: string[]): Promise<HalfRow[]> {
  if (!applicationIds.length) return [];
  return db.select().from(applicationHalves).where(inArray(applicationHalves.applicationId, applicationIds));
}

export const num = (v: string | number | null | undefined) => (v == null ? 0 : Number(v));
