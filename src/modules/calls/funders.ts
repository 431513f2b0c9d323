// Funders (directory organisations with currency, zone and budgets), programmes and the officers who act
// for a funder. Staff-only writes, each one transaction with its audit entry.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { funderBudgets, funderOfficers, funders, programmeFunders, programmes, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/tokens.ts';
import { organisationSummaries } from '../directory/queries.ts';
import { isUniqueViolation } from '../../platform/db-errors.ts';
import { callsError } from './errors.ts';
import { canManageCalls } from './policy.ts';
import { num } from './facts.ts';
import type { budgetBody, funderBody, officerBody, programmeBody } from './schema.ts';

export type FunderRow = typeof funders.$inferSelect;

export async function presentFunders(db: Tx, rows: FunderRow[]) {
  const orgs = await organisationSummaries(db, rows.map((f) => f.organisationId));
  const budgets = rows.length ? await db.select().from(funderBudgets).where(inArray(funderBudgets.funderId, rows.map((f) => f.id))) : [];
  return rows.map((f) => {
    const o = orgs.find((x) => x.id === f.organisationId);
    return {
      id: f.id, organisationId: f.organisationId, name: o?.name ?? {}, shortName: o?.shortName ?? {}, country: f.country, currency: f.currency, timezone: f.timezone,
      budgets: budgets.filter((b) => b.funderId === f.id).map((b) => ({ programmeId: b.programmeId, year: b.year, amount: num(b.amount) })),
    };
  });
}

export async function listFunders(db: Tx) {
  return presentFunders(db, await db.select().from(funders).orderBy(asc(funders.country), asc(funders.createdAt)));
}

export async function loadFunders(db: Tx, ids: string[]) {
  if (!ids.length) return [];
  return presentFunders(db, await db.select().from(funders).where(inArray(funders.id, ids)));
}

export async function createFunder(ctx: RequestContext, input: z.output<typeof funderBody>) {
  if (!canManageCalls(ctx.actor)) throw forbidden();
  if (!(await organisationSummaries(ctx.db, [input.organisationId])).length) throw notFound('organisation');
  const id = newId(), now = ctx.clock.now();
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.insert(funders).values({ id, ...input, createdAt: now, updatedAt: now });
      await audit(tx, ctx, { entityType: 'funder', entityId: id, action: 'create', changes: input });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'funders_org_uq')) throw callsError('funder_exists', { fields: [{ path: 'organisationId', code: 'taken' }] });
    throw e;
  }
  return { id };
}

export async function setBudget(ctx: RequestContext, funderId: string, input: z.output<typeof budgetBody>) {
  if (!canManageCalls(ctx.actor)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const [f] = await tx.select().from(funders).where(eq(funders.id, funderId));
    if (!f) throw notFound('funder');
    await tx.insert(funderBudgets).values({ funderId, programmeId: input.programmeId, year: input.year, amount: String(input.amount) })
      .onConflictDoUpdate({ target: [funderBudgets.funderId, funderBudgets.programmeId, funderBudgets.year], set: { amount: String(input.amount) } });
    await audit(tx, ctx, { entityType: 'funder', entityId: funderId, action: 'budget', changes: input });
  });
}

export async function listProgrammes(db: Tx) {
  const rows = await db.select().from(programmes).orderBy(asc(programmes.createdAt));
  const links = rows.length ? await db.select().from(programmeFunders).where(inArray(programmeFunders.programmeId, rows.map((p) => p.id))) : [];
  return rows.map((p) => ({ id: p.id, slug: p.slug, name: p.name, description: p.description, funderIds: links.filter((l) => l.programmeId === p.id).map((l) => l.funderId) }));
}

export async function createProgramme(ctx: RequestContext, input: z.output<typeof programmeBody>) {
  if (!canManageCalls(ctx.actor)) throw forbidden();
  const id = newId(), now = ctx.clock.now();
  try {
    await ctx.db.transaction(async (tx) => {
      const found = await tx.select({ id: funders.id }).from(funders).where(inArray(funders.id, input.funderIds));
      if (found.length !== new Set(input.funderIds).size) throw notFound('funder');
      await tx.insert(programmes).values({ id, slug: input.slug, name: input.name, description: input.description, createdAt: now, updatedAt: now });
      await tx.insert(programmeFunders).values([...new Set(input.funderIds)].map((funderId) => ({ programmeId: id, funderId })));
      await audit(tx, ctx, { entityType: 'programme', entityId: id, action: 'create', changes: input });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'programmes_slug_uq')) throw callsError('slug_taken', { fields: [{ path: 'slug', code: 'taken' }] });
    throw e;
  }
  return { id };
}

export async function listOfficers(db: Tx, funderId: string) {
  const rows = await db.select({ o: funderOfficers, name: users.name, email: users.email }).from(funderOfficers)
    .innerJoin(users, eq(users.id, funderOfficers.userId)).where(eq(funderOfficers.funderId, funderId)).orderBy(asc(users.name));
  return rows.map((r) => ({ id: r.o.id, funderId: r.o.funderId, userId: r.o.userId, name: r.name, email: r.email, callId: r.o.callId }));
}

/** Names a person officer of a funder (for all its calls, or one). Scoping is this data. */
export async function appointOfficer(ctx: RequestContext, funderId: string, input: z.output<typeof officerBody>) {
  if (!canManageCalls(ctx.actor)) throw forbidden();
  const id = newId();
  try {
    await ctx.db.transaction(async (tx) => {
      const [f] = await tx.select().from(funders).where(eq(funders.id, funderId));
      if (!f) throw notFound('funder');
      const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
      if (!u) throw notFound('user');
      await tx.insert(funderOfficers).values({ id, funderId, userId: input.userId, callId: input.callId, createdBy: ctx.actor!.userId, createdAt: ctx.clock.now() });
      await audit(tx, ctx, { entityType: 'funder', entityId: funderId, action: 'officer_appoint', changes: input });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'funder_officers_uq')) throw callsError('officer_exists');
    throw e;
  }
  return { id };
}

export async function removeOfficer(ctx: RequestContext, funderId: string, officerId: string) {
  if (!canManageCalls(ctx.actor)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const r = await tx.delete(funderOfficers).where(and(eq(funderOfficers.id, officerId), eq(funderOfficers.funderId, funderId))).returning();
    if (!r.length) throw notFound('officer');
    await audit(tx, ctx, { entityType: 'funder', entityId: funderId, action: 'officer_remove', changes: { userId: r[0].userId, callId: r[0].callId } });
  });
}
