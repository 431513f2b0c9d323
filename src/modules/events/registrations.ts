// Registration for an event: approval (automatic or by organisers), capacity and the waiting list,
// unavailability, and the attendee list.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { eventRegistrations, eventSlots, eventUnavailability, users, organisations, organisationMembers, profiles } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, notFound, forbidden } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { newId } from '../../platform/tokens.ts';
import { canManageEvents, canRegister, canSeeAttendees, canViewEvent } from './policy.ts';
import { loadEvent, myRegistration, type EventRow } from './events.ts';
import { notify } from './notify.ts';
import type { registerBody, updateRegistrationBody } from './schema.ts';
import type { Ml } from '../../shared/languages.ts';

async function approvedCount(tx: Tx, eventId: string) {
  const [{ n }] = await tx.select({ n: count() }).from(eventRegistrations).where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'approved')));
  return n;
}

const hasPlace = async (tx: Tx, e: EventRow) => e.capacity == null || (await approvedCount(tx, e.id)) < e.capacity;

/** Fills freed places from the waiting list, oldest first. Runs with the event row locked. */
export async function promoteWaitlist(tx: Tx, ctx: RequestContext, e: EventRow): Promise<string[]> {
  const promoted: string[] = [];
  while (await hasPlace(tx, e)) {
    const [next] = await tx.select().from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, e.id), eq(eventRegistrations.status, 'waitlisted'))).orderBy(asc(eventRegistrations.createdAt)).limit(1);
    if (!next) break;
    await tx.update(eventRegistrations).set({ status: 'approved', decidedAt: ctx.clock.now() }).where(eq(eventRegistrations.id, next.id));
    await audit(tx, ctx, { entityType: 'event_registration', entityId: next.id, action: 'promote' });
    await notify(tx, ctx, { userIds: [next.userId], kind: 'registration_promoted', eventTitle: e.title, link: `/events/${e.slug}` });
    promoted.push(next.id);
  }
  return promoted;
}

/** Profiles a registrant may bring: published ones of the organisation they register with. Anonymous profiles are
 *  refused, since the attendee list shows them next to the person and organisation and would reveal whose they are. */
async function checkProfiles(tx: Tx, orgId: string | null, ids: string[]): Promise<string[]> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return [];
  const ok = orgId ? await tx.select({ id: profiles.id }).from(profiles).where(and(inArray(profiles.id, wanted), eq(profiles.organisationId, orgId),
    eq(profiles.status, 'published'), eq(profiles.anonymous, false))) : [];
  if (ok.length !== wanted.length) throw new AppError('registration_profiles_invalid');
  return wanted;
}

/** Titles, types and areas of the brought profiles that are still published and not anonymous (an expired or archived
 *  one drops off the list); the attendee list filters by what attendees offer or seek and by area. */
