// An organisation created by mistake: its owner (or staff) deletes it while nothing references it,
// or archives it (hidden from the directory, kept for the records that point to it) and restores it.
import { eq, sql } from 'drizzle-orm';
import { organisations } from '../../db/schema/index.ts';
import { queryRows, type Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { canDeleteOrganisation } from './policy.ts';
import { membershipOf } from './queries.ts';

/** Records of others (or of its history) that keep an organisation from being deleted, by kind. */
export async function organisationReferences(tx: Tx, id: string): Promise<Record<string, number>> {
  const [r] = await queryRows<Record<string, number>>(tx, sql`SELECT
      (SELECT count(*)::int FROM profiles WHERE organisation_id = ${id}) AS profiles,
      (SELECT count(*)::int FROM expressions_of_interest WHERE from_organisation_id = ${id}) AS interests,
      (SELECT count(*)::int FROM conversation_messages WHERE author_organisation_id = ${id}) AS messages,
      (SELECT count(*)::int FROM event_organisers WHERE organisation_id = ${id}) AS events,
      (SELECT count(*)::int FROM event_registrations WHERE organisation_id = ${id}) AS registrations,
      (SELECT count(*)::int FROM meeting_participants WHERE organisation_id = ${id}) AS meetings,
      (SELECT count(*)::int FROM meeting_outcomes WHERE organisation_id = ${id}) AS outcomes`);
  return Object.fromEntries(Object.entries(r).filter(([, n]) => n > 0));
}

async function lockForOwner(ctx: RequestContext, tx: Tx, id: string) {
  const [o] = await tx.select().from(organisations).where(eq(organisations.id, id)).for('update');
  if (!o) throw notFound('organisation');
  if (!canDeleteOrganisation(ctx.actor, await membershipOf(tx, ctx.actor?.userId, id))) throw forbidden();
  return o;
}

const isForeignKeyViolation = (e: unknown) => {
  const err = e as { code?: string; cause?: { code?: string } };
  return err?.code === '23503' || err?.cause?.code === '23503';
};

export async function deleteOrganisation(ctx: RequestContext, id: string) {
  try { await deleteInTx(ctx, id); } catch (e) {
    // A table added later that points to organisations without being listed above: still a clear answer.
    if (isForeignKeyViolation(e)) throw new AppError('organisation_in_use', { params: { count: 1 } });
    throw e;
  }
}

async function deleteInTx(ctx: RequestContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const o = await lockForOwner(ctx, tx, id);
    const refs = await organisationReferences(tx, id);
    if (Object.keys(refs).length) throw new AppError('organisation_in_use', { params: { count: Object.values(refs).reduce((a, b) => a + b, 0) } });
    // Members, contacts and matching state go with it (ON DELETE CASCADE); the audit row keeps what it was.
    await tx.delete(organisations).where(eq(organisations.id, id));
    await audit(tx, ctx, { entityType: 'organisation', entityId: id, action: 'delete', changes: { name: o.name, country: o.country, type: o.type } });
  });
}

export async function setArchived(ctx: RequestContext, id: string, archived: boolean) {
  await ctx.db.transaction(async (tx) => {
    const o = await lockForOwner(ctx, tx, id);
    if (!!o.archivedAt === archived) return;
    const now = ctx.clock.now();
    await tx.update(organisations).set({ archivedAt: archived ? now : null, updatedAt: now }).where(eq(organisations.id, id));
    await audit(tx, ctx, { entityType: 'organisation', entityId: id, action: archived ? 'archive' : 'unarchive' });
  });
}
