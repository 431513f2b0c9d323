// Organisers create and edit an event: texts in three languages, format, zone and dates, registration and booking rules.
import { Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Tabs, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filledLangs } from '@shared/languages.ts';
import { utcToZoned } from '@shared/time.ts';
import { fieldErrors } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ui.tsx';
import { type EventInfo, useSaveEvent } from './api.ts';
import { VenuesEditor } from './VenuesEditor.tsx';
import { CoverEditor } from './CoverEditor.tsx';

const ZONES = ['Europe/Minsk', 'Asia/Shanghai', 'Europe/Moscow', 'Europe/Berlin', 'UTC'];

function initial(e?: EventInfo) {
  const tz = e?.timezone ?? 'Europe/Minsk';
  const local = (d: string | null | undefined) => (d ? utcToZoned(d, tz) : '');
  return {
    slug: e?.slug ?? '', title: { ru: e?.title.ru ?? '', zh: e?.title.zh ?? '', en: e?.title.en ?? '' },
    description: { ru: e?.description.ru ?? '', zh: e?.description.zh ?? '', en: e?.description.en ?? '' },
    format: e?.format ?? 'online', timezone: tz, startsLocal: local(e?.startsAt), endsLocal: local(e?.endsAt),
    visibility: e?.visibility ?? 'public', status: e?.status ?? 'draft',
    registrationOpensLocal: local(e?.registrationOpensAt), registrationClosesLocal: local(e?.registrationClosesAt),
    capacity: e?.capacity ?? '', approvalMode: e?.approvalMode ?? 'auto', bookingMode: e?.bookingMode ?? 'self',
    maxMeetingsPerParticipant: e?.maxMeetingsPerParticipant ?? 12, requestsNeedAcceptance: e?.requestsNeedAcceptance ?? true,
    requestExpiryHours: e?.requestExpiryHours ?? 72, reminderMinutes: e?.reminderMinutes ?? 15, videoProvider: e?.videoProvider ?? 'jitsi', videoLink: e?.videoLink ?? '', venues: e?.venues ?? [],
  };
}

export function EventForm({ event, onSaved }: { event?: EventInfo; onSaved: (slug: string) => void }) {
  const { t } = useTranslation();
  const save = useSaveEvent(event?.id);
  const [error, setError] = useState<unknown>(null);
  const form = useForm({ initialValues: initial(event) });
  const opts = (ns: string, values: string[]) => values.map((v) => ({ value: v, label: t(`events:${ns}.${v}`) }));
  return (
    <form noValidate onSubmit={form.onSubmit(async (v) => {
      setError(null);
      const body = {
        ...v, capacity: v.capacity === '' ? null : Number(v.capacity), videoLink: v.videoLink || null,
        registrationOpensLocal: v.registrationOpensLocal || null, registrationClosesLocal: v.registrationClosesLocal || null,
        // Venues and rooms without a name in any language are dropped (an added row left empty).
        venues: v.venues.filter((x) => filledLangs(x.name).length > 0).map((x) => ({ ...x, rooms: x.rooms.filter((r) => filledLangs(r.name).length > 0) })),
        organiserIds: event?.organisers.map((o) => o.id) ?? [],
      };
      try {
        await save.mutateAsync(body);
        onSaved(v.slug);
      } catch (e) { setError(e); form.setErrors(fieldErrors(e)); }
    })}>
      <Stack>
        <ErrorAlert error={error} />
        <Tabs defaultValue="ru">
          <Tabs.List>{(['ru', 'zh', 'en'] as const).map((l) => <Tabs.Tab key={l} value={l}>{t(`common:languages.${l}`)}</Tabs.Tab>)}</Tabs.List>
          {(['ru', 'zh', 'en'] as const).map((l) => (
            <Tabs.Panel key={l} value={l} pt="sm">
              <Stack>
                <TextInput label={t('events:form.title')} {...form.getInputProps(`title.${l}`)} />
                <Textarea label={t('events:form.description')} autosize minRows={3} {...form.getInputProps(`description.${l}`)} />
              </Stack>
            </Tabs.Panel>
          ))}
        </Tabs>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('events:form.slug')} description={t('events:form.slugHelp')} {...form.getInputProps('slug')} />
          <Select label={t('events:form.format')} data={opts('format', ['online', 'hybrid', 'onsite'])} allowDeselect={false} {...form.getInputProps('format')} />
          <Select label={t('events:form.timezone')} data={ZONES} allowDeselect={false} {...form.getInputProps('timezone')} />
          <TextInput type="datetime-local" label={t('events:form.starts')} {...form.getInputProps('startsLocal')} />
          <TextInput type="datetime-local" label={t('events:form.ends')} {...form.getInputProps('endsLocal')} />
          <Select label={t('events:form.status')} data={opts('eventStatus', ['draft', 'published', 'closed'])} allowDeselect={false} {...form.getInputProps('status')} />
          <TextInput type="datetime-local" label={t('events:form.regOpens')} {...form.getInputProps('registrationOpensLocal')} />
          <TextInput type="datetime-local" label={t('events:form.regCloses')} {...form.getInputProps('registrationClosesLocal')} />
          <Select label={t('events:form.visibility')} data={opts('visibility', ['public', 'invitation'])} allowDeselect={false} {...form.getInputProps('visibility')} />
          <NumberInput label={t('events:form.capacity')} min={1} {...form.getInputProps('capacity')} />
          <Select label={t('events:form.approvalMode')} data={opts('approvalMode', ['auto', 'manual'])} allowDeselect={false} {...form.getInputProps('approvalMode')} />
          <Select label={t('events:form.bookingMode')} data={opts('bookingMode', ['self', 'organiser'])} allowDeselect={false} {...form.getInputProps('bookingMode')} />
          <NumberInput label={t('events:form.maxMeetings')} min={1} max={100} {...form.getInputProps('maxMeetingsPerParticipant')} />
          <NumberInput label={t('events:form.expiryHours')} min={1} {...form.getInputProps('requestExpiryHours')} />
          <NumberInput label={t('events:form.reminderMinutes')} min={0} {...form.getInputProps('reminderMinutes')} />
          <Select label={t('events:form.videoProvider')} data={opts('videoProvider', ['jitsi', 'link'])} allowDeselect={false} {...form.getInputProps('videoProvider')} />
          <TextInput label={t('events:form.videoLink')} description={t('events:form.videoLinkHelp')} {...form.getInputProps('videoLink')} />
        </SimpleGrid>
        <CoverEditor event={event} />
        <VenuesEditor value={form.values.venues} onChange={(v) => form.setFieldValue('venues', v)} />
        <Checkbox label={t('events:form.needAcceptance')} {...form.getInputProps('requestsNeedAcceptance', { type: 'checkbox' })} />
        <Group><Button type="submit" loading={form.submitting}>{t('common:save')}</Button></Group>
      </Stack>
    </form>
  );
}
