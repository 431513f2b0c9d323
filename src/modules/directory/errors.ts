// Error codes of the directory module with their HTTP status; messages in locales/<lang>/errors.json.
import type { ErrorTable } from '../../platform/errors.ts';

export const DIRECTORY_ERRORS = {
  organisation_in_use: 409,
} as const satisfies ErrorTable;
