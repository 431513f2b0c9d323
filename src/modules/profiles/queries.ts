import { and, asc, desc, eq, inArray, lte, or, type SQL } from 'drizzle-orm';
import { expressionsOfInterest, files, organisationContacts, organisations, profileAttachments, profileHistory, profiles } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { canSeeContact, type ContactVisibility } from '../directory/policy.ts';
import { contactsRevealed, membershipOf, myOrganisationIds, presentOrgSummary } from '../directory/queries.ts';
import { canEditProfile, canModerateProfiles, canSeeProfileOrganisation, canViewProfile } from './policy.ts';
import type { ProfileRow } from './commands.ts';

/**
 * Whether an expression of interest from one of `mine` in this very profile was accepted: the only
 * relation that names the organisation behind an anonymous profile (other accepted expressions between
 * the two organisations, on other profiles or in the other direction, do not).
 */
export async function anonymityLiftedFor(db: Tx, mine: string[], profileId: string): Promise<boolean> {
  if (!mine.length) return false;
  const [r] = await db.select({ id: expressionsOfInterest.id }).from(expressionsOfInterest)
    .where(and(eq(expressionsOfInterest.profileId, profileId), eq(expressionsOfInterest.status, 'accepted'),
      inArray(expressionsOfInterest.fromOrganisationId, mine))).limit(1);
  return !!r;
}

export function presentProfile(p: ProfileRow) {
  return {
    id: p.id, externalId: p.externalId, organisationId: p.organisationId, type: p.type, status: p.status,
    title: p.title, summary: p.summary, description: p.description, partnerRole: p.partnerRole, advantages: p.advantages,
    technicalSpecification: p.technicalSpecification, iprNotes: p.iprNotes, technologyKeywords: p.technologyKeywords, marketKeywords: p.marketKeywords,
    areas: p.areas, subAreas: p.subAreas, partnershipTypes: p.partnershipTypes, partnerTypesSought: p.partnerTypesSought,
    partnerSizeSought: p.partnerSizeSought, targetCountries: p.targetCountries, developmentStage: p.developmentStage, trl: p.trl,
    trlMinSought: p.trlMinSought, iprStatus: p.iprStatus, anonymous: p.anonymous, programme: p.programme, callId: p.callId,
    callExternalId: p.callExternalId, callDeadline: p.callDeadline?.toISOString() ?? null, coordinatorRequired: p.coordinatorRequired,
    eoiDeadline: p.eoiDeadline, publishedAt: p.publishedAt?.toISOString() ?? null, expiresAt: p.expiresAt?.toISOString() ?? null,
    firstPublishedAt: p.firstPublishedAt?.toISOString() ?? null, extensionCount: p.extensionCount, reviewPending: p.reviewPending,
    submittedAt: p.submittedAt?.toISOString() ?? null, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(), version: p.version,
  };
}

/** Moderation notes are for the profile's organisation and organisers only. */
const moderationNotes = (p: ProfileRow) => ({ moderatorComment: p.moderatorComment, rejectionReason: p.rejectionReason, holdReason: p.holdReason });

export async function getProfile(db: Tx, actor: Actor | null, id: string) {
  const [row] = await db.select({ p: profiles, o: organisations }).from(profiles)
    .innerJoin(organisations, eq(organisations.id, profiles.organisationId)).where(eq(profiles.id, id));
  if (!row) throw notFound('profile');
  const { p, o } = row;
  const membership = await membershipOf(db, actor?.userId, o.id);
  if (!canViewProfile(actor, p.status, membership)) throw notFound('profile'); // do not reveal that it exists
  const mine = await myOrganisationIds(db, actor?.userId);
  const revealed = actor ? await contactsRevealed(db, mine, o.id) : false;
  // An anonymous profile's owner is named only to those whose interest in THIS profile was accepted.
  const identified = actor && p.anonymous ? await anonymityLiftedFor(db, mine, p.id) : false;
  const showOrg = canSeeProfileOrganisation(actor, p.anonymous, { membership, revealed: identified });
  const contacts = showOrg
    ? (await db.select().from(organisationContacts).where(eq(organisationContacts.organisationId, o.id)).orderBy(asc(organisationContacts.sort)))
      .filter((c) => canSeeContact(actor, c.visibility as ContactVisibility, { membership, revealed }))
      .map((c) => ({ id: c.id, name: c.name, position: c.position, email: c.email, phone: c.phone, visibility: c.visibility }))
    : [];
  const attachments = await db.select({ id: profileAttachments.id, name: files.name, mime: files.mime, size: files.size, caption: profileAttachments.caption })
    .from(profileAttachments).innerJoin(files, eq(files.id, profileAttachments.fileId)).where(eq(profileAttachments.profileId, id)).orderBy(asc(profileAttachments.sort));
  const myInterest = mine.length
    ? (await db.select({ id: expressionsOfInterest.id, status: expressionsOfInterest.status }).from(expressionsOfInterest)
      .where(and(eq(expressionsOfInterest.profileId, id), inArray(expressionsOfInterest.fromOrganisationId, mine)))
      .orderBy(desc(expressionsOfInterest.createdAt)).limit(1))[0] ?? null
    : null;
  const insider = membership !== null || canModerateProfiles(actor);
  return {
    ...presentProfile(p), organisationId: showOrg ? p.organisationId : null,
    country: o.country, organisation: showOrg ? presentOrgSummary(o) : null, contacts,
    attachments: attachments.map((a) => ({ ...a, url: `/api/profiles/${id}/attachments/${a.id}` })),
    ...(insider ? moderationNotes(p) : { moderatorComment: null, rejectionReason: null, holdReason: null }),
    canEdit: canEditProfile(actor, membership), isOwn: membership !== null, canModerate: canModerateProfiles(actor),
    canExpressInterest: !!actor && p.status === 'published' && membership === null && mine.length > 0 && myInterest?.status !== 'open',
    myInterest,
  };
}

