// ISO 3166-1 alpha-2 codes offered in forms (the two sides first); names come from Intl.DisplayNames
// in the viewer's language, so no country names need translating by hand.
export const COUNTRY_CODES = [
  'BY', 'CN', 'RU', 'KZ', 'UZ', 'KG', 'TJ', 'AM', 'AZ', 'GE', 'MD', 'UA', 'MN', 'VN', 'LA', 'KH', 'TH', 'MY', 'SG', 'ID', 'IN', 'PK',
  'IR', 'TR', 'AE', 'SA', 'EG', 'ZA', 'NG', 'KE', 'ET', 'DE', 'FR', 'IT', 'ES', 'PL', 'LT', 'LV', 'EE', 'CZ', 'SK', 'HU', 'RS', 'AT',
  'CH', 'NL', 'BE', 'SE', 'FI', 'NO', 'DK', 'GB', 'IE', 'US', 'CA', 'BR', 'AR', 'MX', 'CU', 'VE', 'JP', 'KR', 'AU', 'NZ', 'IL',
] as const;

export function countryName(code: string, lang: string): string {
  try { return new Intl.DisplayNames([lang === 'zh' ? 'zh-CN' : lang], { type: 'region' }).of(code) ?? code; } catch { return code; }
}

export function countryOptions(lang: string) {
  return COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c, lang) }));
}