async function broughtProfiles(tx: Tx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<string, { id: string; title: Ml; type: string; areas: string[] }>();
  const rows = await tx.select({ id: profiles.id, title: profiles.title, type: profiles.type, areas: profiles.areas }).from(profiles)
    .where(and(inArray(profiles.id, unique), eq(profiles.status, 'published'), eq(profiles.anonymous, false)));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function register(ctx: RequestContext, eventId: string, input: z.output<typeof registerBody>) {
  const actor = ctx.actor!;
  return ctx.db.transaction(async (tx) => {
    // The event row lock serialises registrations of one event, so capacity is never exceeded.
    const e = await loadEvent(tx, eventId, true);
    const existing = await myRegistration(tx, e.id, actor);
    if (!canViewEvent(actor, e, existing)) throw notFound('event');
    if (!canRegister(actor, e, existing, ctx.clock.now())) {
      throw new AppError(existing && existing.status !== 'cancelled' ? 'already_registered' : 'registration_closed');
    }
    let orgId = input.organisationId;
    if (orgId) {
      const [m] = await tx.select().from(organisationMembers).where(and(eq(organisationMembers.organisationId, orgId), eq(organisationMembers.userId, actor.userId)));
      if (!m && !canManageEvents(actor)) throw new AppError('validation_failed', { fields: [{ path: 'organisationId', code: 'not_member' }] });
    } else {
      // Without a choice: the organisation of the profiles brought (if the person belongs to it), else their first one.
      const memberships = (await tx.select({ id: organisationMembers.organisationId }).from(organisationMembers)
        .where(eq(organisationMembers.userId, actor.userId)).orderBy(asc(organisationMembers.createdAt))).map((m) => m.id);
      const [first] = input.profileIds.length ? await tx.select({ org: profiles.organisationId }).from(profiles).where(eq(profiles.id, input.profileIds[0])) : [];
      orgId = first && memberships.includes(first.org) ? first.org : memberships[0] ?? null;
    }
    const profileIds = await checkProfiles(tx, orgId, input.profileIds);
    const [u] = await tx.select({ organisationName: users.organisationName }).from(users).where(eq(users.id, actor.userId));
    const status = e.approvalMode === 'manual' ? 'pending' : (await hasPlace(tx, e)) ? 'approved' : 'waitlisted';
    const row = {
      eventId: e.id, userId: actor.userId, organisationId: orgId, organisationName: input.organisationName || u.organisationName,
      role: input.role, languages: input.languages, needsInterpreter: input.needsInterpreter, profileIds, note: input.note,
      status, createdAt: ctx.clock.now(), decidedAt: status === 'pending' ? null : ctx.clock.now(), decidedBy: null,
    };
    let id: string;
    if (existing) { id = existing.id; await tx.update(eventRegistrations).set(row).where(eq(eventRegistrations.id, id)); }
    else { id = newId(); await tx.insert(eventRegistrations).values({ id, ...row }); }
    await audit(tx, ctx, { entityType: 'event_registration', entityId: id, action: 'register', changes: { eventId: e.id, status, role: input.role, organisationId: orgId, profileIds } });
    if (status === 'waitlisted') await notify(tx, ctx, { userIds: [actor.userId], kind: 'registration_waitlisted', eventTitle: e.title, link: `/events/${e.slug}` });
    return { id, status };
  });
}

/** The registrant changes languages, interpreter need, the profiles brought or the note; organisers are not asked again. */
export async function updateRegistration(ctx: RequestContext, eventId: string, input: z.output<typeof updateRegistrationBody>) {
  return ctx.db.transaction(async (tx) => {
    const e = await loadEvent(tx, eventId);
    const reg = await myRegistration(tx, e.id, ctx.actor);
    if (!reg || reg.status === 'cancelled' || reg.status === 'rejected') throw notFound('registration');
    if (e.endsAt <= ctx.clock.now()) throw new AppError('event_over');
    const profileIds = input.profileIds ? await checkProfiles(tx, reg.organisationId, input.profileIds) : reg.profileIds;
    const set = { ...(input.languages ? { languages: input.languages } : {}), ...(input.needsInterpreter !== undefined ? { needsInterpreter: input.needsInterpreter } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}), profileIds };
    await tx.update(eventRegistrations).set(set).where(eq(eventRegistrations.id, reg.id));
    const changes = Object.fromEntries(Object.entries(set).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify((reg as Record<string, unknown>)[k])));
    await audit(tx, ctx, { entityType: 'event_registration', entityId: reg.id, action: 'update', changes });
    return { id: reg.id, status: reg.status };
  });
}

export async function cancelRegistration(ctx: RequestContext, eventId: string) {
  return ctx.db.transaction(async (tx) => {
    const e = await loadEvent(tx, eventId, true);
    const reg = await myRegistration(tx, e.id, ctx.actor);
    if (!reg || reg.status === 'cancelled') throw notFound('registration');
    await tx.update(eventRegistrations).set({ status: 'cancelled' }).where(eq(eventRegistrations.id, reg.id));
    await audit(tx, ctx, { entityType: 'event_registration', entityId: reg.id, action: 'cancel' });
    const promoted = reg.status === 'approved' ? await promoteWaitlist(tx, ctx, e) : [];
    return { promoted: promoted.length };
  });
}

