// Events and their agenda: organisers' writes and everyone's reads.
import { and, asc, eq, inArray, ne, sql, count } from 'drizzle-orm';
import type { z } from 'zod';
import { events, eventOrganisers, eventSessions, eventSlots, eventRegistrations, organisations, meetings } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError, notFound, forbidden } from '../../platform/errors.ts';
import { audit, diff } from '../../platform/audit.ts';
import { newId } from '../../platform/tokens.ts';
import { isUniqueViolation } from '../../platform/db-errors.ts';
import { zonedToUtc } from '../../shared/time.ts';
import { canManageEvents, canViewEvent, registrationOpen } from './policy.ts';
import { generateSlots } from './slots.ts';
import type { eventBody, sessionBody } from './schema.ts';

type EventInput = z.output<typeof eventBody>;
type SessionInput = z.output<typeof sessionBody>;
export type EventRow = typeof events.$inferSelect;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The cover's URL carries the file id, so a replaced cover is fetched anew despite caching. */
export const coverUrl = (e: Pick<EventRow, 'id' | 'coverFileId'>) => (e.coverFileId ? `/api/events/${e.id}/cover?v=${e.coverFileId}` : null);

function eventColumns(input: EventInput) {
  const at = (local: string | null) => (local ? zonedToUtc(local, input.timezone) : null);
  const startsAt = zonedToUtc(input.startsLocal, input.timezone);
  const endsAt = zonedToUtc(input.endsLocal, input.timezone);
  if (endsAt <= startsAt) throw new AppError('validation_failed', { fields: [{ path: 'endsLocal', code: 'invalid' }] });
  if (input.videoProvider === 'link' && !input.videoLink && !input.venues.some((v) => v.rooms.some((r) => r.videoUrl))) {
    throw new AppError('validation_failed', { fields: [{ path: 'videoLink', code: 'required' }] });
  }
  const { startsLocal: _s, endsLocal: _e, registrationOpensLocal: ro, registrationClosesLocal: rc, organiserIds: _o, ...rest } = input;
  return { ...rest, startsAt, endsAt, registrationOpensAt: at(ro), registrationClosesAt: at(rc) };
}

export async function loadEvent(tx: Tx, idOrSlug: string, lock = false): Promise<EventRow> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrSlug);
  const q = tx.select().from(events).where(isUuid ? eq(events.id, idOrSlug) : eq(events.slug, idOrSlug));
  const [e] = lock ? await q.for('update') : await q;
  if (!e) throw notFound('event');
  return e;
}

async function setOrganisers(tx: Tx, eventId: string, ids: string[]) {
  await tx.delete(eventOrganisers).where(eq(eventOrganisers.eventId, eventId));
  if (ids.length) await tx.insert(eventOrganisers).values([...new Set(ids)].map((organisationId) => ({ eventId, organisationId, role: 'organiser' })));
}

export async function createEvent(ctx: RequestContext, input: EventInput) {
  if (!canManageEvents(ctx.actor)) throw forbidden();
  const now = ctx.clock.now();
  const id = newId();
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.insert(events).values({ id, ...eventColumns(input), createdBy: ctx.actor!.userId, createdAt: now, updatedAt: now });
      await setOrganisers(tx, id, input.organiserIds);
      await audit(tx, ctx, { entityType: 'event', entityId: id, action: 'create', changes: { slug: input.slug, title: input.title } });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'events_slug_uq')) throw new AppError('event_slug_taken', { fields: [{ path: 'slug', code: 'taken' }] });
    throw e;
  }
  return { id };
}

export async function updateEvent(ctx: RequestContext, id: string, input: EventInput) {
  if (!canManageEvents(ctx.actor)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const before = await loadEvent(tx, id, true);
    const cols = eventColumns(input);
    await tx.update(events).set({ ...cols, updatedAt: ctx.clock.now() }).where(eq(events.id, before.id));
    await setOrganisers(tx, before.id, input.organiserIds);
    const changes = diff(before as unknown as Record<string, unknown>, cols as unknown as Record<string, unknown>);
    await audit(tx, ctx, { entityType: 'event', entityId: before.id, action: 'update', changes });
  });
}

