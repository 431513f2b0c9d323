// Applications: start one (blank or from a partnership), the consortium's people (invitations by link or
// from the directory), and the lists (mine; a call's for staff and officers).
import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { applicationHalves, applicationInvitations, applicationMembers, applications, applicationSections, callFunders, calls, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { hashToken, newId, newToken } from '../../platform/tokens.ts';
import { myOrganisations } from '../directory/queries.ts';
import { callsError } from './errors.ts';
import { canInvite, canListCallApplications, canStartApplication, SIDES, type Side } from './policy.ts';
import { halvesOf, loadApplication, loadCall, membershipOf, officerScope } from './facts.ts';
import { emptySection, sectionsOf, type Sections } from './sections.ts';
import { resolveOrigin, type OriginInput, type Partnership } from './origins.ts';
import { notifyCall } from './notify.ts';

const INVITATION_DAYS = 30;

/** Creates the joint project, its two halves (one per funder of the call) and their sections. */
export async function createApplication(ctx: RequestContext, callId: string, input: { side?: Side; organisationId?: string; origin?: OriginInput }) {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  const c = await loadCall(ctx.db, callId);
  if (!canStartApplication(actor, c, now)) throw callsError('call_not_open');
  const partnership: Partnership = input.origin ? await resolveOrigin(ctx, input.origin) : { organisations: [], people: [], data: {} };
  const mine = await myOrganisations(ctx.db, actor.userId);
  const myOrg = (input.organisationId ? mine.find((o) => o.id === input.organisationId) : undefined)
    ?? mine.find((o) => partnership.organisations.some((p) => p.id === o.id))
    ?? mine.find((o) => !input.side || o.country === input.side);
  if (input.organisationId && !mine.some((o) => o.id === input.organisationId)) throw forbidden();
  const side = (input.side ?? myOrg?.country) as Side | undefined;
  if (!side || !SIDES.includes(side)) throw callsError('side_not_in_call', { fields: [{ path: 'side', code: 'required' }] });
  const orgs = [...partnership.organisations];
  if (myOrg && myOrg.country === side && !orgs.some((o) => o.id === myOrg.id)) orgs.push({ id: myOrg.id, side });
  const consortium: Sections['consortium'] = {
    organisations: orgs.map((o, i) => ({ organisationId: o.id, side: o.side, role: orgs.findIndex((x) => x.side === o.side) === i ? 'lead' : 'partner' })),
    pis: {
      BY: { userId: side === 'BY' ? actor.userId : null, name: side === 'BY' ? actor.name : partnership.people.find((p) => p.side === 'BY')?.name ?? '' },
      CN: { userId: side === 'CN' ? actor.userId : null, name: side === 'CN' ? actor.name : partnership.people.find((p) => p.side === 'CN')?.name ?? '' },
    },
  };
  const id = newId();
  const added: string[] = [];
  await ctx.db.transaction(async (tx) => {
    const locked = await loadCall(tx, callId, true); // serialises reference numbers of one call
    const funders = await tx.select().from(callFunders).where(eq(callFunders.callId, callId));
    if (!funders.some((f) => f.side === side)) throw callsError('side_not_in_call');
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(applications).where(eq(applications.callId, callId));
    const reference = `${locked.slug.toUpperCase().slice(0, 24)}-${String(n + 1).padStart(4, '0')}`;
    await tx.insert(applications).values({
      id, callId, reference, originKind: input.origin?.kind ?? null, originId: input.origin?.id ?? null, originData: partnership.data,
      createdBy: actor.userId, createdAt: now, updatedAt: now,
    });
    for (const f of funders) {
      const halfId = newId();
      await tx.insert(applicationHalves).values({ id: halfId, applicationId: id, side: f.side, funderId: f.funderId, status: 'draft', updatedAt: now });
      for (const key of sectionsOf(f.side as Side)) {
        const content = key === 'consortium' ? consortium : emptySection(key);
        await tx.insert(applicationSections).values({ halfId, key, content: content as Record<string, unknown>, version: 0, updatedAt: now });
      }
    }
    await tx.insert(applicationMembers).values({ applicationId: id, userId: actor.userId, side, role: 'editor', organisationId: myOrg?.id ?? null, createdAt: now });
    // People of the partnership with an account join their side as editors; the others get an invitation by mail.
    for (const p of partnership.people) {
      if (p.userId === actor.userId || !funders.some((f) => f.side === p.side)) continue;
      const userId = p.userId ?? (p.email ? (await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${p.email.toLowerCase()}`))[0]?.id : undefined);
      if (userId && userId !== actor.userId) {
        const org = orgs.find((o) => o.side === p.side)?.id ?? null;
        const r = await tx.insert(applicationMembers).values({ applicationId: id, userId, side: p.side, role: 'editor', organisationId: org, createdAt: now }).onConflictDoNothing().returning();
        if (r.length) added.push(userId);
      }
    }
    await audit(tx, ctx, { entityType: 'application', entityId: id, action: 'create', changes: { callId, side, reference, origin: input.origin ?? null } });
    if (added.length) {
      await notifyCall(tx, ctx, { userIds: added, kind: 'added', link: `/applications/${id}`, callTitle: locked.title, reference, closesAt: locked.closesAt, callTimezone: locked.timezone, extra: { by: actor.name } });
    }
  });
  return { id };
}

/** Invites a person by mail (a link with a token) or from the directory (by account). */
export async function invite(ctx: RequestContext, applicationId: string, input: { side: Side; role: 'editor' | 'viewer'; email?: string; userId?: string; organisationId?: string }) {
  const { app, call } = await loadApplication(ctx.db, applicationId);
  if (!canInvite(ctx.actor, await membershipOf(ctx.db, ctx.actor, applicationId))) throw forbidden();
  const token = newToken();
  const id = newId(), now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    let userId = input.userId ?? null;
    let email = input.email ?? null;
    if (userId) {
      const [u] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
      if (!u) throw notFound('user');
      email ??= u.email;
    } else if (email) {
      userId = (await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`))[0]?.id ?? null;
    }
    if (userId) {
      const [m] = await tx.select().from(applicationMembers).where(and(eq(applicationMembers.applicationId, applicationId), eq(applicationMembers.userId, userId)));
      if (m) throw callsError('already_member');
    }
    await tx.insert(applicationInvitations).values({
      id, applicationId, side: input.side, role: input.role, email, userId, organisationId: input.organisationId ?? null, tokenHash: hashToken(token),
      invitedBy: ctx.actor!.userId, createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86400_000),
    });
    await audit(tx, ctx, { entityType: 'application', entityId: applicationId, action: 'invite', changes: { side: input.side, role: input.role, email, userId } });
    if (userId) {
      await notifyCall(tx, ctx, { userIds: [userId], kind: 'invited', link: `/applications/join?token=${token}`, callTitle: call.title, reference: app.reference, closesAt: call.closesAt, callTimezone: call.timezone, extra: { by: ctx.actor!.name } });
    }
  });
  return { id, link: `${ctx.config.publicUrl}/applications/join?token=${token}` };
}

