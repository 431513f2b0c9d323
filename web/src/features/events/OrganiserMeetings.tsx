// Organisers see every meeting of the event: book accepted ones into a slot (and table), attach an
// interpreter, lock, publish the schedule, and send the follow-up survey.
import { Badge, Button, Group, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../app/ui.tsx';
import { StatusBadge, TimeRange } from './common.tsx';
import { formatDateTime } from '@shared/time.ts';
import { useLang } from '../../app/display.tsx';
import { useViewerZone } from '../../app/session.tsx';
import { type EventInfo, eventKeys, eventMeetingsQuery, freeSlotsQuery, type Meeting, registrationsQuery, useMeetingAction, useOrganiserMeetings } from './api.ts';

function BookCell({ m, onDone, setError }: { m: Meeting; onDone: () => void; setError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const lang = useLang();
  const zone = useViewerZone();
  const q = useQuery({ ...freeSlotsQuery(m.id), enabled: open });
  const action = useMeetingAction();
  if (!open) return <Button size="compact-xs" variant="light" onClick={() => setOpen(true)}>{m.slotId ? t('events:meetings.move') : t('events:meetings.chooseSlot')}</Button>;
  if (q.isLoading) return <Loading />;
  return (
    <Select size="xs" placeholder={t('events:meetings.chooseSlot')} aria-label={t('events:meetings.chooseSlot')}
      data={(q.data ?? []).map((s) => ({ value: s.id, label: `${formatDateTime(s.startsAt, zone, lang)}${s.freeTables !== null ? ` (${s.freeTables})` : ''}` }))}
      onChange={async (slotId) => {
        if (!slotId) return;
        try { await action.mutateAsync({ meetingId: m.id, action: 'book', body: { slotId } }); setOpen(false); onDone(); } catch (e) { setError(e); }
      }} />
  );
}

export function OrganiserMeetings({ event }: { event: EventInfo }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const q = useQuery(eventMeetingsQuery(event.id));
  const regs = useQuery(registrationsQuery(event.id));
  const interpreters = (regs.data ?? []).filter((r) => r.role === 'interpreter' && r.status === 'approved');
  const refresh = () => qc.invalidateQueries({ queryKey: eventKeys.eventMeetings(event.id) });
  const organiser = useOrganiserMeetings(event.id);
  const act = async (fn: () => Promise<unknown>) => { setError(null); try { await fn(); } catch (e) { setError(e); } };
  return (
    <Stack>
      <ErrorAlert error={error ?? q.error} />
      {notice && <Text c="teal" role="status">{notice}</Text>}
      <Group>
        <Button loading={organiser.publish.isPending} disabled={organiser.followUp.isPending} onClick={() => act(async () => {
          const r = await organiser.publish.mutateAsync();
          setNotice(t('events:manage.published', { version: r.version, n: r.notified }));
        })}>{t('events:manage.publish')}</Button>
        {event.followUpUrl && <Button variant="light" loading={organiser.followUp.isPending} disabled={organiser.publish.isPending} onClick={() => act(async () => {
          const r = await organiser.followUp.mutateAsync();
          setNotice(t('events:manage.followUpSent', { n: r.notified }));
        })}>{t('events:manage.followUp')}</Button>}
      </Group>
      {q.isLoading && <Loading />}
      <Table.ScrollContainer minWidth={900}>
        <Table>
          <Table.Tbody>
            {q.data?.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td><StatusBadge kind="meeting" status={m.status} />{m.published && <Badge ml={4} size="xs" variant="outline">v</Badge>}</Table.Td>
                <Table.Td><Text size="sm">{m.participants.map((p) => `${p.name} (${p.organisationName})`).join(' · ')}</Text></Table.Td>
                <Table.Td>{m.startsAt && m.endsAt ? <TimeRange start={m.startsAt} end={m.endsAt} /> : '—'}{m.tableNo && <Text size="xs">{t('events:meetings.table', { n: m.tableNo })}</Text>}</Table.Td>
                <Table.Td>{['accepted', 'scheduled'].includes(m.status) && <BookCell m={m} onDone={refresh} setError={setError} />}</Table.Td>
                <Table.Td>{['accepted', 'scheduled'].includes(m.status) && (
                  <Select size="xs" clearable placeholder={t('events:manage.interpreter')} aria-label={t('events:manage.interpreter')} value={m.interpreter?.userId ?? null}
                    data={interpreters.map((i) => ({ value: i.userId, label: i.name }))}
                    onChange={(userId) => act(() => organiser.interpreter.mutateAsync({ meetingId: m.id, userId }))} />
                )}</Table.Td>
                <Table.Td>{(m.status === 'scheduled' || m.locked) && <Switch size="xs" label={t('events:manage.locked')} checked={m.locked}
                  onChange={(e) => act(() => organiser.lock.mutateAsync({ meetingId: m.id, locked: e.currentTarget.checked }))} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
