// Venues of an event and their rooms: names and addresses are multilingual (`Ml`), shown in the
// reader's language with fallback. Shared by server (calendar files, mail) and web (agenda, schedule).
import { mlText, type Lang, type Ml } from './languages.ts';

export type EventRoom = { id: string; name: Ml; videoUrl?: string | null };
export type EventVenue = { id: string; name: Ml; address: Ml; rooms: EventRoom[] };

/** The room with this id and the venue it belongs to, or null (no room, or a room since deleted). */
export function findRoom(venues: readonly EventVenue[], roomId: string | null | undefined): { venue: EventVenue; room: EventRoom } | null {
  if (!roomId) return null;
  for (const venue of venues) {
    const room = venue.rooms.find((r) => r.id === roomId);
    if (room) return { venue, room };
  }
  return null;
}

/**
 * "Hall 1, BNTU technopark" (with `address`: "…, Minsk, 65 Nezavisimosti Ave") in `lang`, each part
 * falling back to another language when missing; '' when the room is unknown.
 */
export function roomText(venues: readonly EventVenue[], roomId: string | null | undefined, lang: Lang, o: { address?: boolean } = {}): string {
  const found = findRoom(venues, roomId);
  if (!found) return '';
  const parts = [mlText(found.room.name, lang), mlText(found.venue.name, lang), o.address ? mlText(found.venue.address, lang) : ''];
  return parts.filter(Boolean).join(', ');
}
