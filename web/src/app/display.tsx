// Shared display pieces: multilingual text with a visible fallback, times in the viewer's zone
// with the other country's local time alongside.
import { Badge, Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pickMl, type Lang, type Ml } from '@shared/languages.ts';
import { CITY_OF_ZONE, formatDateTime, formatTime } from '@shared/time.ts';
import { countryName } from '@shared/countries.ts';
import { useViewerZone } from './session.tsx';

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return (['ru', 'zh', 'en'].includes(i18n.language) ? i18n.language : 'en') as Lang;
}

/** Text in the viewer's language; when another language is shown, a small badge says which. */
export function MlText({ value, ...props }: { value: Ml | null | undefined } & TextProps) {
  const lang = useLang();
  const { t } = useTranslation();
  const p = pickMl(value, lang);
  if (!p) return <Text c="dimmed" span {...props}>—</Text>;
  return (
    <Text span {...props} lang={p.lang === 'zh' ? 'zh-CN' : p.lang}>
      {p.text}
      {p.isFallback && (
        // A native title, not Mantine's Tooltip: lists show dozens of these, and each Tooltip measures the page on mount.
        <Badge size="xs" variant="light" color="gray" ml={6} style={{ verticalAlign: 'middle' }} title={t('common:fallbackLanguage', { lang: t(`common:languages.${p.lang}`) })}>{p.lang.toUpperCase()}</Badge>
      )}
    </Text>
  );
}

/** Plain string helper for places that need text (titles, options). */
export function useMl() {
  const lang = useLang();
  return (value: Ml | null | undefined) => pickMl(value, lang)?.text ?? '';
}

export function DateTime({ value, zone }: { value: string | Date; zone?: string }) {
  const lang = useLang();
  const viewer = useViewerZone();
  return <time dateTime={new Date(value).toISOString()}>{formatDateTime(value, zone ?? viewer, lang)}</time>;
}

/**
 * "10:00 Minsk · 15:00 Changchun": the time in the viewer's zone, plus the other side's local time
 * when it differs (Belarus ↔ China, or the event's zone).
 */
export function DualTime({ value, otherZone }: { value: string | Date; otherZone?: string }) {
  const lang = useLang();
  const viewer = useViewerZone();
  const other = otherZone ?? (viewer === 'Asia/Shanghai' ? 'Europe/Minsk' : 'Asia/Shanghai');
  const city = (z: string) => CITY_OF_ZONE[z]?.[lang] ?? z.split('/').pop()!.replace(/_/g, ' ');
  const mine = formatTime(value, viewer, lang);
  const theirs = formatTime(value, other, lang);
  return (
    <time dateTime={new Date(value).toISOString()}>
      {mine} {city(viewer)}{other !== viewer ? <Text span c="dimmed"> · {theirs} {city(other)}</Text> : null}
    </time>
  );
}

/** A country's name (ISO 3166 code stored) in the viewer's language. */
export function useCountryName() {
  const lang = useLang();
  return (code: string | null | undefined) => (code ? countryName(code, lang) : '');
}