function sessionColumns(e: EventRow, input: SessionInput) {
  const startsAt = zonedToUtc(input.startsLocal, e.timezone);
  const endsAt = zonedToUtc(input.endsLocal, e.timezone);
  if (endsAt <= startsAt) throw new AppError('validation_failed', { fields: [{ path: 'endsLocal', code: 'invalid' }] });
  if (input.kind === 'meeting_block' && !input.slotMinutes) throw new AppError('validation_failed', { fields: [{ path: 'slotMinutes', code: 'required' }] });
  const { startsLocal: _s, endsLocal: _e, ...rest } = input;
  return { ...rest, startsAt, endsAt };
}

async function writeSlots(tx: Tx, e: EventRow, sessionId: string, cols: ReturnType<typeof sessionColumns>) {
  // Slots in use by meetings stay (their meetings would lose their time); others are regenerated.
  const used = await tx.select({ id: eventSlots.id }).from(eventSlots).innerJoin(meetings, eq(meetings.slotId, eventSlots.id))
    .where(and(eq(eventSlots.sessionId, sessionId), inArray(meetings.status, ['scheduled'])));
  if (used.length) throw new AppError('block_has_meetings');
  await tx.delete(eventSlots).where(eq(eventSlots.sessionId, sessionId));
  if (cols.kind !== 'meeting_block') return;
  const slots = generateSlots(cols.startsAt, cols.endsAt, cols.slotMinutes!, cols.pauseMinutes ?? 0);
  if (slots.length) await tx.insert(eventSlots).values(slots.map((s) => ({ id: newId(), eventId: e.id, sessionId, ...s })));
}

export async function addSession(ctx: RequestContext, eventId: string, input: SessionInput) {
  if (!canManageEvents(ctx.actor)) throw forbidden();
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const e = await loadEvent(tx, eventId, true);
    const cols = sessionColumns(e, input);
    await tx.insert(eventSessions).values({ id, eventId: e.id, ...cols, createdAt: ctx.clock.now() });
    await writeSlots(tx, e, id, cols);
    await audit(tx, ctx, { entityType: 'event_session', entityId: id, action: 'create', changes: { eventId: e.id, kind: input.kind } });
  });
  return { id };
}

export async function updateSession(ctx: RequestContext, sessionId: string, input: SessionInput) {
  if (!canManageEvents(ctx.actor)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const [s] = await tx.select().from(eventSessions).where(eq(eventSessions.id, sessionId)).for('update');
    if (!s) throw notFound('session');
    const e = await loadEvent(tx, s.eventId, true);
    const cols = sessionColumns(e, input);
    await tx.update(eventSessions).set(cols).where(eq(eventSessions.id, sessionId));
    const timing = ['startsAt', 'endsAt', 'slotMinutes', 'pauseMinutes', 'kind'] as const;
    if (timing.some((k) => String(s[k]) !== String(cols[k]))) await writeSlots(tx, e, sessionId, cols);
    await audit(tx, ctx, { entityType: 'event_session', entityId: sessionId, action: 'update', changes: diff(s as never, cols as never) });
  });
}

export async function deleteSession(ctx: RequestContext, sessionId: string) {
  if (!canManageEvents(ctx.actor)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const [s] = await tx.select().from(eventSessions).where(eq(eventSessions.id, sessionId)).for('update');
    if (!s) throw notFound('session');
    const e = await loadEvent(tx, s.eventId, true);
    await writeSlots(tx, e, sessionId, { ...s, kind: 'pause' } as never);
    await tx.delete(eventSessions).where(eq(eventSessions.id, sessionId));
    await audit(tx, ctx, { entityType: 'event_session', entityId: sessionId, action: 'delete' });
  });
}

// ---- reads

export async function myRegistration(tx: Tx, eventId: string, actor: Actor | null) {
  if (!actor) return null;
  const [r] = await tx.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, actor.userId)));
  return r ?? null;
}

