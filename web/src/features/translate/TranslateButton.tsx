// "Translate" under a user-written text (profile sections, messages): asks the platform's
// self-hosted machine translation for the viewer's language and shows the result beside the
// original, marked as machine-translated. Renders nothing when translation is not set up or the
// viewer is not signed in. Strings under common:translate.
import { Anchor, Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../app/api.ts';
import { useMe } from '../../app/session.tsx';
import { ErrorAlert } from '../../app/ui.tsx';

type Result = { text: string; source: string | null; target: string; machineTranslated: true };

export function TranslateButton({ text }: { text: string }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const available = useQuery({ queryKey: ['translate-available'], queryFn: () => get<{ available: boolean }>('/api/translate'), staleTime: 3600_000, enabled: !!me });
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!me || !available.data?.available || !text.trim()) return null;
  const run = async () => {
    setBusy(true); setError(null);
    try { setResult(await post<Result>('/api/translate', { text: text.slice(0, 5000) })); } catch (e) { setError(e); } finally { setBusy(false); }
  };
  if (result) {
    return (
      <Paper withBorder p="xs" bg="var(--mantine-color-gray-0)">
        <Text size="xs" c="dimmed">{t('common:translate.label')}</Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lang={result.target}>{result.text}</Text>
      </Paper>
    );
  }
  return (
    <div>
      <Anchor component="button" type="button" size="xs" onClick={run} disabled={busy} aria-busy={busy}>{busy ? t('common:translate.working') : t('common:translate.action')}</Anchor>
      <ErrorAlert error={error} />
    </div>
  );
}
