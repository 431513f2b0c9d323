import { Accordion, Badge, Group, Stack, Text, TextInput, Code } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../app/ui.tsx';
import { DateTime } from '../../app/display.tsx';
import { outboxQuery } from './api.ts';


/** Mail written by the platform. Without SMTP_URL it stays here ("kept"): administrators can read and forward it. */
export function OutboxTab() {
  const { t } = useTranslation();
  const [to, setTo] = useState('');
  const [debounced] = useDebouncedValue(to.trim(), 300);
  const q = useQuery(outboxQuery(debounced));
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('admin:outbox.explain')}</Text>
      <TextInput label={t('admin:outbox.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={320} />
      <ErrorAlert error={q.error} />
      {q.isLoading ? <Loading /> : (
        <Accordion variant="contained">
          {q.data?.items.map((m) => (
            <Accordion.Item key={m.id} value={m.id}>
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap">
                  <div><Text size="sm" fw={500}>{m.subject}</Text><Text size="xs" c="dimmed">{m.toEmail} · <DateTime value={m.createdAt} /></Text></div>
                  <Badge variant="light" color={m.status === 'sent' ? 'green' : m.status === 'failed' ? 'red' : 'gray'}>{t(`admin:outbox.status.${m.status}`)}</Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel><Code block style={{ whiteSpace: 'pre-wrap' }} data-testid="mail-text">{m.text}</Code>{m.lastError && <Text c="red" size="xs">{m.lastError}</Text>}</Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}
