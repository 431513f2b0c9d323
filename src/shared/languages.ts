// The three languages of the platform and the multilingual content type.
// Shared by server, engines and web: no Node or browser APIs here.

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
