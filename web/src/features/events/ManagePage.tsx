// The organisers' desk for one event: settings, agenda, registrations, statistics and the printable schedule.
import { Button, Group, Paper, Table, Tabs, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMl } from '../../app/display.tsx';
import { ErrorAlert, Loading, Page, RequireAuth } from '../../app/ui.tsx';
import { EventTabs, StatusBadge, useEvent } from './common.tsx';
import { EventForm } from './EventForm.tsx';
import { SessionsEditor } from './SessionsEditor.tsx';
import { SchedulePrint, StatsPanel } from './ReportsPanel.tsx';
import { OrganiserMeetings } from './OrganiserMeetings.tsx';
import { BroughtProfiles } from './AttendeesPage.tsx';
import { eventKeys, registrationsQuery, useSetRegistrationStatus } from './api.ts';

function RegistrationsTable({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const q = useQuery(registrationsQuery(eventId));
  const setStatus = useSetRegistrationStatus(eventId);
  const busy = (id: string, status: string) => setStatus.isPending && setStatus.variables?.id === id && setStatus.variables.status === status;
  const decide = (id: string, status: string) => {
    setError(null);
    setStatus.mutate({ id, status }, { onError: setError });
  };
  return (
    <>
      <ErrorAlert error={error ?? q.error} />
      <Table.ScrollContainer minWidth={800}>
        <Table>
          <Table.Thead><Table.Tr>
            <Table.Th>{t('events:attendees.name')}</Table.Th><Table.Th>{t('events:attendees.organisation')}</Table.Th><Table.Th>{t('events:attendees.role')}</Table.Th>
            <Table.Th>{t('events:attendees.languages')}</Table.Th><Table.Th>{t('events:manage.status')}</Table.Th><Table.Th />
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {q.data?.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.name}<Text size="xs" c="dimmed">{r.email}</Text></Table.Td>
                <Table.Td>{r.organisationName} ({r.country})<BroughtProfiles profiles={r.profiles} /></Table.Td>
                <Table.Td>{t(`events:regRole.${r.role}`)}{r.needsInterpreter && <Text size="xs" c="dimmed">{t('events:register.needsInterpreter')}</Text>}</Table.Td>
                <Table.Td>{r.languages.map((l) => t(`events:spoken.${l}`)).join(', ')}</Table.Td>
                <Table.Td><StatusBadge kind="registration" status={r.status} /></Table.Td>
                <Table.Td><Group gap={4} wrap="nowrap">
                  {r.status !== 'approved' && r.status !== 'cancelled' && <Button size="compact-xs" loading={busy(r.id, 'approved')} disabled={setStatus.isPending} onClick={() => decide(r.id, 'approved')}>{t('events:manage.approve')}</Button>}
                  {r.status === 'pending' && <Button size="compact-xs" variant="light" loading={busy(r.id, 'waitlisted')} disabled={setStatus.isPending} onClick={() => decide(r.id, 'waitlisted')}>{t('events:manage.waitlist')}</Button>}
                  {r.status !== 'rejected' && r.status !== 'cancelled' && <Button size="compact-xs" variant="subtle" color="red" loading={busy(r.id, 'rejected')} disabled={setStatus.isPending} onClick={() => decide(r.id, 'rejected')}>{t('events:manage.reject')}</Button>}
                </Group></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

export function ManagePage() {
  const { t } = useTranslation();
  const ml = useMl();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: e, error } = useEvent();
  if (!e) return error ? <ErrorAlert error={error} /> : <Loading />;
  return (
    <RequireAuth roles={['organiser', 'admin']}>
      <Page title={ml(e.title)} actions={<Button onClick={() => navigate(`/events/${e.slug}/schedule`)}>{t('scheduling:scheduleAll')}</Button>}>
        <EventTabs event={e} />
        <Tabs defaultValue="registrations" keepMounted={false}>
          <Tabs.List className="no-print">
            {['registrations', 'meetings', 'agenda', 'settings', 'stats', 'schedule'].map((k) => <Tabs.Tab key={k} value={k}>{t(`events:manage.tabs.${k}`)}</Tabs.Tab>)}
          </Tabs.List>
          <Tabs.Panel value="registrations" pt="md"><RegistrationsTable eventId={e.id} /></Tabs.Panel>
          <Tabs.Panel value="meetings" pt="md"><OrganiserMeetings event={e} /></Tabs.Panel>
          <Tabs.Panel value="agenda" pt="md"><SessionsEditor event={e} /></Tabs.Panel>
          <Tabs.Panel value="settings" pt="md"><Paper withBorder p="md"><EventForm event={e} onSaved={async (slug) => {
            await qc.invalidateQueries({ queryKey: eventKeys.event() }); navigate(`/events/${slug}/manage`);
          }} /></Paper></Tabs.Panel>
          <Tabs.Panel value="stats" pt="md"><StatsPanel event={e} /></Tabs.Panel>
          <Tabs.Panel value="schedule" pt="md"><SchedulePrint event={e} /></Tabs.Panel>
        </Tabs>
      </Page>
    </RequireAuth>
  );
}
