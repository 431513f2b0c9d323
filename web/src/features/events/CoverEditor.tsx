// The event's cover image in the organisers' form: upload, replace or remove. The file is sent at once
// (the server checks its type from the bytes and its size); the event form's Save is not needed.
import { Button, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui.tsx';
import { type EventInfo, useCover } from './api.ts';

export function CoverEditor({ event }: { event?: EventInfo }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const cover = useCover(event?.id ?? '');
  const busy = cover.isPending;
  if (!event) return <Text size="sm" c="dimmed">{t('events:cover.afterSave')}</Text>;
  const run = (file: File | null) => { setError(null); cover.mutate(file, { onError: setError }); };
  const upload = (file: File | null) => { if (file) run(file); };
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
            onClick={() => run(null)}>{t('events:cover.remove')}</Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">{t('events:cover.hint')}</Text>
    </Stack>
  );
}
