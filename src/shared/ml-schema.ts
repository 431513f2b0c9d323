// The zod schema of a multilingual field (server validation, the import format). Kept apart from
// languages.ts so that the web app's common code does not pull zod in.
import { z } from 'zod';
import { filledLangs, LANGS, type Ml } from './languages.ts';

/**
 * zod schema for a multilingual field. Empty strings are dropped; `required` means
 * at least one language filled; `max` limits each language separately.
 */
export function mlSchema(opts: { max: number; required?: boolean }) {
  const one = z.string().trim().max(opts.max);
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
