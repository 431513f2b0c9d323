// Writes the evaluation set as plain files: eval-set.json (import format) and gold.json.
//   npx tsx bench/matching/build-eval-set.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importFileSchema } from '../../src/shared/import-format.ts';
import { EVAL_FILE, EVAL_GOLD } from './eval-data/index.ts';
import { SECOND_ORGS, SECOND_SET } from './eval-data/second-set.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const file = importFileSchema.parse(EVAL_FILE); // the set must be valid import format
const ids = new Set(file.profiles.map((p) => p.externalId));
if (ids.size !== file.profiles.length) throw new Error('duplicate profile ids');
for (const [a, b] of EVAL_GOLD) if (!ids.has(a) || !ids.has(b)) throw new Error(`gold pair ${a}–${b} names an unknown profile`);
writeFileSync(`${dir}eval-set.json`, JSON.stringify(file, null, 1) + '\n');
writeFileSync(`${dir}gold.json`, JSON.stringify({ pairs: EVAL_GOLD }, null, 1) + '\n');
console.log(`eval-set.json: ${file.organisations.length} organisations, ${file.profiles.length} profiles; gold.json: ${EVAL_GOLD.length} pairs`);

// The second set (see eval-data/second-set.ts): its pairs, with the main set as the pool.
const second = importFileSchema.parse({ ...EVAL_FILE, organisations: [...EVAL_FILE.organisations, ...SECOND_ORGS], profiles: [...EVAL_FILE.profiles, ...SECOND_SET.profiles] });
writeFileSync(`${dir}second-set.json`, JSON.stringify(second, null, 1) + '\n');
writeFileSync(`${dir}second-gold.json`, JSON.stringify({ pairs: SECOND_SET.gold }, null, 1) + '\n');
console.log(`second-set.json: ${second.profiles.length} profiles; second-gold.json: ${SECOND_SET.gold.length} pairs`);
