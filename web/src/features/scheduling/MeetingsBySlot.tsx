// The event's meetings by slot, with lock toggles and a move dialog that offers only conflict-free slots.
import { Badge, Button, Card, Group, Modal, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorNotice } from '../../app/notices.ts';
import { DualTime, useLang } from '../../app/display.tsx';
import { ErrorAlert, Loading } from '../../app/ui.tsx';
import { formatDateTime } from '@shared/time.ts';
import { useViewerZone } from '../../app/session.tsx';
import { attendeeNames, consoleMeetingsQuery, freeSlotsQuery, useMeetingPlacement, type Meeting, type Overview } from './api.ts';

export function MeetingsBySlot({ eventId, slots }: { eventId: string; slots: Overview['slots'] }) {
  const { t } = useTranslation();
  const list = useQuery(consoleMeetingsQuery(eventId));
  const placement = useMeetingPlacement(eventId);
  const notifyError = useErrorNotice();
  const [moving, setMoving] = useState<Meeting | null>(null);
  if (list.isLoading) return <Loading />;
  if (!list.data) return <ErrorAlert error={list.error} />;
  const active = list.data.filter((m) => m.status === 'accepted' || m.status === 'scheduled');
  const toggle = (m: Meeting) => placement.mutate({ meetingId: m.id, change: m.locked ? 'unlock' : 'lock' }, { onError: (e) => notifyError(e) });
  const rows = [...slots.map((s) => ({ slot: s, ms: active.filter((m) => m.status === 'scheduled' && m.slotId === s.id) })),
    { slot: null, ms: active.filter((m) => m.status !== 'scheduled' || !m.slotId) }].filter((x) => x.ms.length);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Text fw={600}>{t('scheduling:meetings.title', { n: active.length })}</Text>
        <Table.ScrollContainer minWidth={700}>
          <Table data-testid="meetings-by-slot">
            <Table.Thead><Table.Tr><Table.Th>{t('scheduling:meetings.slot')}</Table.Th><Table.Th>{t('scheduling:meetings.table')}</Table.Th>
              <Table.Th>{t('scheduling:meetings.participants')}</Table.Th><Table.Th>{t('scheduling:meetings.locked')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {rows.flatMap(({ slot, ms }) => ms.map((m, i) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{i === 0 ? (slot ? <DualTime value={slot.startsAt} /> : <Badge color="gray">{t('scheduling:meetings.unscheduled')}</Badge>) : ''}</Table.Td>
                  <Table.Td>{m.tableNo ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{attendeeNames(m)}</Text>
                    <Group gap={4}>
                      {m.kind === 'group' && <Badge size="xs" variant="light">{t('scheduling:meetings.group')}</Badge>}
                      {m.priority === 'must' && <Badge size="xs" color="orange" variant="light">{t('scheduling:meetings.must')}</Badge>}
                      {m.interpreter && <Badge size="xs" color="grape" variant="light">{t('scheduling:meetings.interpreter', { name: m.interpreter.name })}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Switch checked={m.locked} disabled={!m.slotId} onChange={() => void toggle(m)} aria-label={t('scheduling:meetings.lockFor', { names: attendeeNames(m) })} />
                  </Table.Td>
                  <Table.Td><Button size="xs" variant="subtle" onClick={() => setMoving(m)}>{t('scheduling:meetings.move')}</Button></Table.Td>
                </Table.Tr>
              )))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      {moving && <MoveDialog eventId={eventId} meeting={moving} onClose={() => setMoving(null)} onMoved={() => setMoving(null)} />}
    </Card>
  );
}

function MoveDialog({ eventId, meeting, onClose, onMoved }: { eventId: string; meeting: Meeting; onClose: () => void; onMoved: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const zone = useViewerZone();
  // The server lists only slots where everyone is free and (on site) a table is free: no conflicting choice is offered.
  const free = useQuery(freeSlotsQuery(meeting.id));
  const placement = useMeetingPlacement(eventId);
  const notifyError = useErrorNotice();
  const [slotId, setSlotId] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const options = (free.data ?? []).filter((s) => s.id !== meeting.slotId).map((s) => ({
    value: s.id, label: `${formatDateTime(s.startsAt, zone, lang)}${s.freeTables !== null ? ` · ${t('scheduling:move.freeTables', { n: s.freeTables })}` : ''}`,
  }));
  const save = async () => {
    if (!slotId) return;
    setSaving(true);
    try { await placement.mutateAsync({ meetingId: meeting.id, change: { slotId } }); notifications.show({ color: 'green', message: t('scheduling:move.done') }); onMoved(); }
    catch (e) { notifyError(e); }
    finally { setSaving(false); }
  };
  return (
    <Modal opened onClose={onClose} title={t('scheduling:move.title', { names: attendeeNames(meeting) })}>
      <Stack>
        {free.isLoading ? <Loading /> : options.length === 0
          ? <Text c="dimmed">{t('scheduling:move.none')}</Text>
          : <Select label={t('scheduling:move.slot')} data={options} value={slotId} onChange={setSlotId} searchable />}
        <Text size="xs" c="dimmed">{t('scheduling:move.locks')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common:cancel')}</Button>
          <Button onClick={() => void save()} disabled={!slotId} loading={saving}>{t('scheduling:move.submit')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
