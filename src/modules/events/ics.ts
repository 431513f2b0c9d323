// iCalendar (RFC 5545) writer: events with TZID and a VTIMEZONE built from the zone's real
// transitions, stable UIDs and SEQUENCE, so calendars update a moved meeting instead of
// duplicating it and remove a cancelled one. Pure: no database, no clock.
import { tzOffsetMinutes, utcToZoned } from '../../shared/time.ts';

export type IcsEvent = {
  uid: string; sequence: number; stamp: Date; start: Date; end: Date; tz: string;
  summary: string; description?: string; location?: string; url?: string | null; status: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
};

export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds lines longer than 75 octets (UTF-8), never splitting a character. */
export function fold(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const b = Buffer.byteLength(ch);
    if (bytes + b > (out.length ? 74 : 75)) { out.push(cur); cur = ''; bytes = 0; }
    cur += ch; bytes += b;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const utcStamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const localStamp = (d: Date, tz: string) => utcToZoned(d, tz).replace(/[-:]/g, '') + '00';
function offsetText(min: number) {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
}
/** Wall-clock time of instant `d` at a fixed offset, as an iCalendar local date-time. */
const atOffset = (d: Date, offsetMin: number) => utcStamp(new Date(d.getTime() + offsetMin * 60000)).replace('Z', '');

/** The zone's offset transitions between two instants (found hourly, refined to the minute). */
export function transitions(tz: string, from: Date, to: Date): { at: Date; before: number; after: number }[] {
  const out: { at: Date; before: number; after: number }[] = [];
  const H = 3600_000;
  let prev = tzOffsetMinutes(from, tz);
  for (let t = from.getTime() + H; t <= to.getTime(); t += H) {
    const cur = tzOffsetMinutes(new Date(t), tz);
    if (cur !== prev) {
      let lo = t - H, hi = t;
      while (hi - lo > 60000) {
        const mid = lo + Math.max(1, Math.floor((hi - lo) / 120000)) * 60000;
        if (tzOffsetMinutes(new Date(mid), tz) === prev) lo = mid; else hi = mid;
      }
      out.push({ at: new Date(hi), before: prev, after: cur });
      prev = cur;
    }
  }
  return out;
}

/** A VTIMEZONE valid for the years the events fall in. */
export function vtimezone(tz: string, first: Date, last: Date): string[] {
  const from = new Date(Date.UTC(first.getUTCFullYear(), 0, 1));
  const to = new Date(Date.UTC(last.getUTCFullYear() + 1, 0, 1));
  const tr = transitions(tz, from, to);
  const base = tzOffsetMinutes(from, tz);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tz}`,
    'BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offsetText(base)}`, `TZOFFSETTO:${offsetText(base)}`, 'END:STANDARD'];
  const minOffset = Math.min(base, ...tr.map((x) => x.after));
  for (const x of tr) {
    const kind = x.after > minOffset ? 'DAYLIGHT' : 'STANDARD';
    lines.push(`BEGIN:${kind}`, `DTSTART:${atOffset(x.at, x.before)}`, `TZOFFSETFROM:${offsetText(x.before)}`, `TZOFFSETTO:${offsetText(x.after)}`, `END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

export function buildCalendar(name: string, items: IcsEvent[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Synergy//Cooperation exchange//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(name)}`];
  const zones = new Map<string, { first: Date; last: Date }>();
  for (const e of items) {
    const z = zones.get(e.tz);
    zones.set(e.tz, { first: z && z.first < e.start ? z.first : e.start, last: z && z.last > e.end ? z.last : e.end });
  }
  for (const [tz, r] of zones) lines.push(...vtimezone(tz, r.first, r.last));
  for (const e of items) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `SEQUENCE:${e.sequence}`, `DTSTAMP:${utcStamp(e.stamp)}`,
      `DTSTART;TZID=${e.tz}:${localStamp(e.start, e.tz)}`, `DTEND;TZID=${e.tz}:${localStamp(e.end, e.tz)}`,
      `SUMMARY:${escapeText(e.summary)}`, `STATUS:${e.status}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
