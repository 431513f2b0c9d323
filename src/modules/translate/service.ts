// Machine translation through a self-hosted LibreTranslate-compatible service (TRANSLATE_URL).
// POST {url}/translate { q, source: 'auto', target, format: 'text', api_key? } → { translatedText, detectedLanguage? }.
// The result is shown to the viewer marked as machine-translated and never stored as the author's text.
import type { Config } from '../../config.ts';
import { AppError } from '../../platform/errors.ts';
import type { Lang } from '../../shared/languages.ts';

export type Translation = { text: string; source: string | null; target: Lang; machineTranslated: true };

// LibreTranslate names simplified Chinese "zh" (older) or "zh-Hans" (newer releases): try both.
const TARGETS: Record<Lang, string[]> = { ru: ['ru'], en: ['en'], zh: ['zh', 'zh-Hans'] };
const TIMEOUT_MS = 15_000;

export async function translateText(config: Pick<Config, 'TRANSLATE_URL' | 'TRANSLATE_API_KEY'>, text: string, target: Lang): Promise<Translation> {
  if (!config.TRANSLATE_URL) throw new AppError('translation_unavailable');
  const url = `${config.TRANSLATE_URL.replace(/\/$/, '')}/translate`;
  for (const code of TARGETS[target]) {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST', headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS),
        body: JSON.stringify({ q: text, source: 'auto', target: code, format: 'text', ...(config.TRANSLATE_API_KEY ? { api_key: config.TRANSLATE_API_KEY } : {}) }),
      });
    } catch (e) {
      throw new AppError('translation_failed', { internal: `translation service unreachable: ${(e as Error).message}` });
    }
    if (res.status === 400 && code !== TARGETS[target].at(-1)) continue; // unknown target code: the other spelling
    const body = (await res.json().catch(() => null)) as { translatedText?: unknown; detectedLanguage?: { language?: unknown } } | null;
    if (!res.ok || typeof body?.translatedText !== 'string') throw new AppError('translation_failed', { internal: `translation service answered ${res.status}` });
    const source = typeof body.detectedLanguage?.language === 'string' ? body.detectedLanguage.language : null;
    return { text: body.translatedText, source, target, machineTranslated: true };
  }
  throw new AppError('translation_failed');
}
