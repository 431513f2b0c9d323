// Notifications about events and meetings: an in-app row and a mail, each in the recipient's
// language, with times in the recipient's zone (and the other side's local time alongside).
import { inArray } from 'drizzle-orm';
import { users, notifications } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { Deps } from '../../platform/context.ts';
import { queueMail } from '../../platform/mail.ts';
import { newId } from '../../platform/tokens.ts';
import { isLang, mlText, type Lang, type Ml } from '../../shared/languages.ts';
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

export async function notify(tx: Tx, deps: Pick<Deps, 'clock' | 'config' | 'log'>, n: Notice): Promise<void> {
  if (!n.userIds.length) return;
  const rows = await tx.select({ id: users.id, email: users.email, lang: users.lang, timezone: users.timezone, disabledAt: users.disabledAt }).from(users).where(inArray(users.id, [...new Set(n.userIds)]));
  for (const u of rows) {
    if (u.disabledAt) continue; // disabled accounts get no mail or notices, as in the marketplace's notify
    const lang: Lang = isLang(u.lang) ? u.lang : 'en';
    const params = {
      event: mlText(n.eventTitle, lang), when: n.at ? whenText(n.at, u.timezone, lang) : '', partner: n.partnerName ?? '',
      reason: n.reason ?? '', link: `${deps.config.publicUrl}${n.link}`, place: n.place ? placeText(n.place, lang) : '', ...n.extra,
    };
    await tx.insert(notifications).values({ id: newId(), userId: u.id, kind: `events.${n.kind}`, data: { ...params, at: n.at?.toISOString() ?? null }, link: n.link, createdAt: deps.clock.now() });
    await queueMail(tx, deps, { to: u.email, userId: u.id, lang, template: `events_${n.kind}`, params });
  }
}
