// Pure helpers: slots of a meeting block, video room names, free-slot filtering.
import { randomBytes } from 'node:crypto';

export type SlotTimes = { seq: number; startsAt: Date; endsAt: Date };

/**
 * Splits a block into slots of `slotMinutes` separated by `pauseMinutes`; a last slot that would
 * overrun the block's end is dropped (a meeting never runs into the next session).
 */
export function generateSlots(start: Date, end: Date, slotMinutes: number, pauseMinutes: number): SlotTimes[] {
  if (slotMinutes < 15 || slotMinutes > 60) throw new Error('slot length must be 15–60 minutes');
  const out: SlotTimes[] = [];
  let t = start.getTime();
  const step = (slotMinutes + pauseMinutes) * 60000;
  for (let seq = 0; t + slotMinutes * 60000 <= end.getTime(); seq++, t += step) {
    out.push({ seq, startsAt: new Date(t), endsAt: new Date(t + slotMinutes * 60000) });
  }
  return out;
}

/** A Jitsi room nobody can guess: 128 random bits, URL-safe. */
export function jitsiRoomUrl(base: string, eventSlug: string): string {
  return `${base.replace(/\/$/, '')}/${eventSlug.slice(0, 24)}-${randomBytes(16).toString('hex')}`;
}

/** Lowest table number in 1..tables not in `taken`, or null when all are taken. */
export function firstFreeTable(tables: number, taken: Iterable<number>): number | null {
  const busy = new Set(taken);
  for (let n = 1; n <= tables; n++) if (!busy.has(n)) return n;
  return null;
}
