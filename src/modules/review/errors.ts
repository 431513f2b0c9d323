// Error codes of the review module with their HTTP status; messages in locales/*/errors.json.
import { AppError, type ErrorTable } from '../../platform/errors.ts';

export const REVIEW_ERRORS = {
  review_not_expert: 403,
  review_expert_record_missing: 409,
  review_not_invited: 409,
  review_panel_empty: 409,
  review_no_applications: 409,
  review_assignment_infeasible: 422,
  review_assignment_started: 409,
  review_instance_too_large: 422,
  review_assignment_inactive: 409,
  review_not_confirmed: 409,
  review_version_conflict: 409,
  review_incomplete: 422,
  review_score_out_of_scale: 400,
  review_already_submitted: 409,
  review_bidding_closed: 409,
  review_conflicted: 409,
  review_no_replacement: 409,
  review_not_released: 403,
  review_already_released: 409,
} as const satisfies ErrorTable;

export type ReviewErrorCode = keyof typeof REVIEW_ERRORS;

/** An expected failure of this module (its status comes from the table above). */
export function reviewError(code: ReviewErrorCode, opts: { params?: Record<string, unknown>; fields?: { path: string; code: string; params?: Record<string, unknown> }[] } = {}) {
  return new AppError(code, opts);
}