export async function acceptInvitation(ctx: RequestContext, token: string) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [inv] = await tx.select().from(applicationInvitations)
      .where(and(eq(applicationInvitations.tokenHash, hashToken(token)), isNull(applicationInvitations.acceptedAt), isNull(applicationInvitations.revokedAt), gt(applicationInvitations.expiresAt, now)))
      .for('update');
    if (!inv) throw callsError('invitation_invalid');
    if (inv.userId && inv.userId !== ctx.actor!.userId) throw callsError('invitation_invalid');
    const r = await tx.insert(applicationMembers).values({
      applicationId: inv.applicationId, userId: ctx.actor!.userId, side: inv.side, role: inv.role, organisationId: inv.organisationId, createdAt: now,
    }).onConflictDoNothing().returning();
    if (!r.length) throw callsError('already_member');
    await tx.update(applicationInvitations).set({ acceptedAt: now, acceptedBy: ctx.actor!.userId }).where(eq(applicationInvitations.id, inv.id));
    await audit(tx, ctx, { entityType: 'application', entityId: inv.applicationId, action: 'join', changes: { side: inv.side, role: inv.role } });
    return { id: inv.applicationId };
  });
}

async function summaries(db: Tx, appIds: string[], actor: Actor | null) {
  if (!appIds.length) return [];
  const rows = await db.select({ a: applications, title: calls.title, closesAt: calls.closesAt }).from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId)).where(inArray(applications.id, appIds)).orderBy(desc(applications.createdAt));
  const halves = await halvesOf(db, appIds);
  const titles = await db.select({ halfId: applicationSections.halfId, content: applicationSections.content }).from(applicationSections)
    .where(and(inArray(applicationSections.halfId, halves.map((h) => h.id)), eq(applicationSections.key, 'title')));
  const members = actor ? await db.select().from(applicationMembers).where(and(inArray(applicationMembers.applicationId, appIds), eq(applicationMembers.userId, actor.userId))) : [];
  return rows.map(({ a, title, closesAt }) => {
    const hs = halves.filter((h) => h.applicationId === a.id).sort((x, y) => x.side.localeCompare(y.side));
    const m = members.find((x) => x.applicationId === a.id);
    const t = hs.map((h) => (titles.find((x) => x.halfId === h.id)?.content as { title?: Record<string, string> } | undefined)?.title ?? {});
    return {
      id: a.id, reference: a.reference, callId: a.callId, callTitle: title, closesAt: closesAt.toISOString(),
      title: Object.assign({}, ...t.reverse()), halves: hs.map((h) => ({ side: h.side, status: h.status, submittedVersion: h.submittedVersion })),
      myRole: m?.role ?? null, mySide: m?.side ?? null,
    };
  });
}

/** Applications the actor is a member of (applicants see only their own). */
export async function myApplications(db: Tx, actor: Actor) {
  const ids = (await db.select({ id: applicationMembers.applicationId }).from(applicationMembers).where(eq(applicationMembers.userId, actor.userId))).map((r) => r.id);
  return summaries(db, ids, actor);
}

/** All applications of a call: staff and the call's funders' officers. */
export async function callApplications(db: Tx, actor: Actor, callId: string) {
  await loadCall(db, callId);
  if (!canListCallApplications(actor, await officerScope(db, actor, callId))) throw forbidden();
  const ids = (await db.select({ id: applications.id }).from(applications).where(eq(applications.callId, callId)).orderBy(asc(applications.reference))).map((r) => r.id);
  return summaries(db, ids, actor);
}

