// Approved attendees of an event; a participant asks one or several of them for a meeting.
import { Anchor, Badge, Button, Checkbox, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/session.tsx';
import { ErrorAlert, Loading, Page, RequireAuth } from '../../app/ui.tsx';
import { PromptModal } from '../../app/PromptModal.tsx';
import { MlText, useMl } from '../../app/display.tsx';
import { EventTabs, useEvent } from './common.tsx';
import { attendeesQuery, eventKeys, type Registration, useRequestMeeting } from './api.ts';

export function RequestDialog({ eventId, invitees, onClose }: { eventId: string; invitees: Pick<Registration, 'userId' | 'name' | 'organisationName'>[]; onClose: (sent: boolean) => void }) {
  const { t } = useTranslation();
  const [priority, setPriority] = useState('would');
  const request = useRequestMeeting(eventId);
  return (
    <PromptModal title={t('events:attendees.requestTitle', { n: invitees.length })} label={t('events:attendees.message')} minRows={3} maxLength={2000}
      submitLabel={t('events:attendees.send')} onClose={() => onClose(false)}
      onSubmit={async (message) => { await request.mutateAsync({ inviteeUserIds: invitees.map((i) => i.userId), message, priority }); onClose(true); }}
      after={<SegmentedControl value={priority} onChange={setPriority} data={[{ value: 'must', label: t('events:priority.must') }, { value: 'would', label: t('events:priority.would') }]} />}>
      <Text size="sm">{invitees.map((i) => `${i.name} (${i.organisationName})`).join(', ')}</Text>
    </PromptModal>
  );
}

/** The marketplace profiles an attendee brings, as links to the profile pages. */
export function BroughtProfiles({ profiles }: { profiles: Registration['profiles'] }) {
  if (!profiles.length) return null;
  return (
    <Stack gap={2} data-testid="attendee-profiles">
      {profiles.map((p) => <Anchor key={p.id} component={Link} to={`/marketplace/profiles/${p.id}`} size="sm"><MlText value={p.title} /></Anchor>)}
    </Stack>
  );
}

export function AttendeesPage() {
  const { t } = useTranslation();
  const ml = useMl();
  const { me } = useMe();
  const qc = useQueryClient();
  const { data: e, error } = useEvent();
  const [filter, setFilter] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Registration[] | null>(null);
  const [sent, setSent] = useState(false);
  const q = useQuery(attendeesQuery(e?.id));
  const rows = useMemo(() => (q.data ?? []).filter((r) => r.status === 'approved' && r.userId !== me?.id
    && `${r.name} ${r.organisationName} ${r.country}`.toLowerCase().includes(filter.toLowerCase())), [q.data, filter, me]);
  if (!e) return error ? <ErrorAlert error={error} /> : <Loading />;
  const canRequest = e.myRegistration?.status === 'approved';
  return (
    <RequireAuth>
      <Page title={ml(e.title)}>
        <EventTabs event={e} />
        <ErrorAlert error={q.error} />
        {sent && <Text c="teal" role="status">{t('events:attendees.sent')}</Text>}
        <Group>
          <TextInput placeholder={t('events:attendees.filter')} aria-label={t('events:attendees.filter')} value={filter} onChange={(x) => setFilter(x.currentTarget.value)} />
          {canRequest && picked.length > 1 && (
            <Button variant="light" onClick={() => setDialog(rows.filter((r) => picked.includes(r.userId)))}>{t('events:attendees.groupRequest', { n: picked.length })}</Button>
          )}
        </Group>
        <Table.ScrollContainer minWidth={800}>
          <Table>
            <Table.Thead><Table.Tr>
              {canRequest && <Table.Th />}<Table.Th>{t('events:attendees.name')}</Table.Th><Table.Th>{t('events:attendees.organisation')}</Table.Th>
              <Table.Th>{t('events:attendees.role')}</Table.Th><Table.Th>{t('events:attendees.languages')}</Table.Th><Table.Th>{t('events:attendees.profiles')}</Table.Th><Table.Th />
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  {canRequest && <Table.Td><Checkbox aria-label={t('events:attendees.pick', { name: r.name })} checked={picked.includes(r.userId)}
                    onChange={(x) => setPicked(x.currentTarget.checked ? [...picked, r.userId] : picked.filter((p) => p !== r.userId))} /></Table.Td>}
                  <Table.Td>{r.name} <Badge size="xs" variant="light">{r.country}</Badge></Table.Td>
                  <Table.Td>{r.organisationName}</Table.Td>
                  <Table.Td>{t(`events:regRole.${r.role}`)}</Table.Td>
                  <Table.Td>{r.languages.map((l) => t(`events:spoken.${l}`)).join(', ')}</Table.Td>
                  <Table.Td><BroughtProfiles profiles={r.profiles} /></Table.Td>
                  <Table.Td>{canRequest && <Button size="compact-sm" onClick={() => setDialog([r])} aria-label={t('events:attendees.requestWith', { name: r.name })}>{t('events:attendees.request')}</Button>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {dialog && <RequestDialog eventId={e.id} invitees={dialog} onClose={async (ok) => {
          setDialog(null);
          if (ok) { setSent(true); setPicked([]); await qc.invalidateQueries({ queryKey: eventKeys.myMeetings(e.id) }); }
        }} />}
      </Page>
    </RequireAuth>
  );
}