/** Organisers approve, reject or waitlist; approval beyond capacity puts the person on the waiting list. */
export async function decideRegistration(ctx: RequestContext, registrationId: string, wanted: 'approved' | 'rejected' | 'waitlisted') {
  if (!canManageEvents(ctx.actor)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const [r0] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, registrationId));
    if (!r0) throw notFound('registration');
    const e = await loadEvent(tx, r0.eventId, true);
    const [r] = await tx.select().from(eventRegistrations).where(eq(eventRegistrations.id, registrationId)).for('update');
    const wasApproved = r.status === 'approved';
    const status = wanted === 'approved' && !wasApproved && !(await hasPlace(tx, e)) ? 'waitlisted' : wanted;
    await tx.update(eventRegistrations).set({ status, decidedAt: ctx.clock.now(), decidedBy: ctx.actor!.userId }).where(eq(eventRegistrations.id, r.id));
    await audit(tx, ctx, { entityType: 'event_registration', entityId: r.id, action: 'decide', changes: { status: { from: r.status, to: status } } });
    const kind = status === 'approved' ? 'registration_approved' : status === 'waitlisted' ? 'registration_waitlisted' : 'registration_rejected';
    if (status !== r.status) await notify(tx, ctx, { userIds: [r.userId], kind, eventTitle: e.title, link: `/events/${e.slug}` });
    if (wasApproved && status !== 'approved') await promoteWaitlist(tx, ctx, e);
    return { status };
  });
}

export async function setUnavailability(ctx: RequestContext, eventId: string, slotIds: string[]) {
  return ctx.db.transaction(async (tx) => {
    const e = await loadEvent(tx, eventId);
    const reg = await myRegistration(tx, e.id, ctx.actor);
    if (!reg || reg.status === 'cancelled') throw forbidden();
    const valid = slotIds.length ? await tx.select({ id: eventSlots.id }).from(eventSlots).where(and(eq(eventSlots.eventId, e.id), inArray(eventSlots.id, slotIds))) : [];
    if (valid.length !== new Set(slotIds).size) throw new AppError('validation_failed', { fields: [{ path: 'slotIds', code: 'invalid' }] });
    await tx.delete(eventUnavailability).where(and(eq(eventUnavailability.eventId, e.id), eq(eventUnavailability.userId, ctx.actor!.userId)));
    if (valid.length) await tx.insert(eventUnavailability).values(valid.map((s) => ({ eventId: e.id, userId: ctx.actor!.userId, slotId: s.id })));
    await audit(tx, ctx, { entityType: 'event_registration', entityId: reg.id, action: 'set_unavailability', changes: { slots: valid.length } });
    return { slotIds: valid.map((s) => s.id) };
  });
}

export async function getUnavailability(ctx: RequestContext, eventId: string) {
  const e = await loadEvent(ctx.db, eventId);
  const rows = await ctx.db.select({ slotId: eventUnavailability.slotId }).from(eventUnavailability)
    .where(and(eq(eventUnavailability.eventId, e.id), eq(eventUnavailability.userId, ctx.actor!.userId)));
  return { slotIds: rows.map((r) => r.slotId) };
}

/** Approved participants see each other (no emails); organisers see every registration with status and email. */
export async function listRegistrations(ctx: RequestContext, eventId: string) {
  const e = await loadEvent(ctx.db, eventId);
  const mine = await myRegistration(ctx.db, e.id, ctx.actor);
  if (!canViewEvent(ctx.actor, e, mine)) throw notFound('event');
  if (!canSeeAttendees(ctx.actor, mine)) throw forbidden();
  const organiser = canManageEvents(ctx.actor);
  const rows = await ctx.db.select({ r: eventRegistrations, name: users.name, email: users.email, country: users.country, timezone: users.timezone, orgType: organisations.type })
    .from(eventRegistrations).innerJoin(users, eq(users.id, eventRegistrations.userId)).leftJoin(organisations, eq(organisations.id, eventRegistrations.organisationId))
    .where(organiser ? eq(eventRegistrations.eventId, e.id) : and(eq(eventRegistrations.eventId, e.id), eq(eventRegistrations.status, 'approved')))
    .orderBy(asc(eventRegistrations.createdAt));
  const brought = await broughtProfiles(ctx.db, rows.flatMap(({ r }) => r.profileIds));
  return rows.map(({ r, ...u }) => ({
    id: r.id, userId: r.userId, name: u.name, organisationName: r.organisationName, organisationId: r.organisationId, country: u.country, timezone: u.timezone,
    role: r.role, status: r.status, languages: r.languages, needsInterpreter: r.needsInterpreter, profileIds: r.profileIds,
    createdAt: r.createdAt.toISOString(), orgType: u.orgType ?? null, ...(organiser ? { email: u.email } : {}),
    profiles: r.profileIds.flatMap((id) => brought.get(id) ?? []),
  }));
}
