// The personal agenda: sessions and my meetings in order, in my zone with the partner's time alongside;
// printable, with calendar links (one .ics per meeting, and a personal subscription feed).
import { Anchor, Button, CopyButton, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MlText, useCountryName, useMl } from '../../app/display.tsx';
import { useMe } from '../../app/session.tsx';
import { ErrorAlert, Loading, Page, RequireAuth } from '../../app/ui.tsx';
import { EventTabs, TimeRange, useEvent, useRoomText } from './common.tsx';
import { calendarFeedQuery, myAgendaQuery, useCalendarFeed } from './api.ts';

function CalendarFeed() {
  const { t } = useTranslation();
  const q = useQuery(calendarFeedQuery);
  const feed = useCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  return (
    <Paper withBorder p="md" className="no-print">
      <Stack gap="xs">
        <Text fw={600}>{t('events:calendar.title')}</Text>
        <Text size="sm" c="dimmed">{t('events:calendar.help')}</Text>
        {url && (
          <Group wrap="nowrap">
            <TextInput value={url} readOnly style={{ flex: 1, minWidth: 0 }} aria-label={t('events:calendar.url')} />
            <CopyButton value={url}>{({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? t('common:copied') : t('common:copy')}</Button>}</CopyButton>
          </Group>
        )}
        <Group>
          <Button size="xs" loading={feed.isPending && feed.variables === 'create'} disabled={feed.isPending} onClick={async () => setUrl((await feed.mutateAsync('create'))?.url ?? null)}>
            {q.data?.active ? t('events:calendar.renew') : t('events:calendar.create')}</Button>
          {q.data?.active && <Button size="xs" variant="subtle" color="red" loading={feed.isPending && feed.variables === 'revoke'} disabled={feed.isPending} onClick={async () => { await feed.mutateAsync('revoke'); setUrl(null); }}>{t('events:calendar.revoke')}</Button>}
        </Group>
      </Stack>
    </Paper>
  );
}

export function MyAgendaPage() {
  const { t } = useTranslation();
  const ml = useMl();
  const { me } = useMe();
  const country = useCountryName();
  const { data: e, error } = useEvent();
  const room = useRoomText(e?.venues ?? []);
  const q = useQuery(myAgendaQuery(e?.id));
  if (!e) return error ? <ErrorAlert error={error} /> : <Loading />;
  return (
    <RequireAuth>
      <Page title={`${t('events:myAgenda.title')}: ${ml(e.title)}`} actions={<Button className="no-print" variant="light" onClick={() => window.print()}>{t('events:print')}</Button>}>
        <EventTabs event={e} />
        <ErrorAlert error={q.error} />
        {q.isLoading && <Loading />}
        <Table data-testid="my-agenda" className="stack-table">
          <Table.Thead><Table.Tr><Table.Th>{t('events:myAgenda.when')}</Table.Th><Table.Th>{t('events:myAgenda.what')}</Table.Th><Table.Th>{t('events:myAgenda.where')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {q.data?.items.map((i, n) => {
              const partners = i.meeting?.participants.filter((p) => p.userId !== me?.id && (p.isRequester || p.response === 'accepted')) ?? [];
              return (
                <Table.Tr key={n} data-testid={i.type === 'meeting' ? 'agenda-meeting' : 'agenda-session'}>
                  <Table.Td><TimeRange start={i.startsAt} end={i.endsAt} /></Table.Td>
                  <Table.Td>
                    {i.type === 'session' ? <><Text size="xs" c="dimmed">{t(`events:sessionKind.${i.kind}`)}</Text><MlText value={i.title} /></> : (
                      <Stack gap={2}>
                        <Text size="xs" c="dimmed">{t(`events:meetingKind.${i.kind}`)}</Text>
                        {partners.map((p) => (
                          <Text key={p.userId} size="sm">{p.name} — {p.organisationName} ({country(p.country)})</Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {room(i.roomId) && <Text size="sm" data-testid="agenda-room">{room(i.roomId)}</Text>}
                    {i.meeting?.tableNo && <Text size="sm">{t('events:meetings.table', { n: i.meeting.tableNo })}</Text>}
                    {i.meeting?.videoUrl && <Anchor href={i.meeting.videoUrl} target="_blank" rel="noopener noreferrer" size="sm" data-testid="agenda-video" className="break-anywhere">{i.meeting.videoUrl}</Anchor>}
                    {i.meeting && <div className="no-print"><Anchor href={`/api/meetings/${i.meeting.id}/ics`} size="xs">{t('events:meetings.ics')}</Anchor></div>}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <CalendarFeed />
      </Page>
    </RequireAuth>
  );
}
