// The time-zone choices of the registration and account forms (every IANA zone the browser knows).
export function timeZoneOptions() {
  const zones = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? ['Europe/Minsk', 'Asia/Shanghai', 'UTC'];
  return zones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }));
}
