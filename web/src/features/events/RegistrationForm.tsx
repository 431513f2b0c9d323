// Registering for an event: organisation, role, languages, interpreter need and the marketplace profiles brought;
// shows the result (approved, pending, waiting list).
import { Alert, Anchor, Button, Checkbox, Group, MultiSelect, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrors } from '../../app/api.ts';
import { useMl } from '../../app/display.tsx';
import { ErrorAlert } from '../../app/ui.tsx';
import { type EventInfo, eventKeys, useRegistration } from './api.ts';
import { myOrganisationsQuery } from '../directory/api.ts';
import { myProfilesQuery } from '../marketplace/api.ts';

const ROLES = ['delegate', 'speaker', 'moderator', 'interpreter', 'organiser'];
const LANGS = ['ru', 'zh', 'en', 'be', 'other'];

export function RegistrationPanel({ event }: { event: EventInfo }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const registration = useRegistration(event.id);
  const [editing, setEditing] = useState(false);
  const ml = useMl();
  const form = useForm({ initialValues: { organisationId: '', role: 'delegate', languages: [] as string[], needsInterpreter: false, note: '', profileIds: [] as string[] } });
  const canSignUp = !event.myRegistration || event.myRegistration.status === 'cancelled';
  const orgs = useQuery({ ...myOrganisationsQuery, enabled: canSignUp && event.registrationOpen });
  const mine = useQuery({ ...myProfilesQuery, enabled: canSignUp && event.registrationOpen });
  // The profiles brought must be published profiles of the organisation registered with (anonymous ones stay anonymous).
  const orgId = form.values.organisationId || orgs.data?.[0]?.id || '';
  const bringable = (mine.data ?? []).filter((p) => p.organisationId === orgId && p.status === 'published' && !p.anonymous);
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: eventKeys.event(event.slug) }), qc.invalidateQueries({ queryKey: eventKeys.all })]);
  const reg = event.myRegistration;
  if (reg && reg.status !== 'cancelled') {
    return (
      <Alert color={reg.status === 'approved' ? 'teal' : 'yellow'} title={t(`events:registrationStatus.${reg.status}`)}>
        <Stack gap="xs">
          {t(`events:register.statusHelp.${reg.status}`)}
          {editing && reg.status !== 'rejected' ? <EditRegistration event={event} onDone={async () => { setEditing(false); await refresh(); }} /> : (
            <Group>
              {reg.status !== 'rejected' && <Button size="xs" variant="light" onClick={() => setEditing(true)} data-testid="edit-registration">{t('events:register.edit')}</Button>}
              <Button size="xs" variant="subtle" color="red" loading={registration.isPending} onClick={async () => { await registration.mutateAsync({ cancel: true }); await refresh(); }}>{t('events:register.cancel')}</Button>
            </Group>
          )}
        </Stack>
      </Alert>
    );
  }
  if (!event.registrationOpen) return <Alert color="gray">{t('events:register.closed')}</Alert>;
  return (
    <form noValidate onSubmit={form.onSubmit(async (v) => {
      setError(null);
      const body = { ...v, organisationId: orgId || null, profileIds: v.profileIds.filter((id) => bringable.some((p) => p.id === id)) };
      try { await registration.mutateAsync({ register: body }); await refresh(); } catch (e) { setError(e); form.setErrors(fieldErrors(e)); }
    })}>
      <Stack>
        <ErrorAlert error={error} />
        <Group grow align="flex-start">
          <Select label={t('events:register.role')} data={ROLES.map((r) => ({ value: r, label: t(`events:regRole.${r}`) }))} allowDeselect={false} {...form.getInputProps('role')} />
          <MultiSelect label={t('events:register.languages')} data={LANGS.map((l) => ({ value: l, label: t(`events:spoken.${l}`) }))} {...form.getInputProps('languages')} />
        </Group>
        {(orgs.data?.length ?? 0) > 1 && (
          <Select label={t('events:register.organisation')} allowDeselect={false} value={orgId}
            data={orgs.data!.map((o) => ({ value: o.id, label: ml(o.name) }))}
            onChange={(id) => { form.setFieldValue('organisationId', id ?? ''); form.setFieldValue('profileIds', []); }} />
        )}
        {bringable.length > 0 ? (
          <MultiSelect label={t('events:register.profiles')} description={t('events:register.profilesHelp')} searchable clearable maxValues={20}
            data={bringable.map((p) => ({ value: p.id, label: ml(p.title) || p.id }))} {...form.getInputProps('profileIds')} />
        ) : orgId && mine.isSuccess && (
          <Text size="sm" c="dimmed">{t('events:register.noProfiles')} <Anchor component={Link} to="/marketplace/mine" size="sm">{t('events:register.myProfiles')}</Anchor></Text>
        )}
        <Checkbox label={t('events:register.needsInterpreter')} {...form.getInputProps('needsInterpreter', { type: 'checkbox' })} />
        <Textarea label={t('events:register.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
        <Group><Button type="submit" loading={form.submitting}>{t('events:register.submit')}</Button></Group>
      </Stack>
    </form>
  );
}

/** Languages, interpreter need, the profiles brought and the note can change after registering. */
function EditRegistration({ event, onDone }: { event: EventInfo; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const ml = useMl();
  const reg = event.myRegistration!;
  const [error, setError] = useState<unknown>(null);
  const registration = useRegistration(event.id);
  const form = useForm({ initialValues: { languages: reg.languages, needsInterpreter: reg.needsInterpreter, profileIds: reg.profileIds, note: reg.note } });
  const mine = useQuery(myProfilesQuery);
  const bringable = (mine.data ?? []).filter((p) => p.organisationId === reg.organisationId && p.status === 'published' && !p.anonymous);
  return (
    <form noValidate onSubmit={form.onSubmit(async (v) => {
      setError(null);
      const body = { ...v, profileIds: v.profileIds.filter((id) => bringable.some((p) => p.id === id)) };
      try { await registration.mutateAsync({ update: body }); await onDone(); } catch (e) { setError(e); form.setErrors(fieldErrors(e)); }
    })}>
      <Stack gap="xs">
        <ErrorAlert error={error} />
        <MultiSelect label={t('events:register.languages')} data={LANGS.map((l) => ({ value: l, label: t(`events:spoken.${l}`) }))} {...form.getInputProps('languages')} />
        {bringable.length > 0 && <MultiSelect label={t('events:register.profiles')} description={t('events:register.profilesHelp')} searchable clearable maxValues={20}
          data={bringable.map((p) => ({ value: p.id, label: ml(p.title) || p.id }))} {...form.getInputProps('profileIds')} data-testid="edit-registration-profiles" />}
        <Checkbox label={t('events:register.needsInterpreter')} {...form.getInputProps('needsInterpreter', { type: 'checkbox' })} />
        <Textarea label={t('events:register.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
        <Group><Button type="submit" size="xs" loading={form.submitting}>{t('events:register.save')}</Button>
          <Button size="xs" variant="default" onClick={() => void onDone()}>{t('events:register.cancelEdit')}</Button></Group>
      </Stack>
    </form>
  );
}
