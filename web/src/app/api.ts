// The one way the web app talks to the server: JSON, same-origin cookies, CSRF header on writes,
// and errors as ApiError with the server's localised message and field errors.
import type { z } from 'zod';

/**
 * The shape of a response, inferred from the server's zod response schema. Import schemas with
 * `import type` from '@server/modules/…/schema.ts': the alias exists for the type checker only (vite does
 * not resolve it), so a value import fails the build instead of putting zod into the bundle.
 */
export type Out<S extends z.ZodType> = z.output<S>;

export type FieldError = { path: string; code: string; message: string };
export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string, public fields: FieldError[] = []) { super(message); }
}

let csrfToken: string | null = null;
async function csrf(force = false): Promise<string> {
  if (!csrfToken || force) {
    const r = await fetch('/api/csrf', { credentials: 'same-origin' });
    csrfToken = (await r.json()).token as string;
  }
  return csrfToken;
}

export async function api<T = unknown>(method: string, url: string, body?: unknown, retry = true, extraHeaders: Record<string, string> = {}): Promise<T> {
  const write = !['GET', 'HEAD'].includes(method);
  const headers: Record<string, string> = { ...extraHeaders };
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  if (write) headers['x-csrf-token'] = await csrf();
  const payload = body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body);
  const res = await fetch(url, { method, headers, credentials: 'same-origin', body: payload });
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('application/json') ? await res.json() : await res.text();
  if (!res.ok) {
    const e = (data as { error?: { code: string; message: string; fields?: FieldError[] } }).error;
    if (e?.code === 'csrf_invalid' && retry) { await csrf(true); return api<T>(method, url, body, false, extraHeaders); }
    // No localised message (a proxy's error page, a dropped connection): the message stays empty and
    // errorMessage() (notices.ts) says it in the reader's language by the code, never as a raw status word.
    throw new ApiError(res.status, e?.code ?? 'internal', e?.message ?? '', e?.fields ?? []);
  }
  return data as T;
}

export const get = <T>(url: string, query?: Record<string, string | number | boolean | undefined | null>) => {
  const qs = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, String(v)])).toString() : '';
  return api<T>('GET', qs ? `${url}?${qs}` : url);
};
export const post = <T>(url: string, body?: unknown, headers?: Record<string, string>) => api<T>('POST', url, body ?? {}, true, headers);

/**
 * A key the client makes for one intended write (a message being sent), sent as `Idempotency-Key`: a retried
 * or doubled request with the same key is recorded once by the server. Made from crypto.getRandomValues,
 * which (unlike crypto.randomUUID) also exists on pages served over plain http inside a local network.
 */
export function newIdempotencyKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
export const put = <T>(url: string, body?: unknown) => api<T>('PUT', url, body ?? {});
export const patch = <T>(url: string, body?: unknown) => api<T>('PATCH', url, body ?? {});
export const del = <T>(url: string) => api<T>('DELETE', url);

/** Maps server field errors onto a form's fields ({ path: message }). */
export function fieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError)) return {};
  return Object.fromEntries(e.fields.map((f) => [f.path, f.message]));
}
