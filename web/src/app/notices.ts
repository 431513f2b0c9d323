// The one way a failed request is told to the reader: the server's localised message, or (when there is
// none: a proxy's error page, a network failure, a bug) a message in the reader's language by error code.
// Never a raw status word or an exception's text.
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';

/** A field's name for the reader: "Name (Russian)" for `name.ru`, never the raw path. */
export function fieldLabel(path: string, t: TFunction): string {
  const parts = path.split('.').filter((p) => !/^\d+$/.test(p));
  const lang = ['ru', 'zh', 'en'].includes(parts.at(-1) ?? '') ? parts.pop()! : null;
  const key = parts.join('.');
  const base = key ? t(`common:field.${key}`, { defaultValue: t(`common:field.${parts.at(-1)}`, { defaultValue: '' }) }) : '';
  const langName = lang ? t(`common:languages.${lang}`) : '';
  return base && langName ? `${base} (${langName})` : base || langName;
}

export function errorMessage(e: unknown, t: TFunction): string {
  if (e instanceof ApiError) {
    if (e.fields.length) {
      // The server appends "path: message" for each field; the reader gets the field's label instead of its path.
      const suffix = ` ${e.fields.map((f) => `${f.path || '—'}: ${f.message}`).join('; ')}`;
      if (!e.message || e.message.endsWith(suffix)) {
        const head = e.message ? e.message.slice(0, -suffix.length) : t(`errors:${e.code}`, { defaultValue: t('errors:internal') });
        const rows = e.fields.map((f) => { const l = fieldLabel(f.path, t); return l ? `${l}: ${f.message}` : f.message; });
        return `${head} ${rows.join('; ')}`;
      }
    }
    return e.message || t(`errors:${e.code}`, { defaultValue: t('errors:internal') });
  }
  return t('errors:internal');
}

/** Shows an error as a red notice (for actions whose page has no place for an inline alert). */
export function useErrorNotice() {
  const { t } = useTranslation();
  return (e: unknown, options: { autoClose?: false } = {}) => notifications.show({ color: 'red', message: errorMessage(e, t), ...options });
}

/** Shows a green "done" notice. */
export function notifyDone(message: string) {
  notifications.show({ color: 'green', message });
}
