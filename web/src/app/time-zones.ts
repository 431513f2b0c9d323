// The time-zone choices of the registration and account forms: the two sides' cities first ("Minsk",
// "Changchun / Beijing (UTC+8)"), then every IANA zone the browser knows, each with its current UTC offset,
// all searchable (by city or zone name).
import type { TFunction } from 'i18next';

/** "UTC+8", "UTC−3:30", "UTC" for a zone at the current instant. */
function utcOffset(zone: string, now = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(now).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    return part.replace('GMT', 'UTC').replace('-', '−');
  } catch { return 'UTC'; }
}

export type ZoneGroup = { group: string; items: { value: string; label: string }[] };

export function timeZoneOptions(t: TFunction): ZoneGroup[] {
  const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? ['Europe/Minsk', 'Asia/Shanghai', 'UTC'];
  const main = [
    { value: 'Europe/Minsk', label: `${t('common:zones.minsk')} (${utcOffset('Europe/Minsk')})` },
    { value: 'Asia/Shanghai', label: `${t('common:zones.changchun')} (${utcOffset('Asia/Shanghai')})` },
  ];
  const rest = all.filter((z) => !main.some((m) => m.value === z)).map((z) => ({ value: z, label: `${z.replace(/_/g, ' ')} (${utcOffset(z)})` }));
  return [{ group: t('common:zones.main'), items: main }, { group: t('common:zones.all'), items: rest }];
}
