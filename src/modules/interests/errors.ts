// Error codes of the interests module (expressions of interest) with their HTTP status; messages in locales/<lang>/errors.json.
import type { ErrorTable } from '../../platform/errors.ts';

export const INTERESTS_ERRORS = {
  interest_open: 409,
} as const satisfies ErrorTable;
