// The zod schema of a multilingual field (server validation, the import format). Kept apart from
// languages.ts so that the web app's common code does not pull zod in.
import { z } from 'zod';
import { filledLangs, LANGS, type Ml } from './languages.ts';

/**
 * Text that PostgreSQL can store and every client can render: no NUL character and no lone UTF-16
 * surrogate (both make the database refuse the row). The one place that says which text is acceptable;
 * the HTTP layer applies the same rule to every parameter and body string (`unsafeTextPath`).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly the character this rule refuses.
const UNSAFE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const isSafeText = (s: string) => !UNSAFE_TEXT.test(s);
export const safeString = () => z.string().refine(isSafeText, { message: 'invalid_text' });

/** Path (dotted) of the first string inside `value` that is not safe text, or null. */
export function unsafeTextPath(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return isSafeText(value) ? null : path.join('.');
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (!isSafeText(k)) return [...path, '?'].join('.');
    const found = unsafeTextPath(v, [...path, k], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * zod schema for a multilingual field. Empty strings are dropped; `required` means
 * at least one language filled; `max` limits each language separately.
 */
export function mlSchema(opts: { max: number; required?: boolean }) {
  const one = safeString().trim().max(opts.max);
  const base = z
    .object({ ru: one.optional(), zh: one.optional(), en: one.optional() })
    .strict()
    .transform((v) => {
      const out: Ml = {};
      for (const l of LANGS) if (v[l]) out[l] = v[l];
      return out;
    });
  return opts.required
    ? base.refine((v) => filledLangs(v).length > 0, { message: 'ml_required' })
    : base;
}

/** A multilingual field in a response: the stored object as is (no transform, so response serialisation can encode it). */
export const mlOut = z.object({ ru: z.string().optional(), zh: z.string().optional(), en: z.string().optional() });
