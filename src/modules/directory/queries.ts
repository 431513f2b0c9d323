import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { organisations, organisationMembers, organisationContacts, taxonomyAreas, users, expressionsOfInterest, profiles } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { canEditOrganisation, canSeeContact, canSeeMembers, type Membership, type ContactVisibility } from './policy.ts';
import type { z } from 'zod';
import type { orgListQuery } from './schema.ts';

type OrgRow = typeof organisations.$inferSelect;

export const logoUrl = (o: Pick<OrgRow, 'id' | 'logoFileId'>) => (o.logoFileId ? `/api/organisations/${o.id}/logo` : null);

export function presentOrgSummary(o: OrgRow) {
  return {
    id: o.id, externalId: o.externalId, name: o.name, shortName: o.shortName, country: o.country, type: o.type, city: o.city,
    areas: o.areas, verified: !!o.verifiedAt, logoUrl: logoUrl(o),
  };
}

export async function membershipOf(db: Tx, userId: string | undefined, orgId: string): Promise<Membership> {
  if (!userId) return null;
  const [m] = await db.select({ role: organisationMembers.role }).from(organisationMembers)
    .where(and(eq(organisationMembers.userId, userId), eq(organisationMembers.organisationId, orgId)));
  return (m?.role as Membership) ?? null;
}

export async function myOrganisationIds(db: Tx, userId: string | undefined): Promise<string[]> {
  if (!userId) return [];
  return (await db.select({ id: organisationMembers.organisationId }).from(organisationMembers).where(eq(organisationMembers.userId, userId))).map((r) => r.id);
}

/** Whether an accepted expression of interest links any of `mine` with `orgId`, in either direction. */
export async function contactsRevealed(db: Tx, mine: string[], orgId: string): Promise<boolean> {
  if (!mine.length) return false;
  const [r] = await db.select({ id: expressionsOfInterest.id }).from(expressionsOfInterest)
    .innerJoin(profiles, eq(profiles.id, expressionsOfInterest.profileId))
    .where(and(eq(expressionsOfInterest.status, 'accepted'), or(
      and(inArray(expressionsOfInterest.fromOrganisationId, mine), eq(profiles.organisationId, orgId)),
      and(eq(expressionsOfInterest.fromOrganisationId, orgId), inArray(profiles.organisationId, mine)),
    ))).limit(1);
  return !!r;
}

export async function listOrganisations(db: Tx, q: z.output<typeof orgListQuery>) {
  const where: SQL[] = [sql`${organisations.archivedAt} IS NULL`]; // archived ones stay reachable by id
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(${organisations.name}::text ILIKE ${like} OR ${organisations.shortName}::text ILIKE ${like} OR ${organisations.description}::text ILIKE ${like})`);
  }
  if (q.country) where.push(eq(organisations.country, q.country));
  if (q.type) where.push(eq(organisations.type, q.type));
  if (q.area) where.push(sql`(${q.area} = ANY(${organisations.areas}) OR ${q.area} = ANY(${organisations.subAreas}))`);
  if (q.verified) where.push(q.verified === 'true' ? sql`${organisations.verifiedAt} IS NOT NULL` : sql`${organisations.verifiedAt} IS NULL`);
  const cond = where.length ? and(...where) : undefined;
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(organisations).where(cond);
  const rows = await db.select().from(organisations).where(cond)
    .orderBy(sql`coalesce(${organisations.name}->>'en', ${organisations.name}->>'ru', ${organisations.name}->>'zh')`).limit(q.limit).offset(q.offset);
  return { total: n, items: rows.map(presentOrgSummary) };
}

export async function getOrganisation(db: Tx, actor: Actor | null, id: string) {
  const [o] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!o) throw notFound('organisation');
  const membership = await membershipOf(db, actor?.userId, id);
  const revealed = actor ? await contactsRevealed(db, await myOrganisationIds(db, actor.userId), id) : false;
  const all = await db.select().from(organisationContacts).where(eq(organisationContacts.organisationId, id)).orderBy(asc(organisationContacts.sort));
  const contacts = all.filter((c) => canSeeContact(actor, c.visibility as ContactVisibility, { membership, revealed }));
  const members = canSeeMembers(actor)
    ? await db.select({ userId: users.id, name: users.name, role: organisationMembers.role }).from(organisationMembers)
      .innerJoin(users, eq(users.id, organisationMembers.userId)).where(eq(organisationMembers.organisationId, id)).orderBy(users.name)
    : null;
  return {
    ...presentOrgSummary(o), description: o.description, region: o.region, website: o.website, subAreas: o.subAreas,
    contacts: contacts.map((c) => ({ id: c.id, name: c.name, position: c.position, email: c.email, phone: c.phone, visibility: c.visibility })),
    hiddenContacts: all.length - contacts.length, members, myRole: membership, canEdit: canEditOrganisation(actor, membership),
  };
}

/** Summaries of the given organisations (other modules name organisations by id). */
export async function organisationSummaries(db: Tx, ids: string[]) {
  if (!ids.length) return [];
  return (await db.select().from(organisations).where(inArray(organisations.id, [...new Set(ids)]))).map(presentOrgSummary);
}

export async function myOrganisations(db: Tx, userId: string) {
  const rows = await db.select({ o: organisations, role: organisationMembers.role }).from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId)).where(eq(organisationMembers.userId, userId));
  return rows.map((r) => ({ ...presentOrgSummary(r.o), myRole: r.role }));
}

export async function listTaxonomy(db: Tx, includeInactive: boolean) {
  const rows = await db.select().from(taxonomyAreas).where(includeInactive ? undefined : eq(taxonomyAreas.active, true)).orderBy(asc(taxonomyAreas.sort));
  return rows.map((r) => ({ code: r.code, parentCode: r.parentCode, label: r.label, byPriority: r.byPriority, grnti: r.grnti, gbt: r.gbt, sort: r.sort, active: r.active }));
}
