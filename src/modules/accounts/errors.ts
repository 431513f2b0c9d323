// Error codes of the accounts module (sign-up, sign-in, tokens and sessions) with their HTTP status; messages in locales/<lang>/errors.json.
import type { ErrorTable } from '../../platform/errors.ts';

export const ACCOUNTS_ERRORS = {
  invalid_credentials: 401,
  session_expired: 401,
  email_not_verified: 403,
  account_disabled: 403,
  email_taken: 409,
  token_invalid: 400,
  token_expired: 410,
  setup_done: 409,
  last_admin: 409,
  password_change_required: 403,
} as const satisfies ErrorTable;
