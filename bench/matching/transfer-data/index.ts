// The technology-transfer evaluation set: its own pool (not merged with the main set), gold pairs
// g-<topic>-by ↔ g-<topic>-cn for every topic of the brief.
import { IMPORT_FORMAT, IMPORT_VERSION, type ImportFile } from '../../../src/shared/import-format.ts';
import { TRANSFER_ORGS } from './orgs.ts';
import { BY_GOLD } from './by-gold.ts';
import { CN_GOLD } from './cn-gold.ts';
import { BY_DISTRACTORS } from './by-distractors.ts';
import { CN_DISTRACTORS } from './cn-distractors.ts';
import { BRIEF } from './brief.ts';

export const TRANSFER_FILE: ImportFile = {
  format: IMPORT_FORMAT, version: IMPORT_VERSION, organisations: TRANSFER_ORGS,
  profiles: [...BY_GOLD, ...CN_GOLD, ...BY_DISTRACTORS, ...CN_DISTRACTORS],
};

export const TRANSFER_GOLD: Array<[string, string]> = Object.keys(BRIEF).map((k) => [`g-${k}-by`, `g-${k}-cn`]);
