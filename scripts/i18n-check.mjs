#!/usr/bin/env node
// Fails when a translation key exists in one language but not in another, when a message is not
// valid ICU MessageFormat, or when the web app uses a key that no language defines.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';

const LANGS = ['ru', 'zh', 'en'];
const problems = [];
const flat = (obj, prefix = '') => Object.entries(obj).flatMap(([k, v]) =>
  v && typeof v === 'object' ? flat(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v]]);

const catalogs = {};
for (const lang of LANGS) {
  catalogs[lang] = new Map();
  const dir = join('locales', lang);
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    let data;
    try { data = JSON.parse(readFileSync(join(dir, f), 'utf8')); } catch (e) { problems.push(`${dir}/${f}: invalid JSON (${e.message})`); continue; }
    for (const [k, v] of flat(data)) {
      const key = `${f.slice(0, -5)}:${k}`;
      catalogs[lang].set(key, v);
      if (typeof v !== 'string') { problems.push(`${lang} ${key}: not a string`); continue; }
      try { new IntlMessageFormat(v, lang); } catch (e) { problems.push(`${lang} ${key}: invalid ICU message (${e.message})`); }
    }
  }
}
const all = new Set(LANGS.flatMap((l) => [...catalogs[l].keys()]));
for (const lang of LANGS) {
  const missing = [...all].filter((k) => !catalogs[lang].has(k));
  for (const k of missing) problems.push(`locales/${lang} lacks ${k}`);
}

// Keys used in the web app as t('ns:key') or t("ns:key") must exist (dynamic keys are not checked).
function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p, out); else if (/\.(tsx?|jsx?)$/.test(f)) out.push(p);
  }
  return out;
}
for (const file of walk('web/src')) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/\bt\(\s*['"]([a-z_]+:[A-Za-z0-9_.]+)['"]/g)) {
    if (!catalogs.en.has(m[1])) problems.push(`${relative('.', file)} uses missing key ${m[1]}`);
  }
}

if (problems.length) {
  console.error(`i18n check failed (${problems.length}):\n` + problems.map((p) => `  - ${p}`).join('\n'));
  process.exit(1);
}
console.log(`i18n check passed: ${all.size} keys in ${LANGS.join(', ')}`);
