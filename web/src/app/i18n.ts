// i18next with ICU MessageFormat. The strings of locales/{ru,zh,en} are bundled with the app (no CDN),
// one chunk per language: the page loads only the reader's language (and English, the fallback),
// and changeLanguage() loads another one before switching.
import i18n, { type BackendModule } from 'i18next';
import ICU from 'i18next-icu';
import { IntlMessageFormat } from 'intl-messageformat';
type ICUModule = InstanceType<typeof ICU>;
import { initReactI18next } from 'react-i18next';
import { LANGS, type Lang } from '@shared/languages.ts';

const CHUNKS: Record<Lang, () => Promise<{ default: Record<string, Record<string, unknown>> }>> = {
  ru: () => import('./locales/ru.ts'), zh: () => import('./locales/zh.ts'), en: () => import('./locales/en.ts'),
};
// Namespace names only (the glob's keys); the contents come from the chunks above.
const NAMESPACES = Object.keys(import.meta.glob('../../../locales/en/*.json')).map((p) => /\/(\w+)\.json$/.exec(p)![1]);

const bundledBackend: BackendModule = {
  type: 'backend',
  init() { /* nothing to configure */ },
  read(language, namespace, callback) {
    const load = CHUNKS[language as Lang];
    if (!load) { callback(null, {}); return; }
    load().then((m) => callback(null, m.default[namespace] ?? {}), (e: Error) => callback(e, null));
  },
};

// Most strings are plain text; compiling each through the ICU parser on first use cost ~0.3 s of the first
// render. Strings without a placeholder (no "{") or an escaped quote ("''") read the same raw, so they skip it.
// IntlMessageFormat resolves the locale again for every message it compiles (Intl.*.supportedLocalesOf each
// time: ~0.15 s of the first render); the answer only depends on the language, so keep it.
const resolved = new Map<string, ReturnType<typeof IntlMessageFormat.resolveLocale>>();
const resolveLocale = IntlMessageFormat.resolveLocale;
IntlMessageFormat.resolveLocale = (locales) => {
  const key = String(locales);
  if (!resolved.has(key)) resolved.set(key, resolveLocale(locales));
  return resolved.get(key);
};
type IcuParse = (res: unknown, ...rest: unknown[]) => unknown;
const icu = new ICU() as unknown as { parse: IcuParse };
const icuParse = icu.parse.bind(icu);
icu.parse = (res, ...rest) => (typeof res === 'string' && !res.includes('{') && !res.includes("''") ? res : icuParse(res, ...rest));

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

/** Resolves when the first language's strings are loaded; main.tsx renders after it. */
export const i18nReady = i18n.use(bundledBackend).use(icu as unknown as ICUModule).use(initReactI18next).init({
  lng: cookieLang() ?? browserLang(),
  fallbackLng: 'en',
  supportedLngs: [...LANGS],
  ns: NAMESPACES,
  defaultNS: 'common',
  nsSeparator: ':',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
document.documentElement.lang = i18n.language === 'zh' ? 'zh-CN' : i18n.language;
i18n.on('languageChanged', (l) => { document.documentElement.lang = l === 'zh' ? 'zh-CN' : l; });

export default i18n;
