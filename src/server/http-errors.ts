// The one place that maps errors to HTTP: { error: { code, message, fields? } } in the user's language.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../platform/errors.ts';
import { t } from '../platform/i18n.ts';
import type { Lang } from '../shared/languages.ts';

type ZodLikeIssue = { code?: string; keyword?: string; path?: (string | number)[]; instancePath?: string; message?: string; keys?: string[];
  minimum?: unknown; maximum?: unknown; expected?: string; format?: string; values?: unknown[]; params?: Record<string, unknown> };

/** zod issues → field errors with stable codes, so the UI and the message both name the field. */
export function fieldErrorsFromZod(issues: ZodLikeIssue[]): FieldError[] {
  const out: FieldError[] = [];
  for (const raw of issues) {
    // Plain zod issues, or fastify-type-provider-zod's wrapping (keyword, instancePath, params = the rest).
    const i: ZodLikeIssue = { ...(raw.params ?? {}), ...raw, code: raw.code ?? raw.keyword };
    const base = (i.path ?? []).join('.') || (raw.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    if (i.code === 'unrecognized_keys') {
      for (const k of i.keys ?? []) out.push({ path: base ? `${base}.${k}` : k, code: 'unknown_field' });
      continue;
    }
    let code = i.code ?? 'invalid';
    const params: Record<string, unknown> = {};
    if (i.code === 'too_small') { code = 'too_small'; params.min = i.minimum; }
    else if (i.code === 'too_big') { code = 'too_big'; params.max = i.maximum; }
    else if (i.code === 'invalid_type') { code = i.message?.includes('received undefined') ? 'required' : 'invalid_type'; params.expected = i.expected; }
    else if (i.code === 'invalid_format') { code = `invalid_${i.format ?? 'format'}`; }
    else if (i.code === 'invalid_value') { code = 'invalid_value'; params.allowed = (i.values ?? []).join(', '); }
    else if (i.code === 'custom') { code = i.message && /^[a-z_]+$/.test(i.message) ? i.message : 'invalid'; }
    out.push({ path: base, code, params });
  }
  return out;
}

function send(reply: FastifyReply, lang: Lang, status: number, code: string, params: Record<string, unknown> = {}, fields?: FieldError[]) {
  const localisedFields = fields?.map((f) => ({ ...f, message: t(lang, `errors:field.${f.code}`, { field: f.path, ...f.params }) }));
  // The message names no raw field paths: `fields` carries them, and the web app shows each next to its field's label.
  const message = t(lang, `errors:${code}`, params);
  if (params.seconds) reply.header('retry-after', String(params.seconds));
  return reply.code(status).send({ error: { code, message, ...(localisedFields ? { fields: localisedFields } : {}) } });
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const lang = req.lang ?? 'en';
  if (err instanceof AppError) return send(reply, lang, err.status, err.code, err.params, err.fields);
  // A malformed id in the path names nothing that exists: "not found", like a well-formed unknown id.
  if (err.validationContext === 'params') return send(reply, lang, 404, 'not_found');
  if (hasZodFastifySchemaValidationErrors(err)) {
    return send(reply, lang, 400, 'validation_failed', {}, fieldErrorsFromZod(err.validation as never));
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
    return send(reply, lang, 500, 'internal');
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(reply, lang, 400, 'malformed_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
      return send(reply, lang, 413, 'payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return send(reply, lang, 415, 'unsupported_media_type');
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return send(reply, lang, 403, 'csrf_invalid');
  }
  // A multipart body cut short (client gone, truncated upload) is the client's error, not ours.
  if (/^Unexpected end of (multipart data|form)/.test(err.message ?? '')) return send(reply, lang, 400, 'bad_request');
  if (err instanceof SyntaxError || (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)) {
    return send(reply, lang, err.statusCode ?? 400, err.statusCode === 404 ? 'not_found' : 'bad_request');
  }
  req.log.error({ err }, 'unexpected error');
  return send(reply, lang, 500, 'internal');
}
