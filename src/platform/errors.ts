// One error model. Domain code throws AppError(code); the HTTP layer maps the code to a status
// and a message in the user's language (locales/<lang>/errors.json). `internal` never reaches users.
export const ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  session_expired: 401,
  forbidden: 403,
  csrf_invalid: 403,
  email_not_verified: 403,
  account_disabled: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  token_invalid: 400,
  token_expired: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  invalid_transition: 409,
  invalid_file_name: 400,
  interest_open: 409,
  import_invalid: 400,
  setup_done: 409,
  organisation_in_use: 409,
  last_admin: 409,
  translation_unavailable: 503,
  translation_failed: 502,
  password_change_required: 403,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS | (string & {});

export type FieldError = { path: string; code: string; params?: Record<string, unknown> };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, unknown>;
  readonly fields?: FieldError[];
  constructor(code: ErrorCode, opts: { params?: Record<string, unknown>; fields?: FieldError[]; internal?: string; status?: number } = {}) {
    super(opts.internal ?? code);
    this.code = code;
    this.status = opts.status ?? (ERROR_STATUS as Record<string, number>)[code] ?? 400;
    this.params = opts.params ?? {};
    this.fields = opts.fields;
  }
}

export const notFound = (what = 'resource') => new AppError('not_found', { params: { what } });
export const forbidden = () => new AppError('forbidden');
