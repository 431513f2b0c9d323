// One error model. Domain code throws AppError(code); the code decides the HTTP status (one table per module,
// merged here into one closed union, so an unknown code does not compile) and the message in the user's language
// (locales/<lang>/errors.json). `internal` never reaches users.
import { ACCOUNTS_ERRORS } from '../modules/accounts/errors.ts';
import { CALLS_ERRORS } from '../modules/calls/errors.ts';
import { DIRECTORY_ERRORS } from '../modules/directory/errors.ts';
import { REVIEW_ERRORS } from '../modules/review/errors.ts';
import { TRANSLATE_ERRORS } from '../modules/translate/errors.ts';
import { EVENTS_ERRORS } from '../modules/events/errors.ts';
import { EXCHANGE_ERRORS } from '../modules/exchange/errors.ts';
import { INTERESTS_ERRORS } from '../modules/interests/errors.ts';
import { SCHEDULING_ERRORS } from '../modules/scheduling/errors.ts';

/** HTTP statuses an error code may map to. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 408 | 409 | 410 | 413 | 415 | 422 | 429 | 431 | 500 | 502 | 503;
/** A module's error codes and their statuses (`satisfies ErrorTable` in its errors.ts). */
export type ErrorTable = Record<string, ErrorStatus>;

/** Codes every module may use (requests, access, files, generic conflicts). */
const PLATFORM_ERRORS = {
  validation_failed: 400,
  malformed_json: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_invalid: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  headers_too_large: 431,
  request_timeout: 408,
  unsupported_media_type: 415,
  invalid_file_name: 400,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies ErrorTable;

export const ERROR_STATUS = {
  ...PLATFORM_ERRORS, ...ACCOUNTS_ERRORS, ...EVENTS_ERRORS, ...SCHEDULING_ERRORS, ...INTERESTS_ERRORS, ...EXCHANGE_ERRORS, ...CALLS_ERRORS, ...DIRECTORY_ERRORS, ...TRANSLATE_ERRORS, ...REVIEW_ERRORS,
} as const satisfies ErrorTable;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldError = { path: string; code: string; params?: Record<string, unknown> };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: ErrorStatus;
  readonly params: Record<string, unknown>;
  readonly fields?: FieldError[];
  constructor(code: ErrorCode, opts: { params?: Record<string, unknown>; fields?: FieldError[]; internal?: string } = {}) {
    super(opts.internal ?? code);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.params = opts.params ?? {};
    this.fields = opts.fields;
  }
}

export const notFound = (what = 'resource') => new AppError('not_found', { params: { what } });
export const forbidden = () => new AppError('forbidden');
