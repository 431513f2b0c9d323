// The event's cover image in the organisers' form: upload, replace or remove. The file is sent at once
// (the server checks its type from the bytes and its size); the event form's Save is not needed.
import { Button, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, del } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ui.tsx';
import { type EventInfo, eventKeys } from './api.ts';

export function CoverEditor({ event }: { event?: EventInfo }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!event) return <Text size="sm" c="dimmed">{t('events:cover.afterSave')}</Text>;
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true); setError(null);
    try {
      await work();
      await Promise.all([qc.invalidateQueries({ queryKey: eventKeys.event() }), qc.invalidateQueries({ queryKey: eventKeys.all })]);
    } catch (e) { setError(e); } finally { setBusy(false); }
  };
  const upload = (file: File | null) => {
    if (!file) return;
    const fd = new FormData();
    fd.append('file', file);
    void run(() => api('POST', `/api/events/${event.id}/cover`, fd));
  };
  return (
    <Stack gap="xs" data-testid="cover-editor">
      <Text fw={600} size="sm">{t('events:cover.title')}</Text>
      <ErrorAlert error={error} />
      {event.coverUrl
        ? <Image src={event.coverUrl} alt={t('events:cover.current')} h={160} w="auto" fit="contain" radius="sm" style={{ alignSelf: 'flex-start' }} />
        : <Text size="sm" c="dimmed">{t('events:cover.none')}</Text>}
      <Group>
        <FileButton onChange={upload} accept="image/png,image/jpeg,image/webp">
          {(props) => <Button {...props} type="button" size="xs" variant="light" loading={busy}>{event.coverUrl ? t('events:cover.replace') : t('events:cover.upload')}</Button>}
        </FileButton>
        {event.coverUrl && (
          <Button type="button" size="xs" variant="subtle" color="red" disabled={busy}
            onClick={() => void run(() => del(`/api/events/${event.id}/cover`))}>{t('events:cover.remove')}</Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">{t('events:cover.hint')}</Text>
    </Stack>
  );
}
