// Writes the evaluation set as plain files: eval-set.json (import format) and gold.json.
//   npx tsx bench/matching/build-eval-set.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importFileSchema } from '../../src/shared/import-format.ts';
import { EVAL_FILE, EVAL_GOLD } from './eval-data/index.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const file = importFileSchema.parse(EVAL_FILE); // the set must be valid import format
const ids = new Set(file.profiles.map((p) => p.externalId));
if (ids.size !== file.profiles.length) throw new Error('duplicate profile ids');
for (const [a, b] of EVAL_GOLD) if (!ids.has(a) || !ids.has(b)) throw new Error(`gold pair ${a}–${b} names an unknown profile`);
writeFileSync(`${dir}eval-set.json`, JSON.stringify(file, null, 1) + '\n');
writeFileSync(`${dir}gold.json`, JSON.stringify({ pairs: EVAL_GOLD }, null, 1) + '\n');
console.log(`eval-set.json: ${file.organisations.length} organisations, ${file.profiles.length} profiles; gold.json: ${EVAL_GOLD.length} pairs`);
