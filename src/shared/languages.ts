// The three languages of the platform and the multilingual content type.
// Shared by server, engines and web: no Node or browser APIs here.
import { z } from 'zod';

export const LANGS = ['ru', 'zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);

/** Text written by users in up to three languages. */
export type Ml = { ru?: string; zh?: string; en?: string };

/** Order in which other languages are tried when the viewer's language is missing. */
const FALLBACK: Record<Lang, Lang[]> = { ru: ['en', 'zh'], zh: ['en', 'ru'], en: ['ru', 'zh'] };

export type Picked = { text: string; lang: Lang; isFallback: boolean };

/** Picks the viewer's language, else the first filled one; says which language is shown. */
export function pickMl(value: Ml | null | undefined, lang: Lang): Picked | null {
  if (!value) return null;
  const own = value[lang]?.trim();
  if (own) return { text: own, lang, isFallback: false };
  for (const other of FALLBACK[lang]) {
    const t = value[other]?.trim();
    if (t) return { text: t, lang: other, isFallback: true };
  }
  return null;
}

/** Plain string in the viewer's language with fallback, or '' when empty. */
export const mlText = (value: Ml | null | undefined, lang: Lang): string => pickMl(value, lang)?.text ?? '';

export const filledLangs = (value: Ml | null | undefined): Lang[] =>
  value ? LANGS.filter((l) => (value[l]?.trim() ?? '') !== '') : [];

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
