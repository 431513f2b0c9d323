// The hand-written evaluation set: organisations, profiles and gold partner pairs.
import { IMPORT_FORMAT, IMPORT_VERSION, type ImportFile } from '../../../src/shared/import-format.ts';
import { ORGANISATIONS } from './orgs.ts';
import { ENERGY_MECHANICAL } from './energy-mechanical.ts';
import { INSTRUMENTS_MATERIALS } from './instruments-materials.ts';
import { MEDICINE_ICT } from './medicine-ict.ts';
import { ENVIRONMENT_AGRI } from './environment-agri.ts';
import { HARD_DISTRACTORS } from './hard-distractors.ts';

const SECTIONS = [ENERGY_MECHANICAL, INSTRUMENTS_MATERIALS, MEDICINE_ICT, ENVIRONMENT_AGRI, HARD_DISTRACTORS];

export const EVAL_FILE: ImportFile = {
  format: IMPORT_FORMAT, version: IMPORT_VERSION,
  organisations: ORGANISATIONS,
  profiles: SECTIONS.flatMap((s) => s.profiles),
};

export const EVAL_GOLD: Array<[string, string]> = SECTIONS.flatMap((s) => s.gold);
