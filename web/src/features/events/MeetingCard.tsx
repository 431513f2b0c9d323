// One meeting as its participant sees it, with the actions open to them.
import { Anchor, Badge, Button, Card, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/session.tsx';
import { DateTime, useCountryName } from '../../app/display.tsx';
import { ErrorAlert, Loading } from '../../app/ui.tsx';
import { PromptModal } from '../../app/PromptModal.tsx';
import { StatusBadge, TimeRange } from './common.tsx';
import { OutcomeForm } from './OutcomeForm.tsx';
import { type EventInfo, freeSlotsQuery, type Meeting, useMeetingAction } from './api.ts';

function SlotChooser({ meeting, mode, onDone }: { meeting: Meeting; mode: 'accept' | 'book'; onDone: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const q = useQuery(freeSlotsQuery(meeting.id));
  const [slot, setSlot] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const action = useMeetingAction();
  const busy = action.isPending;
  const submit = async (slotId: string | null) => {
    setError(null);
    try {
      await action.mutateAsync(mode === 'accept' ? { meetingId: meeting.id, action: 'accept', body: slotId ? { slotId } : {} } : { meetingId: meeting.id, action: 'book', body: { slotId } });
      onDone(true);
    } catch (e) { setError(e); await q.refetch(); }
  };
  return (
    <Modal opened onClose={() => onDone(false)} title={t('events:meetings.chooseSlot')} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">{t('events:meetings.chooseSlotHelp')}</Text>
        <ErrorAlert error={error} />
        {q.isLoading ? <Loading /> : (
          <Radio.Group value={slot} onChange={setSlot} name="slot">
            <Stack gap="xs">
              {q.data?.length === 0 && <Text c="dimmed">{t('events:meetings.noFreeSlots')}</Text>}
              {q.data?.map((s) => (
                <Radio key={s.id} value={s.id} label={<>
                  <TimeRange start={s.startsAt} end={s.endsAt} />
                  {s.freeTables !== null && <Text span size="xs" c="dimmed"> · {t('events:meetings.freeTables', { n: s.freeTables })}</Text>}
                </>} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Group justify="flex-end">
          {mode === 'accept' && <Button variant="subtle" loading={busy} onClick={() => submit(null)}>{t('events:meetings.acceptLater')}</Button>}
          <Button disabled={!slot} loading={busy} onClick={() => submit(slot)}>{mode === 'accept' ? t('events:meetings.acceptWithSlot') : t('events:meetings.book')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function MeetingCard({ meeting: m, event, onChange }: { meeting: Meeting; event: EventInfo; onChange: () => void }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const [dialog, setDialog] = useState<null | 'accept' | 'book' | 'decline' | 'cancel'>(null);
  const action = useMeetingAction();
  const mine = m.participants.find((p) => p.userId === me?.id);
  const others = m.participants.filter((p) => p.userId !== me?.id);
  const pendingForMe = m.status === 'requested' && mine && !mine.isRequester && mine.response === 'pending';
  const active = ['requested', 'accepted', 'scheduled'].includes(m.status);
  const started = m.startsAt && new Date(m.startsAt).getTime() <= Date.now();
  const selfBooking = event.bookingMode === 'self';
  const country = useCountryName();
  // A request waiting for my answer offers accept or decline; cancelling is for the requester and for agreed meetings.
  return (
    <Card withBorder padding="md" data-testid="meeting-card">
      <Stack gap={6}>
        <Group justify="space-between">
          <Group gap="xs"><StatusBadge kind="meeting" status={m.status} /><Badge variant="outline">{t(`events:meetingKind.${m.kind}`)}</Badge>
            {m.priority === 'must' && <Badge color="grape" variant="light">{t('events:priority.must')}</Badge>}</Group>
          {m.startsAt && m.endsAt && <TimeRange start={m.startsAt} end={m.endsAt} />}
        </Group>
        <Text fw={600}>{others.map((p) => `${p.name} (${p.organisationName}, ${country(p.country)})`).join(' · ')}</Text>
        {others.length > 1 && <Text size="xs" c="dimmed">{others.map((p) => `${p.name}: ${t(`events:response.${p.response}`)}`).join(', ')}</Text>}
        {m.message && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{m.message}</Text>}
        {m.reason && <Text size="sm" c="dimmed">{t('events:meetings.reasonShown', { reason: m.reason })}</Text>}
        {m.status === 'scheduled' && (
          <Group gap="md">
            {m.tableNo && <Text size="sm" fw={600}>{t('events:meetings.table', { n: m.tableNo })}</Text>}
            {m.videoUrl && <Anchor href={m.videoUrl} target="_blank" rel="noopener noreferrer" data-testid="video-link">{t('events:meetings.video')}</Anchor>}
            {m.interpreter && <Text size="sm">{t('events:meetings.interpreter', { name: m.interpreter.name })}</Text>}
            <Anchor href={`/api/meetings/${m.id}/ics`} size="sm">{t('events:meetings.ics')}</Anchor>
          </Group>
        )}
        {m.status === 'requested' && m.expiresAt && <Text size="xs" c="dimmed">{t('events:meetings.expires')}: <DateTime value={m.expiresAt} /></Text>}
        <Group gap="xs" className="no-print">
          {pendingForMe && <Button size="xs" loading={action.isPending} onClick={async () => {
            if (selfBooking) setDialog('accept'); else { await action.mutateAsync({ meetingId: m.id, action: 'accept', body: {} }); onChange(); }
          }}>{t('events:meetings.accept')}</Button>}
          {pendingForMe && <Button size="xs" variant="light" color="red" onClick={() => setDialog('decline')}>{t('events:meetings.decline')}</Button>}
          {m.status === 'accepted' && selfBooking && <Button size="xs" onClick={() => setDialog('book')}>{t('events:meetings.chooseSlot')}</Button>}
          {m.status === 'scheduled' && selfBooking && !started && !m.locked && <Button size="xs" variant="light" onClick={() => setDialog('book')}>{t('events:meetings.move')}</Button>}
          {active && !started && !pendingForMe && <Button size="xs" variant="subtle" color="red" onClick={() => setDialog('cancel')}>{t('events:meetings.cancel')}</Button>}
        </Group>
        {m.status === 'scheduled' && started && <OutcomeForm meeting={m} onSaved={onChange} />}
        {m.myOutcome?.outcomes.includes('joint_application_planned') && (
          <Anchor component={Link} to={`/calls?origin=meeting:${m.id}`} size="sm" data-testid="start-joint-application">{t('calls:startFromMeeting')}</Anchor>
        )}
      </Stack>
      {dialog === 'accept' && selfBooking && <SlotChooser meeting={m} mode="accept" onDone={(c) => { setDialog(null); if (c) onChange(); }} />}
      {dialog === 'book' && <SlotChooser meeting={m} mode="book" onDone={(c) => { setDialog(null); if (c) onChange(); }} />}
      {(dialog === 'decline' || dialog === 'cancel') && (
        <PromptModal title={t(`events:meetings.${dialog}`)} label={t('events:meetings.reason')} maxLength={1000} submitLabel={t('events:meetings.confirm')} submitColor="red"
          onClose={() => setDialog(null)} onSubmit={async (reason) => { await action.mutateAsync({ meetingId: m.id, action: dialog, body: { reason } }); setDialog(null); onChange(); }} />
      )}
    </Card>
  );
}
