// Organisers' view of an event: statistics, CSV/XLSX export and the schedule per table or room.
import { and, eq, inArray } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { csvSafeRows } from '../../platform/csv-safety.ts';
import { eventRegistrations, eventSessions, eventSlots, meetingOutcomes, meetings, organisations, users } from '../../db/schema/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { mlText } from '../../shared/languages.ts';
import { utcToZoned } from '../../shared/time.ts';
import { canManageEvents } from './policy.ts';
import { loadEvent } from './events.ts';
import { presentMeetings } from './meeting-queries.ts';

const tally = (keys: string[]) => keys.reduce<Record<string, number>>((a, k) => { a[k] = (a[k] ?? 0) + 1; return a; }, {});

export async function eventStats(ctx: RequestContext, eventId: string) {
  if (!canManageEvents(ctx.actor)) throw forbidden();
  const e = await loadEvent(ctx.db, eventId);
  const regs = await ctx.db.select({ status: eventRegistrations.status, country: users.country, orgType: organisations.type, role: eventRegistrations.role })
    .from(eventRegistrations).innerJoin(users, eq(users.id, eventRegistrations.userId)).leftJoin(organisations, eq(organisations.id, eventRegistrations.organisationId))
    .where(eq(eventRegistrations.eventId, e.id));
  const approved = regs.filter((r) => r.status === 'approved');
  const ms = await ctx.db.select({ id: meetings.id, status: meetings.status, kind: meetings.kind, startsAt: eventSlots.startsAt }).from(meetings)
    .leftJoin(eventSlots, eq(eventSlots.id, meetings.slotId)).where(eq(meetings.eventId, e.id));
  const outcomes = ms.length ? await ctx.db.select().from(meetingOutcomes).where(inArray(meetingOutcomes.meetingId, ms.map((m) => m.id))) : [];
  const byMeeting = new Map<string, typeof outcomes>();
  for (const o of outcomes) byMeeting.set(o.meetingId, [...(byMeeting.get(o.meetingId) ?? []), o]);
  const held = [...byMeeting.entries()].filter(([, os]) => os.some((o) => o.attendance === 'took_place')).length;
  const noShows = [...byMeeting.values()].filter((os) => os.every((o) => o.attendance === 'no_show')).length;
  // Outcome kinds per meeting (both sides naming the same kind count once).
  const outcomeKinds: Record<string, number> = {};
  for (const os of byMeeting.values()) for (const k of new Set(os.flatMap((o) => o.outcomes))) outcomeKinds[k] = (outcomeKinds[k] ?? 0) + 1;
  const was = (statuses: string[]) => ms.filter((m) => statuses.includes(m.status)).length;
  return {
    registrations: { total: regs.length, byStatus: tally(regs.map((r) => r.status)), byCountry: tally(approved.map((r) => r.country)),
      byOrgType: tally(approved.map((r) => r.orgType ?? 'unknown')), byRole: tally(approved.map((r) => r.role)) },
    requests: { sent: ms.length, pending: was(['requested']), accepted: was(['accepted', 'scheduled']), declined: was(['declined']), expired: was(['expired']), cancelled: was(['cancelled']) },
    meetings: { scheduled: was(['scheduled']), group: ms.filter((m) => m.kind === 'group' && m.status === 'scheduled').length, held, noShows, withOutcome: byMeeting.size },
    outcomes: outcomeKinds,
  };
}