export async function presentEvent(tx: Tx, e: EventRow, actor: Actor | null, now: Date) {
  const orgs = await tx.select({ id: organisations.id, name: organisations.name, country: organisations.country, role: eventOrganisers.role })
    .from(eventOrganisers).innerJoin(organisations, eq(organisations.id, eventOrganisers.organisationId)).where(eq(eventOrganisers.eventId, e.id));
  const [{ n }] = await tx.select({ n: count() }).from(eventRegistrations).where(and(eq(eventRegistrations.eventId, e.id), eq(eventRegistrations.status, 'approved')));
  const reg = await myRegistration(tx, e.id, actor);
  return {
    id: e.id, slug: e.slug, title: e.title, description: e.description, format: e.format, timezone: e.timezone,
    startsAt: e.startsAt.toISOString(), endsAt: e.endsAt.toISOString(), venues: e.venues, coverFileId: e.coverFileId,
    coverUrl: coverUrl(e),
    visibility: e.visibility, status: e.status, registrationOpensAt: iso(e.registrationOpensAt), registrationClosesAt: iso(e.registrationClosesAt),
    capacity: e.capacity, approvalMode: e.approvalMode, bookingMode: e.bookingMode, maxMeetingsPerParticipant: e.maxMeetingsPerParticipant,
    requestsNeedAcceptance: e.requestsNeedAcceptance, requestExpiryHours: e.requestExpiryHours, reminderMinutes: e.reminderMinutes,
    videoProvider: e.videoProvider, videoLink: canManageEvents(actor) ? e.videoLink : null, followUpUrl: e.followUpUrl, scheduleVersion: e.scheduleVersion,
    organisers: orgs, registrationOpen: registrationOpen(e, now), approvedCount: n,
    myRegistration: reg ? { id: reg.id, status: reg.status, role: reg.role, organisationId: reg.organisationId, languages: reg.languages,
      needsInterpreter: reg.needsInterpreter, profileIds: reg.profileIds, note: reg.note } : null,
    canManage: canManageEvents(actor),
  };
}

export async function getEvent(ctx: RequestContext, idOrSlug: string) {
  const e = await loadEvent(ctx.db, idOrSlug);
  const reg = await myRegistration(ctx.db, e.id, ctx.actor);
  // Hidden events answer 404, so their existence is not revealed.
  if (!canViewEvent(ctx.actor, e, reg)) throw notFound('event');
  return presentEvent(ctx.db, e, ctx.actor, ctx.clock.now());
}

export async function listEvents(ctx: RequestContext) {
  const rows = await ctx.db.select().from(events).where(canManageEvents(ctx.actor) ? sql`true` : ne(events.status, 'draft')).orderBy(sql`${events.startsAt} DESC`);
  const out = [];
  for (const e of rows) {
    const reg = await myRegistration(ctx.db, e.id, ctx.actor);
    if (canViewEvent(ctx.actor, e, reg)) out.push(await presentEvent(ctx.db, e, ctx.actor, ctx.clock.now()));
  }
  return out;
}

export async function getAgenda(ctx: RequestContext, idOrSlug: string) {
  const e = await loadEvent(ctx.db, idOrSlug);
  if (!canViewEvent(ctx.actor, e, await myRegistration(ctx.db, e.id, ctx.actor))) throw notFound('event');
  const sessions = await ctx.db.select().from(eventSessions).where(eq(eventSessions.eventId, e.id)).orderBy(asc(eventSessions.startsAt));
  const slots = await ctx.db.select().from(eventSlots).where(eq(eventSlots.eventId, e.id)).orderBy(asc(eventSlots.startsAt));
  return sessions.map((s) => ({
    id: s.id, kind: s.kind, title: s.title, description: s.description, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(),
    roomId: s.roomId, topic: s.topic, moderator: s.moderator, speakers: s.speakers, minutes: s.minutes, minutesFileId: s.minutesFileId,
    slotMinutes: s.slotMinutes, pauseMinutes: s.pauseMinutes, tables: s.tables,
    slots: slots.filter((x) => x.sessionId === s.id).map((x) => ({ id: x.id, seq: x.seq, startsAt: x.startsAt.toISOString(), endsAt: x.endsAt.toISOString() })),
  }));
}
