import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { organisations, organisationMembers, organisationContacts, taxonomyAreas, users } from '../../db/schema/index.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/context.ts';
import { audit, diff } from '../../platform/audit.ts';
import { newId } from '../../platform/tokens.ts';
import type { Tx } from '../../db/client.ts';
import { canCreateOrganisation, canEditOrganisation, canManageMembers, canManageTaxonomy, canVerifyOrganisation } from './policy.ts';
import { membershipOf } from './queries.ts';
import { checkUpload, storeFile } from '../../platform/uploads.ts';
import type { orgBody, orgPatch, contactsBody, memberBody, taxonomyCreate, taxonomyPatch } from './schema.ts';

async function lockOrg(tx: Tx, id: string) {
  const [o] = await tx.select().from(organisations).where(eq(organisations.id, id)).for('update');
  if (!o) throw notFound('organisation');
  return o;
}

async function assertCanEdit(ctx: RequestContext, tx: Tx, orgId: string) {
  if (!canEditOrganisation(ctx.actor, await membershipOf(tx, ctx.actor?.userId, orgId))) throw forbidden();
}

export async function createOrganisation(ctx: RequestContext, input: z.output<typeof orgBody>) {
  if (!canCreateOrganisation(ctx.actor)) throw forbidden();
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(organisations).values({
      id, name: input.name, shortName: input.shortName ?? {}, description: input.description ?? {}, country: input.country, type: input.type,
      city: input.city ?? {}, region: input.region ?? {}, website: input.website ?? null, areas: input.areas ?? [], subAreas: input.subAreas ?? [],
      createdBy: ctx.actor!.userId, createdAt: now, updatedAt: now,
    });
    await tx.insert(organisationMembers).values({ organisationId: id, userId: ctx.actor!.userId, role: 'owner', createdAt: now });
    await audit(tx, ctx, { entityType: 'organisation', entityId: id, action: 'create', changes: { name: input.name, country: input.country } });
  });
  return id;
}

type OrganisationChangeHook = (tx: Tx, organisationId: string) => Promise<void>;
const organisationChangeHooks = new Set<OrganisationChangeHook>();
/**
 * Lets a module that copies an organisation's country or type (profiles' search documents) refresh its copy in the
 * same transaction as the change, without this module depending on it. Registered once in src/server/modules.ts.
 */
export function onOrganisationChanged(hook: OrganisationChangeHook) { organisationChangeHooks.add(hook); }

export async function updateOrganisation(ctx: RequestContext, id: string, input: z.output<typeof orgPatch>) {
  await ctx.db.transaction(async (tx) => {
    const before = await lockOrg(tx, id);
    await assertCanEdit(ctx, tx, id);
    const next = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const changes = diff(before as unknown as Record<string, unknown>, next);
    if (!Object.keys(changes).length) return;
    await tx.update(organisations).set({ ...next, updatedAt: ctx.clock.now() }).where(eq(organisations.id, id));
    await audit(tx, ctx, { entityType: 'organisation', entityId: id, action: 'update', changes });
    // Country and type feed other modules' copies (the profiles' search documents), in this transaction.
    if (changes.country || changes.type) for (const hook of organisationChangeHooks) await hook(tx, id);
  });
}

export async function setVerified(ctx: RequestContext, id: string, verified: boolean) {
  if (!canVerifyOrganisation(ctx.actor)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    await lockOrg(tx, id);
    const now = ctx.clock.now();
    await tx.update(organisations).set({ verifiedAt: verified ? now : null, verifiedBy: verified ? ctx.actor!.userId : null, updatedAt: now }).where(eq(organisations.id, id));
    await audit(tx, ctx, { entityType: 'organisation', entityId: id, action: verified ? 'verify' : 'unverify' });
  });
}

export async function replaceContacts(ctx: RequestContext, id: string, input: z.output<typeof contactsBody>) {
  await ctx.db.transaction(async (tx) => {
    await lockOrg(tx, id);
    await assertCanEdit(ctx, tx, id);
    await tx.delete(organisationContacts).where(eq(organisationContacts.organisationId, id));
    if (input.contacts.length) {
      await tx.insert(organisationContacts).values(input.contacts.map((c, i) => ({
        id: newId(), organisationId: id, name: c.name, position: c.position ?? {}, email: c.email ?? null, phone: c.phone ?? null, visibility: c.visibility, sort: i,
      })));
    }
    await audit(tx, ctx, { entityType: 'organisation', entityId: id, action: 'set_contacts', changes: { count: input.contacts.length } });
  });
}

