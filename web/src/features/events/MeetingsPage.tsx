// My meeting requests (incoming and outgoing) and meetings at an event.
import { Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMl } from '../../app/display.tsx';
import { useMe } from '../../app/session.tsx';
import { ErrorAlert, Loading, Page, RequireAuth } from '../../app/ui.tsx';
import { EventTabs, useEvent } from './common.tsx';
import { MeetingCard } from './MeetingCard.tsx';
import { eventKeys, type Meeting, myMeetingsQuery } from './api.ts';

export function useMyMeetings(eventId: string | undefined) {
  return useQuery(myMeetingsQuery(eventId));
}

export function MeetingsPage() {
  const { t } = useTranslation();
  const ml = useMl();
  const { me } = useMe();
  const qc = useQueryClient();
  const { data: e, error } = useEvent();
  const q = useMyMeetings(e?.id);
  if (!e) return error ? <ErrorAlert error={error} /> : <Loading />;
  const all = q.data ?? [];
  const mine = (m: Meeting) => m.participants.find((p) => p.userId === me?.id);
  const groups = [
    { key: 'incoming', items: all.filter((m) => m.status === 'requested' && mine(m) && !mine(m)!.isRequester && mine(m)!.response === 'pending') },
    { key: 'outgoing', items: all.filter((m) => m.status === 'requested' && mine(m)?.isRequester) },
    { key: 'active', items: all.filter((m) => m.status === 'accepted' || m.status === 'scheduled') },
    { key: 'closed', items: all.filter((m) => ['declined', 'cancelled', 'expired'].includes(m.status)) },
  ];
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: eventKeys.myMeetings(e.id) }), qc.invalidateQueries({ queryKey: eventKeys.myAgenda(e.id) })]);
  return (
    <RequireAuth>
      <Page title={ml(e.title)}>
        <EventTabs event={e} />
        <ErrorAlert error={q.error} />
        {q.isLoading && <Loading />}
        {groups.map((g) => (
          <Stack key={g.key} gap="xs" data-testid={`meetings-${g.key}`}>
            <Title order={2} size="h4">{t(`events:meetings.groups.${g.key}`)} ({g.items.length})</Title>
            {g.items.length === 0 && <Text c="dimmed" size="sm">{t('events:meetings.none')}</Text>}
            {g.items.map((m) => <MeetingCard key={m.id} meeting={m} event={e} onChange={refresh} />)}
          </Stack>
        ))}
      </Page>
    </RequireAuth>
  );
}
