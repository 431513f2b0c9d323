// Where a meeting or session takes place, as text in the reader's language: table, room and venue
// (multilingual names with fallback), video link. Used by calendar files and mail.
import { eq } from 'drizzle-orm';
import { eventSessions, eventSlots } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import { t } from '../../platform/i18n.ts';
import type { Lang } from '../../shared/languages.ts';
import { roomText, type EventVenue } from '../../shared/venues.ts';

export type Place = { venues: EventVenue[]; roomId: string | null; tableNo: number | null; videoUrl: string | null };

/** "Table 3 · Hall 1, BNTU technopark" (with `address`, the venue's address too) · video link; '' when nothing is known. */
export function placeText(p: Place, lang: Lang, o: { address?: boolean } = {}): string {
  return [p.tableNo ? t(lang, 'events:ics.table', { n: p.tableNo }) : '', roomText(p.venues, p.roomId, lang, o), p.videoUrl ?? '']
    .filter(Boolean).join(' · ');
}

/** The room of the meeting block a slot belongs to (meetings take place in their block's room). */
export async function slotRoomId(tx: Tx, slotId: string | null): Promise<string | null> {
  if (!slotId) return null;
  const [r] = await tx.select({ roomId: eventSessions.roomId }).from(eventSlots).innerJoin(eventSessions, eq(eventSessions.id, eventSlots.sessionId))
    .where(eq(eventSlots.id, slotId));
  return r?.roomId ?? null;
}