export async function attachmentContent(db: Tx, actor: Actor | null, profileId: string, attachmentId: string) {
  const [p] = await db.select({ status: profiles.status, org: profiles.organisationId }).from(profiles).where(eq(profiles.id, profileId));
  if (!p || !canViewProfile(actor, p.status, await membershipOf(db, actor?.userId, p.org))) throw notFound('attachment');
  const [f] = await db.select({ name: files.name, mime: files.mime, content: files.content }).from(profileAttachments)
    .innerJoin(files, eq(files.id, profileAttachments.fileId)).where(and(eq(profileAttachments.id, attachmentId), eq(profileAttachments.profileId, profileId)));
  if (!f) throw notFound('attachment');
  return f;
}

/** Published R&D cooperation requests (RDR) that refer to a call: the call page lists them as open partner searches. */
export async function callPartnerSearches(db: Tx, callId: string) {
  const rows = await db.select({ p: profiles, o: organisations }).from(profiles).innerJoin(organisations, eq(organisations.id, profiles.organisationId))
    .where(and(eq(profiles.callId, callId), eq(profiles.type, 'RDR'), eq(profiles.status, 'published'))).orderBy(desc(profiles.publishedAt)).limit(50);
  return rows.map(({ p, o }) => ({
    id: p.id, title: p.title, summary: p.summary, country: o.country, eoiDeadline: p.eoiDeadline ?? null,
    organisation: p.anonymous ? null : { id: o.id, name: o.name },
  }));
}

export async function myProfiles(db: Tx, userId: string) {
  const mine = await myOrganisationIds(db, userId);
  if (!mine.length) return [];
  const rows = await db.select().from(profiles).where(inArray(profiles.organisationId, mine)).orderBy(desc(profiles.updatedAt));
  return rows.map((p) => ({ ...presentProfile(p), ...moderationNotes(p) }));
}

export async function organisationProfiles(db: Tx, actor: Actor | null, orgId: string) {
  const membership = await membershipOf(db, actor?.userId, orgId);
  const all = canModerateProfiles(actor) || membership !== null;
  const rows = await db.select().from(profiles)
    .where(and(eq(profiles.organisationId, orgId), all ? undefined : and(eq(profiles.status, 'published'), eq(profiles.anonymous, false))))
    .orderBy(desc(profiles.updatedAt));
  return rows.map(presentProfile);
}

export async function moderationQueue(db: Tx, actor: Actor | null, q: { country?: string; type?: string; olderThanDays?: number; limit: number }, now: Date) {
  if (!canModerateProfiles(actor)) throw forbidden();
  const w: SQL[] = [or(eq(profiles.status, 'submitted'), and(eq(profiles.status, 'published'), eq(profiles.reviewPending, true)))!];
  if (q.country) w.push(eq(organisations.country, q.country));
  if (q.type) w.push(eq(profiles.type, q.type));
  if (q.olderThanDays !== undefined) w.push(lte(profiles.submittedAt, new Date(now.getTime() - q.olderThanDays * 86400_000)));
  const rows = await db.select({ p: profiles, o: organisations }).from(profiles).innerJoin(organisations, eq(organisations.id, profiles.organisationId))
    .where(and(...w)).orderBy(asc(profiles.submittedAt)).limit(q.limit);
  return rows.map(({ p, o }) => ({
    ...presentProfile(p), organisation: presentOrgSummary(o), country: o.country,
    ageDays: p.submittedAt ? Math.floor((now.getTime() - p.submittedAt.getTime()) / 86400_000) : 0,
  }));
}

export async function profileHistoryOf(db: Tx, actor: Actor | null, id: string) {
  const [p] = await db.select({ org: profiles.organisationId }).from(profiles).where(eq(profiles.id, id));
  if (!p) throw notFound('profile');
  if (!canEditProfile(actor, await membershipOf(db, actor?.userId, p.org))) throw forbidden();
  const rows = await db.select().from(profileHistory).where(eq(profileHistory.profileId, id)).orderBy(asc(profileHistory.id));
  return rows.map((h) => ({ id: h.id, at: h.at.toISOString(), actorId: h.actorId, action: h.action, fromStatus: h.fromStatus, toStatus: h.toStatus, comment: h.comment, changes: h.changes }));
}

