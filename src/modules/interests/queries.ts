import { asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { conversationMessages, expressionsOfInterest, organisationContacts, organisations, profiles, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { myOrganisationIds, presentOrgSummary } from '../directory/queries.ts';
import { canReadInterest, contactsExchanged } from './policy.ts';
import { sideOf } from './commands.ts';

const fromOrg = alias(organisations, 'from_org');
const ownerOrg = alias(organisations, 'owner_org');

export async function listInterests(db: Tx, actor: Actor, box: 'received' | 'sent' | 'all') {
  const mine = await myOrganisationIds(db, actor.userId);
  if (!mine.length) return [];
  const cond = box === 'received' ? inArray(profiles.organisationId, mine)
    : box === 'sent' ? inArray(expressionsOfInterest.fromOrganisationId, mine)
      : or(inArray(profiles.organisationId, mine), inArray(expressionsOfInterest.fromOrganisationId, mine));
  const rows = await db.select({ e: expressionsOfInterest, title: profiles.title, type: profiles.type, anonymous: profiles.anonymous, from: fromOrg, owner: ownerOrg,
    messages: sql<number>`(SELECT count(*)::int FROM conversation_messages m WHERE m.eoi_id = ${expressionsOfInterest.id})` })
    .from(expressionsOfInterest).innerJoin(profiles, eq(profiles.id, expressionsOfInterest.profileId))
    .innerJoin(fromOrg, eq(fromOrg.id, expressionsOfInterest.fromOrganisationId)).innerJoin(ownerOrg, eq(ownerOrg.id, profiles.organisationId))
    .where(cond).orderBy(desc(expressionsOfInterest.createdAt));
  return rows.map((r) => {
    const received = mine.includes(r.owner.id);
    const showOwner = received || !r.anonymous || r.e.status === 'accepted';
    return {
      id: r.e.id, profileId: r.e.profileId, profileTitle: r.title, profileType: r.type, status: r.e.status, direction: received ? 'received' : 'sent',
      message: r.e.message, createdAt: r.e.createdAt.toISOString(), respondedAt: r.e.respondedAt?.toISOString() ?? null, messages: r.messages,
      fromOrganisation: presentOrgSummary(r.from), profileOrganisation: showOwner ? presentOrgSummary(r.owner) : null,
    };
  });
}

async function contactsOf(db: Tx, orgId: string) {
  // After acceptance both sides see each other's public, registered and after-EoI contacts.
  return (await db.select().from(organisationContacts).where(eq(organisationContacts.organisationId, orgId)).orderBy(asc(organisationContacts.sort)))
    .map((c) => ({ id: c.id, name: c.name, position: c.position, email: c.email, phone: c.phone, visibility: c.visibility }));
}

/**
 * One expression with its conversation. `ctx` is needed to audit a read by staff who are on neither
 * side: organisers may read private conversations (abuse moderation), and each such read is logged.
 */
export async function getInterest(db: Tx, actor: Actor, id: string, ctx?: Pick<RequestContext, 'clock' | 'actor' | 'ip' | 'requestId'>) {
  const [r] = await db.select({ e: expressionsOfInterest, p: profiles, from: fromOrg, owner: ownerOrg, sender: { name: users.name, email: users.email } })
    .from(expressionsOfInterest).innerJoin(profiles, eq(profiles.id, expressionsOfInterest.profileId))
    .innerJoin(fromOrg, eq(fromOrg.id, expressionsOfInterest.fromOrganisationId)).innerJoin(ownerOrg, eq(ownerOrg.id, profiles.organisationId))
    .innerJoin(users, eq(users.id, expressionsOfInterest.fromUserId)).where(eq(expressionsOfInterest.id, id));
  if (!r) throw notFound('interest');
  const side = await sideOf(db, actor.userId, { fromOrganisationId: r.e.fromOrganisationId, profileOrgId: r.p.organisationId });
  if (!canReadInterest(actor, side)) throw forbidden();
  if (!side.sender && !side.owner && ctx) {
    await audit(db, ctx, { entityType: 'interest', entityId: id, action: 'staff_read', changes: { profileId: r.e.profileId, roles: actor.roles } });
  }
  const exchanged = contactsExchanged(r.e.status);
  const showOwner = side.owner || !r.p.anonymous || exchanged;
  const messages = await db.select({ id: conversationMessages.id, body: conversationMessages.body, createdAt: conversationMessages.createdAt, authorName: users.name,
    authorOrganisationId: conversationMessages.authorOrganisationId }).from(conversationMessages)
    .innerJoin(users, eq(users.id, conversationMessages.authorId)).where(eq(conversationMessages.eoiId, id)).orderBy(asc(conversationMessages.createdAt), asc(conversationMessages.id));
  const responder = r.e.respondedBy ? (await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, r.e.respondedBy)))[0] : null;
  return {
    id: r.e.id, status: r.e.status, message: r.e.message, responseNote: r.e.responseNote, createdAt: r.e.createdAt.toISOString(),
    respondedAt: r.e.respondedAt?.toISOString() ?? null, direction: side.owner ? 'received' : side.sender ? 'sent' : 'observer',
    profile: { id: r.p.id, title: r.p.title, type: r.p.type, status: r.p.status },
    fromOrganisation: presentOrgSummary(r.from), profileOrganisation: showOwner ? presentOrgSummary(r.owner) : null,
    sender: side.owner && !exchanged ? { name: r.sender.name, email: null } : { name: r.sender.name, email: exchanged || side.sender ? r.sender.email : null },
    responder: exchanged && responder ? responder : null,
    contacts: exchanged ? { from: await contactsOf(db, r.from.id), owner: await contactsOf(db, r.owner.id) } : null,
    messages: messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), mine: side.sender ? m.authorOrganisationId === r.from.id : m.authorOrganisationId === r.owner.id })),
    canRespond: side.owner && r.e.status === 'open', canWithdraw: side.sender && r.e.status === 'open', canMessage: (side.owner || side.sender) && exchanged,
  };
}
