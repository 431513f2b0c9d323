// Organisers' reports: statistics with CSV/XLSX export, and the schedule printable per table or room.
import { Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../app/display.tsx';
import { ErrorAlert, Loading } from '../../app/ui.tsx';
import { TimeRange, useRoomText } from './common.tsx';
import { type EventInfo, type EventSchedule, scheduleQuery, statsQuery } from './api.ts';

type ScheduleItem = EventSchedule['items'][number];

function Counts({ title, values, label }: { title: string; values: Record<string, number>; label: (k: string) => string }) {
  return (
    <Card withBorder>
      <Text fw={600} mb={4}>{title}</Text>
      {Object.entries(values).map(([k, v]) => <Group key={k} justify="space-between"><Text size="sm">{label(k)}</Text><Text size="sm" fw={600}>{v}</Text></Group>)}
    </Card>
  );
}

export function StatsPanel({ event }: { event: EventInfo }) {
  const { t } = useTranslation();
  const country = useCountryName();
  const q = useQuery(statsQuery(event.id));
  if (q.isLoading) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const s = q.data;
  return (
    <Stack>
      <Group>
        <Button component="a" href={`/api/events/${event.id}/export.csv`} variant="light">{t('events:manage.exportCsv')}</Button>
        <Button component="a" href={`/api/events/${event.id}/export.xlsx`} variant="light">{t('events:manage.exportXlsx')}</Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} data-testid="event-stats">
        <Counts title={t('events:stats.registrations', { n: s.registrations.total })} values={s.registrations.byStatus} label={(k) => t(`events:registrationStatus.${k}`)} />
        <Counts title={t('events:stats.byCountry')} values={s.registrations.byCountry} label={country} />
        <Counts title={t('events:stats.byOrgType')} values={s.registrations.byOrgType} label={(k) => t(`market:orgType.${k}`, { defaultValue: k })} />
        <Counts title={t('events:stats.requests')} values={s.requests} label={(k) => t(`events:stats.req.${k}`)} />
        <Counts title={t('events:stats.meetings')} values={s.meetings} label={(k) => t(`events:stats.mt.${k}`)} />
        <Counts title={t('events:stats.outcomes')} values={s.outcomes} label={(k) => t(`events:outcome.${k}`)} />
      </SimpleGrid>
    </Stack>
  );
}

/** One table per table number (on site) or per room/video link (online), ready to print. */
export function SchedulePrint({ event }: { event: EventInfo }) {
  const { t } = useTranslation();
  const country = useCountryName();
  const room = useRoomText(event.venues);
  const q = useQuery(scheduleQuery(event.id));
  if (q.isLoading) return <Loading />;
  const groups = new Map<string, ScheduleItem[]>();
  for (const i of q.data?.items ?? []) {
    // Per room (its name in the viewer's language) and, on site, per table in it.
    const key = [room(i.roomId), i.tableNo ? t('events:meetings.table', { n: i.tableNo }) : ''].filter(Boolean).join(' · ') || t('events:manage.online');
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return (
    <Stack>
      <Group className="no-print"><Button variant="light" onClick={() => window.print()}>{t('events:print')}</Button></Group>
      {groups.size === 0 && <Text c="dimmed">{t('events:meetings.none')}</Text>}
      {[...groups.entries()].sort().map(([key, items]) => (
        <Stack key={key} gap={4} style={{ breakInside: 'avoid' }}>
          <Title order={3} size="h5">{key}</Title>
          <Table withTableBorder>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.meetingId}>
                  <Table.Td><TimeRange start={i.startsAt} end={i.endsAt} /></Table.Td>
                  <Table.Td>{i.participants.map((p) => `${p.name} (${p.organisationName}, ${country(p.country)})`).join('; ')}</Table.Td>
                  <Table.Td>{i.interpreter ?? ''}</Table.Td>
                  <Table.Td><Text size="xs">{i.videoUrl ?? ''}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
    </Stack>
  );
}
