// Error codes of the machine-translation module with their HTTP status; messages in locales/<lang>/errors.json.
import type { ErrorTable } from '../../platform/errors.ts';

export const TRANSLATE_ERRORS = {
  translation_unavailable: 503,
  translation_failed: 502,
} as const satisfies ErrorTable;
