// Writes the evaluation set as plain files: eval-set.json (import format) and gold.json.
//   npx tsx bench/matching/build-eval-set.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importFileSchema } from '../../src/shared/import-format.ts';
import { EVAL_FILE, EVAL_GOLD } from './eval-data/index.ts';
import { SECOND_ORGS, SECOND_SET } from './eval-data/second-set.ts';
import { TRANSFER_FILE, TRANSFER_GOLD } from './transfer-data/index.ts';

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

// The technology-transfer set (see transfer-data/brief.ts): its own pool.
const transfer = importFileSchema.parse(TRANSFER_FILE);
const tIds = new Set(transfer.profiles.map((p) => p.externalId));
if (tIds.size !== transfer.profiles.length) throw new Error('transfer set: duplicate profile ids');
const tOrgs = new Set(transfer.organisations.map((o) => o.externalId));
for (const p of transfer.profiles) if (!tOrgs.has(p.organisation)) throw new Error(`transfer set: ${p.externalId} names an unknown organisation`);
for (const [a, b] of TRANSFER_GOLD) if (!tIds.has(a) || !tIds.has(b)) throw new Error(`transfer gold pair ${a}–${b} names an unknown profile`);
writeFileSync(`${dir}transfer-set.json`, JSON.stringify(transfer, null, 1) + '\n');
writeFileSync(`${dir}transfer-gold.json`, JSON.stringify({ pairs: TRANSFER_GOLD }, null, 1) + '\n');
console.log(`transfer-set.json: ${transfer.profiles.length} profiles (${transfer.profiles.length - 2 * TRANSFER_GOLD.length} distractors); transfer-gold.json: ${TRANSFER_GOLD.length} pairs`);