export async function addMember(ctx: RequestContext, id: string, input: z.output<typeof memberBody>) {
  await ctx.db.transaction(async (tx) => {
    await lockOrg(tx, id);
    if (!canManageMembers(ctx.actor, await membershipOf(tx, ctx.actor?.userId, id))) throw forbidden();
    const [u] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email.toLowerCase()}`);
    if (!u) throw notFound('user');
    await tx.insert(organisationMembers).values({ organisationId: id, userId: u.id, role: input.role, createdAt: ctx.clock.now() })
      .onConflictDoUpdate({ target: [organisationMembers.organisationId, organisationMembers.userId], set: { role: input.role } });
    await audit(tx, ctx, { entityType: 'organisation', entityId: id, action: 'set_member', changes: { userId: u.id, role: input.role } });
  });
}

export async function removeMember(ctx: RequestContext, id: string, userId: string) {
  await ctx.db.transaction(async (tx) => {
    await lockOrg(tx, id);
    const self = ctx.actor!.userId === userId; // anyone may leave
    if (!self && !canManageMembers(ctx.actor, await membershipOf(tx, ctx.actor?.userId, id))) throw forbidden();
    const owners = await tx.select({ userId: organisationMembers.userId }).from(organisationMembers)
      .where(and(eq(organisationMembers.organisationId, id), eq(organisationMembers.role, 'owner')));
    if (owners.length === 1 && owners[0].userId === userId) throw new AppError('conflict', { params: { reason: 'last_owner' } });
    const r = await tx.delete(organisationMembers).where(and(eq(organisationMembers.organisationId, id), eq(organisationMembers.userId, userId))).returning();
    if (!r.length) throw notFound('member');
    await audit(tx, ctx, { entityType: 'organisation', entityId: id, action: 'remove_member', changes: { userId } });
  });
}

export async function uploadLogo(ctx: RequestContext, id: string, file: { filename: string; content: Buffer }) {
  const checked = await checkUpload('logo', file.filename, file.content);
  await ctx.db.transaction(async (tx) => {
    await lockOrg(tx, id);
    await assertCanEdit(ctx, tx, id);
    const fileId = await storeFile(tx, { ...checked, content: file.content, uploadedBy: ctx.actor!.userId, now: ctx.clock.now() });
    await tx.update(organisations).set({ logoFileId: fileId, updatedAt: ctx.clock.now() }).where(eq(organisations.id, id));
    await audit(tx, ctx, { entityType: 'organisation', entityId: id, action: 'set_logo', changes: { fileId, size: file.content.length, mime: checked.mime } });
  });
}

export async function createTaxonomyNode(ctx: RequestContext, input: z.output<typeof taxonomyCreate>) {
  if (!canManageTaxonomy(ctx.actor)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    if (input.parentCode) {
      const [p] = await tx.select().from(taxonomyAreas).where(eq(taxonomyAreas.code, input.parentCode));
      if (!p) throw notFound('taxonomy_area');
    }
    const r = await tx.insert(taxonomyAreas).values({
      code: input.code, parentCode: input.parentCode ?? null, label: input.label, byPriority: input.byPriority ?? null,
      grnti: input.grnti ?? [], gbt: input.gbt ?? [], sort: input.sort ?? 1000,
    }).onConflictDoNothing().returning();
    if (!r.length) throw new AppError('conflict', { params: { reason: 'code_taken' } });
    await audit(tx, ctx, { entityType: 'taxonomy', entityId: input.code, action: 'create', changes: { label: input.label } });
  });
}

export async function updateTaxonomyNode(ctx: RequestContext, code: string, input: z.output<typeof taxonomyPatch>) {
  if (!canManageTaxonomy(ctx.actor)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(taxonomyAreas).where(eq(taxonomyAreas.code, code)).for('update');
    if (!before) throw notFound('taxonomy_area');
    const next = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    await tx.update(taxonomyAreas).set(next).where(eq(taxonomyAreas.code, code));
    await audit(tx, ctx, { entityType: 'taxonomy', entityId: code, action: 'update', changes: diff(before as unknown as Record<string, unknown>, next) });
  });
}
