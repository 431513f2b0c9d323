// Countries: ISO 3166-1 alpha-2 codes are what the database stores (organisations, people, target
// countries of profiles); names come from Intl.DisplayNames in the viewer's language, so no country
// names need translating by hand. The one owner of "is this a country" for server and web.
import type { Lang } from './languages.ts';

/** Every officially assigned ISO 3166-1 alpha-2 code (249). */
export const ISO_COUNTRY_CODES = [
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ', 'BA', 'BB', 'BD',
  'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS', 'BT', 'BV', 'BW', 'BY', 'BZ', 'CA',
  'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE',
  'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE', 'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA',
  'GB', 'GD', 'GE', 'GF', 'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK',
  'HM', 'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM', 'JO', 'JP',
  'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT',
  'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS',
  'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA', 'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ',
  'OM', 'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS',
  'RU', 'RW', 'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS', 'ST',
  'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TW',
  'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI', 'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA',
  'ZM', 'ZW'
] as const;

export type CountryCode = (typeof ISO_COUNTRY_CODES)[number];

/** Codes offered first in forms (the two sides, then frequent partners). */
export const COUNTRY_CODES = [
  'BY', 'CN', 'RU', 'KZ', 'UZ', 'KG', 'TJ', 'AM', 'AZ', 'GE', 'MD', 'UA', 'MN', 'VN', 'LA', 'KH', 'TH', 'MY', 'SG', 'ID', 'IN', 'PK',
  'IR', 'TR', 'AE', 'SA', 'EG', 'ZA', 'NG', 'KE', 'ET', 'DE', 'FR', 'IT', 'ES', 'PL', 'LT', 'LV', 'EE', 'CZ', 'SK', 'HU', 'RS', 'AT',
  'CH', 'NL', 'BE', 'SE', 'FI', 'NO', 'DK', 'GB', 'IE', 'US', 'CA', 'BR', 'AR', 'MX', 'CU', 'VE', 'JP', 'KR', 'AU', 'NZ', 'IL',
] as const satisfies readonly CountryCode[];

const CODES: ReadonlySet<string> = new Set(ISO_COUNTRY_CODES);

/** True for a real ISO 3166-1 alpha-2 code ("BY", "CN"); false for "ZZ", "by", "BLR". */
export const isCountryCode = (code: unknown): code is CountryCode => typeof code === 'string' && CODES.has(code);

const LOCALE: Record<string, string> = { ru: 'ru', zh: 'zh-CN', en: 'en' };
const displayNames = new Map<string, Intl.DisplayNames | null>();

export function countryName(code: string, lang: string): string {
  if (!displayNames.has(lang)) {
    try { displayNames.set(lang, new Intl.DisplayNames([LOCALE[lang] ?? lang], { type: 'region' })); } catch { displayNames.set(lang, null); }
  }
  try { return displayNames.get(lang)?.of(code) ?? code; } catch { return code; }
}

/** Options for a country picker: the frequent ones first, then every other country by name in the viewer's language. */
export function countryOptions(lang: string, o: { all?: boolean } = {}) {
  const first = COUNTRY_CODES.map((c) => ({ value: c as string, label: countryName(c, lang) }));
  if (!o.all) return first;
  const seen = new Set<string>(COUNTRY_CODES);
  const collator = new Intl.Collator(LOCALE[lang] ?? lang);
  const rest = ISO_COUNTRY_CODES.filter((c) => !seen.has(c)).map((c) => ({ value: c as string, label: countryName(c, lang) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return [...first, ...rest];
}

/** Every country with its names in the three languages (the API's country list). */
export function countryList(langs: readonly Lang[] = ['ru', 'zh', 'en']) {
  return ISO_COUNTRY_CODES.map((code) => ({ code, names: Object.fromEntries(langs.map((l) => [l, countryName(code, l)])) as Record<Lang, string> }));
}
