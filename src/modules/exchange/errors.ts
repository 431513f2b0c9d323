// Error codes of the exchange module (import of organisations and profiles) with their HTTP status; messages in locales/<lang>/errors.json.
import type { ErrorTable } from '../../platform/errors.ts';

export const EXCHANGE_ERRORS = {
  import_invalid: 400,
} as const satisfies ErrorTable;
