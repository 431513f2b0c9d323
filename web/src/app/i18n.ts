// i18next with ICU MessageFormat; all namespaces of locales/{ru,zh,en} are bundled (no CDN, no fetch).
import i18n from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { LANGS, type Lang } from '@shared/languages.ts';

const files = import.meta.glob('../../../locales/*/*.json', { eager: true, import: 'default' }) as Record<string, Record<string, unknown>>;
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, data] of Object.entries(files)) {
  const m = /locales\/(\w+)\/(\w+)\.json$/.exec(path);
  if (!m) continue;
  (resources[m[1]] ??= {})[m[2]] = data;
}

export function cookieLang(): Lang | null {
  const m = /(?:^|;\s*)synergy_lang=(\w+)/.exec(document.cookie);
  return m && (LANGS as readonly string[]).includes(m[1]) ? (m[1] as Lang) : null;
}

export function browserLang(): Lang {
  for (const l of navigator.languages ?? [navigator.language]) {
    const base = l.toLowerCase().split('-')[0];
    if ((LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return 'en';
}

void i18n.use(ICU).use(initReactI18next).init({
  resources,
  lng: cookieLang() ?? browserLang(),
  fallbackLng: 'en',
  ns: Object.keys(resources.en ?? {}),
  defaultNS: 'common',
  nsSeparator: ':',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
document.documentElement.lang = i18n.language === 'zh' ? 'zh-CN' : i18n.language;
i18n.on('languageChanged', (l) => { document.documentElement.lang = l === 'zh' ? 'zh-CN' : l; });

export default i18n;
