// Calendar files: one .ics per meeting and a personal subscription feed behind a secret,
// revocable token (only its hash is stored).
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { calendarFeeds, eventRegistrations, eventSessions, eventSlots, events, meetingParticipants, meetings, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { Deps, RequestContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { t } from '../../platform/i18n.ts';
import { hashToken, newId, newToken } from '../../platform/tokens.ts';
import { isLang, mlText, type Lang } from '../../shared/languages.ts';
import { canSeeMeeting } from './policy.ts';
import { buildCalendar, type IcsEvent } from './ics.ts';
import { placeText } from './place.ts';
import { roomText } from '../../shared/venues.ts';

type Viewer = { userId: string; lang: Lang };

/** Calendar entries of the given meetings as seen by `viewer` (cancelled for them if they withdrew). */
async function meetingEntries(tx: Tx, deps: Pick<Deps, 'config'>, ids: string[], viewer: Viewer): Promise<IcsEvent[]> {
  if (!ids.length) return [];
  const rows = await tx.select({ m: meetings, s: eventSlots, e: events, roomId: eventSessions.roomId }).from(meetings)
    .innerJoin(eventSlots, eq(eventSlots.id, meetings.slotId)).innerJoin(eventSessions, eq(eventSessions.id, eventSlots.sessionId))
    .innerJoin(events, eq(events.id, meetings.eventId)).where(inArray(meetings.id, ids));
  const parts = await tx.select({ p: meetingParticipants, name: users.name, org: users.organisationName }).from(meetingParticipants)
    .innerJoin(users, eq(users.id, meetingParticipants.userId)).where(inArray(meetingParticipants.meetingId, ids));
  const out: IcsEvent[] = [];
  for (const { m, s, e, roomId } of rows) {
    if (!m.published && m.status !== 'cancelled') continue;
    const mine = parts.find((p) => p.p.meetingId === m.id && p.p.userId === viewer.userId);
    const others = parts.filter((p) => p.p.meetingId === m.id && p.p.userId !== viewer.userId && (p.p.isRequester || p.p.response === 'accepted'));
    const names = others.map((p) => (p.org ? `${p.name} (${p.org})` : p.name)).join(', ');
    const cancelled = m.status === 'cancelled' || m.status !== 'scheduled' || mine?.p.response === 'declined';
    // Table, the block's room and venue (in the viewer's language, with the address) and the video link.
    const place = placeText({ venues: e.venues, roomId, tableNo: m.tableNo, videoUrl: m.videoUrl }, viewer.lang, { address: true });
    out.push({
      uid: `meeting-${m.id}@synergy`, sequence: m.icsSequence, stamp: m.updatedAt, start: s.startsAt, end: s.endsAt, tz: e.timezone,
      summary: t(viewer.lang, 'events:ics.meeting', { names }), status: cancelled ? 'CANCELLED' : 'CONFIRMED',
      description: [mlText(e.title, viewer.lang), m.message, m.videoUrl ? t(viewer.lang, 'events:ics.video', { url: m.videoUrl }) : '', `${deps.config.publicUrl}/events/${e.slug}/agenda`].filter(Boolean).join('\n'),
      location: place, url: m.videoUrl,
    });
  }
  return out;
}

export async function meetingIcs(ctx: RequestContext, meetingId: string): Promise<string> {
  const [m] = await ctx.db.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!m) throw notFound('meeting');
  const participantIds = (await ctx.db.select({ u: meetingParticipants.userId }).from(meetingParticipants).where(eq(meetingParticipants.meetingId, m.id))).map((r) => r.u);
  if (!canSeeMeeting(ctx.actor, { participantIds, interpreterUserId: m.interpreterUserId })) throw notFound('meeting');
  const entries = await meetingEntries(ctx.db, ctx, [m.id], { userId: ctx.actor!.userId, lang: ctx.lang });
  if (!entries.length) throw new AppError('meeting_not_accepted');
  return buildCalendar(t(ctx.lang, 'events:ics.calendarName'), entries);
}

/** Everything in a person's calendar: their booked meetings (incl. cancelled ones, to remove them) and the sessions of events they attend. */
export async function personalCalendar(tx: Tx, deps: Pick<Deps, 'config'>, viewer: Viewer): Promise<string> {
  const mine = await tx.selectDistinct({ id: meetings.id }).from(meetings).leftJoin(meetingParticipants, eq(meetingParticipants.meetingId, meetings.id))
    .where(and(isNotNull(meetings.slotId), sql`(${meetingParticipants.userId} = ${viewer.userId} OR ${meetings.interpreterUserId} = ${viewer.userId})`));
  const entries = await meetingEntries(tx, deps, mine.map((r) => r.id), viewer);
  const sessions = await tx.select({ s: eventSessions, e: events }).from(eventSessions).innerJoin(events, eq(events.id, eventSessions.eventId))
    .innerJoin(eventRegistrations, and(eq(eventRegistrations.eventId, events.id), eq(eventRegistrations.userId, viewer.userId), eq(eventRegistrations.status, 'approved')))
    .where(sql`${eventSessions.kind} NOT IN ('meeting_block', 'pause')`);
  for (const { s, e } of sessions) {
    entries.push({
      uid: `session-${s.id}@synergy`, sequence: 0, stamp: s.createdAt, start: s.startsAt, end: s.endsAt, tz: e.timezone,
      summary: `${mlText(s.title, viewer.lang)} — ${mlText(e.title, viewer.lang)}`, status: 'CONFIRMED',
      description: `${deps.config.publicUrl}/events/${e.slug}`, location: roomText(e.venues, s.roomId, viewer.lang, { address: true }) || undefined,
    });
  }
  entries.sort((a, b) => a.start.getTime() - b.start.getTime());
  return buildCalendar(t(viewer.lang, 'events:ics.calendarName'), entries);
}

/** A new feed URL; any previous one stops working. */
export async function createFeed(ctx: RequestContext) {
  const token = newToken();
  await ctx.db.transaction(async (tx) => {
    await tx.update(calendarFeeds).set({ revokedAt: ctx.clock.now() }).where(and(eq(calendarFeeds.userId, ctx.actor!.userId), isNull(calendarFeeds.revokedAt)));
    const id = newId();
    await tx.insert(calendarFeeds).values({ id, userId: ctx.actor!.userId, tokenHash: hashToken(token), createdAt: ctx.clock.now() });
    await audit(tx, ctx, { entityType: 'calendar_feed', entityId: id, action: 'create' });
  });
  return { url: `${ctx.config.publicUrl}/api/calendar/${token}.ics` };
}

export async function revokeFeed(ctx: RequestContext) {
  await ctx.db.transaction(async (tx) => {
    const r = await tx.update(calendarFeeds).set({ revokedAt: ctx.clock.now() }).where(and(eq(calendarFeeds.userId, ctx.actor!.userId), isNull(calendarFeeds.revokedAt))).returning({ id: calendarFeeds.id });
    await audit(tx, ctx, { entityType: 'calendar_feed', entityId: r[0]?.id ?? null, action: 'revoke' });
  });
}

export async function feedStatus(ctx: RequestContext) {
  const [f] = await ctx.db.select().from(calendarFeeds).where(and(eq(calendarFeeds.userId, ctx.actor!.userId), isNull(calendarFeeds.revokedAt)));
  return { active: !!f, createdAt: f?.createdAt.toISOString() ?? null };
}

export async function feedByToken(deps: Deps, token: string): Promise<string> {
  const [f] = await deps.db.select({ userId: calendarFeeds.userId, lang: users.lang, disabledAt: users.disabledAt }).from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId)).where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)));
  if (!f || f.disabledAt) throw notFound('calendar');
  return personalCalendar(deps.db, deps, { userId: f.userId, lang: isLang(f.lang) ? f.lang : 'en' });
}
