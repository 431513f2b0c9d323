// Registering for an event: role, languages, interpreter need; shows the result (approved, pending, waiting list).
import { Alert, Button, Checkbox, Group, MultiSelect, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, fieldErrors, post } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ui.tsx';
import type { EventInfo } from './types.ts';

const ROLES = ['delegate', 'speaker', 'moderator', 'interpreter', 'organiser'];
const LANGS = ['ru', 'zh', 'en', 'be', 'other'];

export function RegistrationPanel({ event }: { event: EventInfo }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({ initialValues: { role: 'delegate', languages: [] as string[], needsInterpreter: false, note: '' } });
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['event', event.slug] }), qc.invalidateQueries({ queryKey: ['events'] })]);
  const reg = event.myRegistration;
  if (reg && reg.status !== 'cancelled') {
    return (
      <Alert color={reg.status === 'approved' ? 'teal' : 'yellow'} title={t(`events:registrationStatus.${reg.status}`)}>
        <Stack gap="xs">
          {t(`events:register.statusHelp.${reg.status}`)}
          <Group><Button size="xs" variant="subtle" color="red" onClick={async () => { await del(`/api/events/${event.id}/registration`); await refresh(); }}>{t('events:register.cancel')}</Button></Group>
        </Stack>
      </Alert>
    );
  }
  if (!event.registrationOpen) return <Alert color="gray">{t('events:register.closed')}</Alert>;
  return (
    <form noValidate onSubmit={form.onSubmit(async (v) => {
      setError(null);
      try { await post(`/api/events/${event.id}/registration`, v); await refresh(); } catch (e) { setError(e); form.setErrors(fieldErrors(e)); }
    })}>
      <Stack>
        <ErrorAlert error={error} />
        <Group grow align="flex-start">
          <Select label={t('events:register.role')} data={ROLES.map((r) => ({ value: r, label: t(`events:regRole.${r}`) }))} allowDeselect={false} {...form.getInputProps('role')} />
          <MultiSelect label={t('events:register.languages')} data={LANGS.map((l) => ({ value: l, label: t(`events:spoken.${l}`) }))} {...form.getInputProps('languages')} />
        </Group>
        <Checkbox label={t('events:register.needsInterpreter')} {...form.getInputProps('needsInterpreter', { type: 'checkbox' })} />
        <Textarea label={t('events:register.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
        <Group><Button type="submit" loading={form.submitting}>{t('events:register.submit')}</Button></Group>
      </Stack>
    </form>
  );
}
