// The one way a failed request is told to the reader: the server's localised message, or (when there is
// none: a proxy's error page, a network failure, a bug) a message in the reader's language by error code.
// Never a raw status word or an exception's text.
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';

export function errorMessage(e: unknown, t: TFunction): string {
  if (e instanceof ApiError) return e.message || t(`errors:${e.code}`, { defaultValue: t('errors:internal') });
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