/** One row per meeting, times in the event's zone. */
async function exportRows(ctx: RequestContext, eventId: string) {
  if (!canManageEvents(ctx.actor)) throw forbidden();
  const e = await loadEvent(ctx.db, eventId);
  const ids = (await ctx.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.eventId, e.id))).map((r) => r.id);
  const list = await presentMeetings(ctx.db, ids, null);
  const outcomes = ids.length ? await ctx.db.select().from(meetingOutcomes).where(inArray(meetingOutcomes.meetingId, ids)) : [];
  const L = ctx.lang;
  const header = ['id', 'status', 'kind', 'priority', `start (${e.timezone})`, `end (${e.timezone})`, 'table', 'video', 'participants', 'organisations', 'countries', 'attendance', 'outcomes', 'notes']
    .map((h) => (h.startsWith('start') || h.startsWith('end') ? h : t(L, `events:export.${h}`)));
  const rows = list.map((m) => {
    const os = outcomes.filter((o) => o.meetingId === m.id);
    return [m.id, t(L, `events:meetingStatus.${m.status}`), t(L, `events:meetingKind.${m.kind}`), t(L, `events:priority.${m.priority}`),
      m.startsAt ? utcToZoned(m.startsAt, e.timezone).replace('T', ' ') : '', m.endsAt ? utcToZoned(m.endsAt, e.timezone).replace('T', ' ') : '',
      m.tableNo ?? '', m.videoUrl ?? '', m.participants.map((p) => p.name).join('; '), m.participants.map((p) => p.organisationName).join('; '),
      m.participants.map((p) => p.country).join('; '), os.map((o) => t(L, `events:attendance.${o.attendance}`)).join('; '),
      [...new Set(os.flatMap((o) => o.outcomes))].map((k) => t(L, `events:outcome.${k}`)).join('; '), os.map((o) => o.note).filter(Boolean).join(' | ')];
  });
  return { e, header, rows };
}

export async function exportCsv(ctx: RequestContext, eventId: string): Promise<string> {
  const { header, rows } = await exportRows(ctx, eventId);
  // BOM so spreadsheet programs open Cyrillic and Chinese text as UTF-8.
  return '\ufeff' + stringify(csvSafeRows([header, ...rows]));
}

export async function exportXlsx(ctx: RequestContext, eventId: string): Promise<Buffer> {
  const { e, header, rows } = await exportRows(ctx, eventId);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Synergy';
  const ws = wb.addWorksheet(t(ctx.lang, 'events:export.meetingsSheet'));
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c) => { c.width = 22; });
  const stats = await eventStats(ctx, e.id);
  const s2 = wb.addWorksheet(t(ctx.lang, 'events:export.statsSheet'));
  s2.addRow([mlText(e.title, ctx.lang)]).font = { bold: true };
  for (const [group, values] of Object.entries(stats)) {
    for (const [k, v] of Object.entries(values as Record<string, unknown>)) {
      if (typeof v === 'object' && v) for (const [k2, v2] of Object.entries(v)) s2.addRow([group, k, k2, v2]);
      else s2.addRow([group, k, '', v]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Scheduled meetings with their place, for printing per table (on site) or per room (online). */
export async function schedule(ctx: RequestContext, eventId: string) {
  if (!canManageEvents(ctx.actor)) throw forbidden();
  const e = await loadEvent(ctx.db, eventId);
  const ids = (await ctx.db.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.eventId, e.id), eq(meetings.status, 'scheduled')))).map((r) => r.id);
  const list = await presentMeetings(ctx.db, ids, null);
  const blocks = await ctx.db.select({ slotId: eventSlots.id, roomId: eventSessions.roomId }).from(eventSlots).innerJoin(eventSessions, eq(eventSessions.id, eventSlots.sessionId)).where(eq(eventSlots.eventId, e.id));
  return {
    event: { id: e.id, slug: e.slug, title: e.title, timezone: e.timezone },
    items: list.map((m) => ({
      meetingId: m.id, startsAt: m.startsAt!, endsAt: m.endsAt!, tableNo: m.tableNo, videoUrl: m.videoUrl,
      roomId: blocks.find((b) => b.slotId === m.slotId)?.roomId ?? null,
      interpreter: m.interpreter?.name ?? null,
      participants: m.participants.filter((p) => p.isRequester || p.response === 'accepted').map((p) => ({ name: p.name, organisationName: p.organisationName, country: p.country })),
    })),
  };
}
