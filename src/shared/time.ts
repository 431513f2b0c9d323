// Time-zone helpers shared by server and web. Times are stored in UTC and shown in the viewer's zone.
export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; }
}

const LOCALE: Record<string, string> = { ru: 'ru-RU', zh: 'zh-CN', en: 'en-GB' };

/** "29.09.2021, 10:00" style in the viewer's language and the given zone. */
export function formatDateTime(d: Date | string, tz: string, lang: string, opts: Intl.DateTimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat(LOCALE[lang] ?? lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: tz, ...opts }).format(new Date(d));
}

export function formatTime(d: Date | string, tz: string, lang: string): string {
  return new Intl.DateTimeFormat(LOCALE[lang] ?? lang, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: tz }).format(new Date(d));
}

/** Offset of `tz` from UTC at instant `d`, in minutes (e.g. Europe/Minsk → 180). */
export function tzOffsetMinutes(d: Date | string, tz: string): number {
  const date = new Date(d);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    .formatToParts(date).reduce<Record<string, string>>((a, p) => { a[p.type] = p.value; return a; }, {});
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

/** Converts a wall-clock time in `tz` ("2021-09-29T10:00") to the UTC instant. Handles DST gaps by moving forward. */
export function zonedToUtc(local: string, tz: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) throw new Error(`invalid local time: ${local}`);
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
  let t = guess - tzOffsetMinutes(new Date(guess), tz) * 60000;
  t = guess - tzOffsetMinutes(new Date(t), tz) * 60000; // second pass settles DST edges
  return new Date(t);
}

/** Wall-clock "YYYY-MM-DDTHH:mm" of an instant in `tz`. */
export function utcToZoned(d: Date | string, tz: string): string {
  const p = new Intl.DateTimeFormat('en-CA', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(new Date(d)).reduce<Record<string, string>>((a, x) => { a[x.type] = x.value; return a; }, {});
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

export const CITY_OF_ZONE: Record<string, { ru: string; zh: string; en: string }> = {
  'Europe/Minsk': { ru: 'Минск', zh: '明斯克', en: 'Minsk' },
  'Asia/Shanghai': { ru: 'Чанчунь', zh: '长春', en: 'Changchun' },
};
