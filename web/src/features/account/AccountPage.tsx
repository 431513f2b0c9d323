// The person's own account: profile, language and time zone, password, sessions.
import { Button, Paper, Select, Stack, TextInput, Title, Table, Badge, Group, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { get, patch, post, fieldErrors } from '../../app/api.ts';
import { useMe, useLogout, type Me } from '../../app/session.tsx';
import { Page, ErrorAlert, RequireAuth, PasswordField } from '../../app/ui.tsx';
import { MyDataSection } from './MyDataSection.tsx';
import { DateTime, useLang } from '../../app/display.tsx';
import { countryOptions } from '@shared/countries.ts';
import { timeZoneOptions } from '../../app/time-zones.ts';

function ProfileForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const countries = useMemo(() => countryOptions(lang), [lang]);
  const zones = useMemo(() => timeZoneOptions(t), [t]);
  const form = useForm({ initialValues: { name: me.name, organisationName: me.organisationName, country: me.country, lang: me.lang, timezone: me.timezone } });
  return (
    <form noValidate onSubmit={form.onSubmit(async (v) => {
      setError(null);
      try {
        await patch('/api/me', v);
        await i18n.changeLanguage(v.lang);
        await qc.invalidateQueries({ queryKey: ['me'] });
        notifications.show({ color: 'green', message: t('common:saved') });
      } catch (e) { setError(e); form.setErrors(fieldErrors(e)); }
    })}>
      <Stack>
        <ErrorAlert error={error} />
        <TextInput label={t('auth:fields.email')} value={me.email} readOnly />
        <TextInput label={t('auth:fields.name')} required {...form.getInputProps('name')} />
        <TextInput label={t('auth:fields.organisation')} required {...form.getInputProps('organisationName')} />
        <Select label={t('auth:fields.country')} data={countries} searchable allowDeselect={false} {...form.getInputProps('country')} />
        <Select label={t('auth:fields.language')} data={[{ value: 'ru', label: 'Русский' }, { value: 'zh', label: '中文' }, { value: 'en', label: 'English' }]} allowDeselect={false} {...form.getInputProps('lang')} />
        <Select label={t('auth:fields.timezone')} data={zones} searchable allowDeselect={false} limit={50} {...form.getInputProps('timezone')} />
        <Group><Button type="submit" loading={form.submitting}>{t('common:save')}</Button></Group>
      </Stack>
    </form>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const form = useForm({ initialValues: { currentPassword: '', newPassword: '' }, validate: { newPassword: (v) => (v.length >= 10 ? null : t('errors:field.too_small', { min: 10 })) } });
  return (
    <form noValidate onSubmit={form.onSubmit(async (v) => {
      setError(null);
      try { await post('/api/me/password', v); form.reset(); notifications.show({ color: 'green', message: t('account:passwordChanged') }); } catch (e) { setError(e); form.setErrors(fieldErrors(e)); }
    })}>
      <Stack>
        <ErrorAlert error={error} />
        <PasswordField label={t('auth:fields.currentPassword')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
        <PasswordField label={t('auth:fields.newPassword')} autoComplete="new-password" required {...form.getInputProps('newPassword')} />
        <Group><Button type="submit" loading={form.submitting}>{t('account:changePassword')}</Button></Group>
      </Stack>
    </form>
  );
}

type SessionRow = { id: string; current: boolean; createdAt: string; lastSeenAt: string; ip: string | null; userAgent: string | null };

function Sessions() {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['sessions'], queryFn: () => get<SessionRow[]>('/api/me/sessions') });
  return (
    <Stack>
      <Table.ScrollContainer minWidth={500}>
        <Table>
          <Table.Thead><Table.Tr><Table.Th>{t('account:device')}</Table.Th><Table.Th>{t('account:lastSeen')}</Table.Th><Table.Th>IP</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {q.data?.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td><Text size="sm" lineClamp={1}>{s.userAgent ?? '—'}</Text>{s.current && <Badge size="xs">{t('account:thisDevice')}</Badge>}</Table.Td>
                <Table.Td><DateTime value={s.lastSeenAt} /></Table.Td>
                <Table.Td>{s.ip}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group><Button color="red" variant="light" onClick={async () => { await logout(true); navigate('/login'); }}>{t('account:logoutEverywhere')}</Button></Group>
    </Stack>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const { me } = useMe();
  return (
    <RequireAuth>
      <Page title={t('account:title')} description={me ? t('account:roles', { roles: me.roles.map((r) => t(`common:roles.${r}`)).join(', ') }) : undefined}>
        {me && (
          <>
            <Paper withBorder p="lg"><Title order={2} size="h4" mb="md">{t('account:profile')}</Title><ProfileForm me={me} /></Paper>
            <Paper withBorder p="lg"><Title order={2} size="h4" mb="md">{t('account:password')}</Title><PasswordForm /></Paper>
            <Paper withBorder p="lg"><Title order={2} size="h4" mb="md">{t('account:sessions')}</Title><Sessions /></Paper>
            <MyDataSection />
          </>
        )}
      </Page>
    </RequireAuth>
  );
}
