// Who is told when a schedule is published or changed, and the notice they get. One rule for self-booking's
// publish, the console's apply and its manual moves: everyone who sits in the meeting (requester and accepted
// invitees) and its interpreter — before and after the change, so an interpreter taken off a meeting hears of it.
import { eq, inArray } from 'drizzle-orm';
import { eventSessions, eventSlots, meetings } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { Deps } from '../../platform/context.ts';
import { t } from '../../platform/i18n.ts';
import { notifyRecipients } from '../../platform/notify.ts';
import { mlText } from '../../shared/languages.ts';
import { roomText } from '../../shared/venues.ts';
import type { EventRow } from './events.ts';
import { whenText } from './notify.ts';

export type ScheduleStage = 'preliminary' | 'final';
/** person → meetings of theirs that changed */
export type Audience = Map<string, Set<string>>;

/** Adds a meeting's attendees and interpreters (null/duplicates ignored) to the audience. */
export function addToAudience(audience: Audience, meetingId: string, attendees: string[], interpreters: (string | null | undefined)[]) {
  for (const p of new Set([...attendees, ...interpreters.filter((x): x is string => !!x)])) {
    if (!audience.has(p)) audience.set(p, new Set());
    audience.get(p)!.add(meetingId);
  }
}

/**
 * One in-app notice and one mail per person whose agenda changed, listing their meetings in their language and
 * zone (through the platform's notices: disabled accounts get nothing). Returns how many people were told.
 */
export async function tellAgendaChanged(tx: Tx, deps: Pick<Deps, 'clock' | 'config' | 'log'>, e: EventRow, audience: Audience, stage: ScheduleStage): Promise<number> {
  if (!audience.size) return 0;
  const ids = [...new Set([...audience.values()].flatMap((s) => [...s]))];
  const ms: { id: string; status: string; tableNo: number | null; at: Date | null; roomId: string | null }[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    ms.push(...await tx.select({ id: meetings.id, status: meetings.status, tableNo: meetings.tableNo, at: eventSlots.startsAt, roomId: eventSessions.roomId }).from(meetings)
      .leftJoin(eventSlots, eq(eventSlots.id, meetings.slotId)).leftJoin(eventSessions, eq(eventSessions.id, eventSlots.sessionId))
      .where(inArray(meetings.id, ids.slice(i, i + 5000))));
  }
  const link = `/events/${e.slug}/agenda`;
  return notifyRecipients(tx, deps, [...audience.keys()], (u) => {
    const lang = u.lang;
    const mine = audience.get(u.id)!;
    const lines = ms.filter((m) => mine.has(m.id)).sort((a, b) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0)).map((m) =>
      m.status === 'scheduled' && m.at
        ? `• ${[whenText(m.at, u.timezone, lang), m.tableNo ? t(lang, 'scheduling:notice.table', { n: m.tableNo }) : '', roomText(e.venues, m.roomId, lang)].filter(Boolean).join(' — ')}`
        : `• ${t(lang, 'scheduling:notice.unplaced')}`);
    const params = { event: mlText(e.title, lang), stage: t(lang, `scheduling:stage.${stage}`), changes: lines.join('\n'), link: `${deps.config.publicUrl}${link}` };
    return { kind: 'scheduling.agenda_changed', link, template: 'scheduling_agenda_changed', data: { ...params, stageCode: stage, meetings: [...mine] }, params };
  });
}
