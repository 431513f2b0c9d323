// Error codes of the calls module with their HTTP status; messages in locales/*/errors.json (calls.<code>).
import { AppError, type ErrorTable } from '../../platform/errors.ts';

export const CALLS_ERRORS = {
  call_not_open: 409,
  call_closed: 409,
  call_has_applications: 409,
  version_conflict: 409,
  half_not_editable: 409,
  mirror_mismatch: 409,
  incomplete_application: 422,
  not_submitted: 409,
  already_decided: 409,
  decision_after_deadline: 409,
  invitation_invalid: 400,
  already_member: 409,
  unknown_document: 400,
  origin_not_usable: 422,
  side_not_in_call: 400,
  officer_exists: 409,
  funder_exists: 409,
  slug_taken: 409,
  submitted_version_immutable: 409,
} as const satisfies ErrorTable;

export type CallsErrorCode = keyof typeof CALLS_ERRORS;

/** An expected failure of this module (its status comes from the table above). */
export function callsError(code: CallsErrorCode, opts: { params?: Record<string, unknown>; fields?: { path: string; code: string; params?: Record<string, unknown> }[] } = {}) {
  return new AppError(code, opts);
}
