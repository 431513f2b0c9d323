// Server-side messages (errors, mail, notifications) from the same locale files the web app uses.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { LANGS, isLang, type Lang } from '../shared/languages.ts';

export const LOCALES_DIR = fileURLToPath(new URL('../../locales', import.meta.url));

type Tree = { [k: string]: string | Tree };
const catalogs = new Map<Lang, Record<string, Tree>>();

function load(lang: Lang): Record<string, Tree> {
  let c = catalogs.get(lang);
  if (c) return c;
  c = {};
  const dir = join(LOCALES_DIR, lang);
  if (existsSync(dir)) {
    for (const f of readdirSync(dir)) if (f.endsWith('.json')) c[f.slice(0, -5)] = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  }
  catalogs.set(lang, c);
  return c;
}

function lookup(lang: Lang, key: string): string | undefined {
  const [ns, path] = key.includes(':') ? key.split(':', 2) : ['common', key];
  let node: string | Tree | undefined = load(lang)[ns];
  for (const part of path.split('.')) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const LOCALE_TAG: Record<Lang, string> = { ru: 'ru', zh: 'zh-CN', en: 'en' };

/** Translates `ns:key.path` with ICU params; falls back to English, then to the key itself. */
export function t(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  const msg = lookup(lang, key) ?? lookup('en', key);
  if (msg === undefined) return key;
  try {
    return String(new IntlMessageFormat(msg, LOCALE_TAG[lang]).format(params as Record<string, string>));
  } catch {
    return msg;
  }
}

export const hasKey = (lang: Lang, key: string) => lookup(lang, key) !== undefined;

/** Picks the best of our languages from an Accept-Language header. */
export function langFromAcceptLanguage(header: string | undefined): Lang | null {
  if (!header) return null;
  const ranked = header.split(',').map((part) => {
    const [tag, ...rest] = part.trim().split(';');
    const q = rest.find((x) => x.trim().startsWith('q='));
    return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
  }).filter((x) => x.tag).sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLang(base)) return base;
  }
  return null;
}

export { LANGS };
