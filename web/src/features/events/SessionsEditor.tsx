// Organisers add and remove agenda sessions; a meeting block gets slots of 15–60 minutes.
import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Table, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { utcToZoned } from '@shared/time.ts';
import { fieldErrors } from '../../app/api.ts';
import { MlText, useLang, useMl } from '../../app/display.tsx';
import { ErrorAlert } from '../../app/ui.tsx';
import { useAgenda } from './Agenda.tsx';
import { TimeRange } from './common.tsx';
import { type EventInfo, type Session, useSessionChange } from './api.ts';

const KINDS = ['plenary', 'round_table', 'presentation', 'meeting_block', 'pause'];

export function SessionsEditor({ event }: { event: EventInfo }) {
  const { t } = useTranslation();
  const agenda = useAgenda(event.slug);
  const ml = useMl();
  const lang = useLang();
  const [error, setError] = useState<unknown>(null);
  // The event's first day in its own zone (a Changchun morning is the previous day in UTC).
  const day = utcToZoned(event.startsAt, event.timezone).slice(0, 10);
  const form = useForm({ initialValues: { kind: 'meeting_block', ru: '', zh: '', en: '', topic: '', moderator: '', startsLocal: `${day}T10:00`, endsLocal: `${day}T13:00`, slotMinutes: 30, pauseMinutes: 0, tables: 0, roomId: '', minutes: '' } });
  const [editing, setEditing] = useState<Session | null>(null);
  const rooms = event.venues.flatMap((v) => v.rooms.map((r) => ({ value: r.id, label: ml(r.name) || r.id })));
  const sessions = useSessionChange(event);
  const block = form.values.kind === 'meeting_block';
  return (
    <Stack>
      <ErrorAlert error={error} />
      <Table>
        <Table.Tbody>
          {agenda.data?.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{t(`events:sessionKind.${s.kind}`)}</Table.Td>
              <Table.Td><MlText value={s.title} /></Table.Td>
              <Table.Td><TimeRange start={s.startsAt} end={s.endsAt} withDate={false} /></Table.Td>
              <Table.Td>{s.kind === 'meeting_block' && t('events:agenda.block', { slots: s.slots.length, minutes: s.slotMinutes ?? 0, tables: s.tables ?? 0 })}</Table.Td>
              <Table.Td><Button size="compact-xs" variant="subtle" onClick={() => {
                setEditing(s);
                form.setValues({ kind: s.kind, ru: s.title.ru ?? '', zh: s.title.zh ?? '', en: s.title.en ?? '', topic: s.topic.ru ?? '', moderator: s.moderator ?? '',
                  startsLocal: utcToZoned(s.startsAt, event.timezone), endsLocal: utcToZoned(s.endsAt, event.timezone), slotMinutes: s.slotMinutes ?? 30,
                  pauseMinutes: s.pauseMinutes ?? 0, tables: s.tables ?? 0, roomId: s.roomId ?? '', minutes: s.minutes[lang] ?? '' });
              }}>{t('events:manage.edit')}</Button></Table.Td>
              <Table.Td><Button size="compact-xs" variant="subtle" color="red" disabled={sessions.isPending} onClick={async () => {
                setError(null);
                try { await sessions.mutateAsync({ remove: s.id }); } catch (e) { setError(e); }
              }}>{t('events:manage.delete')}</Button></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <form noValidate onSubmit={form.onSubmit(async (v) => {
        setError(null);
        try {
          const body = {
            kind: v.kind, title: { ru: v.ru, zh: v.zh, en: v.en }, startsLocal: v.startsLocal, endsLocal: v.endsLocal,
            topic: { ...editing?.topic, ru: v.topic }, moderator: v.moderator || null, roomId: v.roomId || null,
            description: editing?.description ?? {}, speakers: editing?.speakers ?? [], minutes: { ...editing?.minutes, [lang]: v.minutes },
            ...(block ? { slotMinutes: v.slotMinutes, pauseMinutes: v.pauseMinutes, tables: v.tables } : {}),
          };
          await sessions.mutateAsync(editing ? { id: editing.id, update: body } : { create: body });
          setEditing(null);
        } catch (e) { setError(e); form.setErrors(fieldErrors(e)); }
      })}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label={t('events:manage.kind')} data={KINDS.map((k) => ({ value: k, label: t(`events:sessionKind.${k}`) }))} allowDeselect={false} {...form.getInputProps('kind')} />
            <TextInput type="datetime-local" label={t('events:form.starts')} description={t('events:manage.inEventZone', { tz: event.timezone })} {...form.getInputProps('startsLocal')} />
            <TextInput type="datetime-local" label={t('events:form.ends')} {...form.getInputProps('endsLocal')} />
            <TextInput label={`${t('events:form.title')} (RU)`} {...form.getInputProps('ru')} />
            <TextInput label={`${t('events:form.title')} (中文)`} {...form.getInputProps('zh')} />
            <TextInput label={`${t('events:form.title')} (EN)`} {...form.getInputProps('en')} />
            {form.values.kind === 'round_table' && <TextInput label={t('events:agenda.topic')} {...form.getInputProps('topic')} />}
            {form.values.kind === 'round_table' && <TextInput label={t('events:agenda.moderator')} {...form.getInputProps('moderator')} />}
            {editing && form.values.kind === 'round_table' && <Textarea label={t('events:agenda.minutes')} autosize minRows={2} {...form.getInputProps('minutes')} />}
            {rooms.length > 0 && <Select label={t('events:venues.room')} data={rooms} clearable {...form.getInputProps('roomId')} />}
            {block && <NumberInput label={t('events:manage.slotMinutes')} min={15} max={60} {...form.getInputProps('slotMinutes')} />}
            {block && <NumberInput label={t('events:manage.pauseMinutes')} min={0} max={60} {...form.getInputProps('pauseMinutes')} />}
            {block && <NumberInput label={t('events:manage.tables')} description={t('events:manage.tablesHelp')} min={0} {...form.getInputProps('tables')} />}
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={form.submitting}>{editing ? t('common:save') : t('events:manage.addSession')}</Button>
            {editing && <Button variant="subtle" onClick={() => { setEditing(null); form.reset(); }}>{t('common:cancel')}</Button>}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
