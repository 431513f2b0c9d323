// Notifications about events and meetings: an in-app row and a mail, each in the recipient's
// language, with times in the recipient's zone (and the other side's local time alongside).
import type { Tx } from '../../db/client.ts';
import type { Deps } from '../../platform/context.ts';
import { notifyRecipients } from '../../platform/notify.ts';
import { mlText, type Lang, type Ml } from '../../shared/languages.ts';
import { formatDateTime, formatTime, CITY_OF_ZONE } from '../../shared/time.ts';
import { placeText, type Place } from './place.ts';

export const NOTIFICATION_KINDS = [
  'request_received', 'request_accepted', 'request_declined', 'request_expired', 'meeting_cancelled', 'meeting_scheduled',
  'schedule_published', 'reminder', 'registration_approved', 'registration_waitlisted', 'registration_promoted', 'registration_rejected', 'follow_up',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const OTHER_ZONE: Record<string, string> = { 'Europe/Minsk': 'Asia/Shanghai', 'Asia/Shanghai': 'Europe/Minsk' };

/** "29 Sep 2021, 10:00 (15:00 Changchun)" for a Minsk reader; the partner zone defaults to the other country's. */
export function whenText(at: Date, tz: string, lang: Lang, partnerTz?: string): string {
  const own = formatDateTime(at, tz, lang);
  const other = partnerTz && partnerTz !== tz ? partnerTz : OTHER_ZONE[tz] ?? (tz === 'Europe/Minsk' ? 'Asia/Shanghai' : 'Europe/Minsk');
  const city = CITY_OF_ZONE[other]?.[lang] ?? other;
  return `${own} (${formatTime(at, other, lang)} ${city})`;
}

export type Notice = {
  userIds: string[]; kind: NotificationKind; eventTitle: Ml; link: string;
  at?: Date | null; partnerName?: string; reason?: string | null; extra?: Record<string, unknown>;
  /** Where the meeting takes place; rendered per recipient (room and venue names in their language). */
  place?: Place | null;
};

/** Returns how many people were told (disabled accounts are not). */
export async function notify(tx: Tx, deps: Pick<Deps, 'clock' | 'config' | 'log'>, n: Notice): Promise<number> {
  return notifyRecipients(tx, deps, n.userIds, ({ lang, timezone }) => {
    const params = {
      event: mlText(n.eventTitle, lang), when: n.at ? whenText(n.at, timezone, lang) : '', partner: n.partnerName ?? '',
      reason: n.reason ?? '', link: `${deps.config.publicUrl}${n.link}`, place: n.place ? placeText(n.place, lang) : '', ...n.extra,
    };
    return { kind: `events.${n.kind}`, link: n.link, template: `events_${n.kind}`, data: { ...params, at: n.at?.toISOString() ?? null }, params };
  });
}
