// The event's agenda: each session in the viewer's zone with the other country's time alongside.
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MlText } from '../../app/display.tsx';
import { ErrorAlert, Loading } from '../../app/ui.tsx';
import { TimeRange, useRoomText } from './common.tsx';
import { agendaQuery, type EventInfo } from './api.ts';

export function useAgenda(slug: string) {
  return useQuery(agendaQuery(slug));
}

export function AgendaList({ slug, venues }: { slug: string; venues: EventInfo['venues'] }) {
  const { t } = useTranslation();
  const q = useAgenda(slug);
  const room = useRoomText(venues);
  if (q.isLoading) return <Loading />;
  return (
    <Stack gap="sm" data-testid="agenda">
      <ErrorAlert error={q.error} />
      {q.data?.length === 0 && <Text c="dimmed">{t('events:agenda.empty')}</Text>}
      {q.data?.map((s) => (
        <Card key={s.id} withBorder padding="md">
          <Group justify="space-between" align="flex-start">
            <Stack gap={4} style={{ flex: 1 }}>
              <Group gap="xs"><Badge variant="light">{t(`events:sessionKind.${s.kind}`)}</Badge><TimeRange start={s.startsAt} end={s.endsAt} withDate={false} /></Group>
              <Text fw={600}><MlText value={s.title} /></Text>
              {room(s.roomId) && <Text size="sm" data-testid="session-room">{t('events:agenda.room')}: {room(s.roomId)}</Text>}
              {Object.keys(s.topic).length > 0 && <Text size="sm">{t('events:agenda.topic')}: <MlText value={s.topic} /></Text>}
              {s.moderator && <Text size="sm">{t('events:agenda.moderator')}: {s.moderator}</Text>}
              {s.speakers.length > 0 && (
                <Text size="sm">{t('events:agenda.speakers')}: {s.speakers.map((sp, i) => (
                  <span key={i}>{i > 0 && '; '}{sp.name}{sp.title && <> (<MlText value={sp.title} />)</>}</span>
                ))}</Text>
              )}
              {s.kind === 'meeting_block' && (
                <Text size="sm" c="dimmed">{t('events:agenda.block', { slots: s.slots.length, minutes: s.slotMinutes ?? 0, tables: s.tables ?? 0 })}</Text>
              )}
              {Object.keys(s.minutes).length > 0 && <Text size="sm" c="dimmed">{t('events:agenda.minutes')}: <MlText value={s.minutes} /></Text>}
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
