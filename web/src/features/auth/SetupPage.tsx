// The first administrator of a new installation: opened from the one-time link the server prints at
// start while no administrator exists. Self-contained: its own form, strings under auth:setup.
import { Alert, Button, Paper, Select, Stack, TextInput, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { get, post, fieldErrors } from '../../app/api.ts';
import { Page, ErrorAlert, PasswordField, Loading } from '../../app/ui.tsx';
import { useLang } from '../../app/display.tsx';
import { countryOptions } from '@shared/countries.ts';
import { timeZoneOptions } from '../../app/time-zones.ts';

type Status = { needed: boolean; token: 'ok' | 'token_invalid' | 'token_expired' | null };

export function SetupPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const countries = useMemo(() => countryOptions(lang, { all: true }), [lang]);
  const zones = useMemo(() => timeZoneOptions(t), [t]);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  useEffect(() => { get<Status>('/api/setup', token ? { token } : {}).then(setStatus, setError); }, [token]);
  const form = useForm({
    initialValues: { email: '', password: '', name: '', organisationName: '', country: browserZone === 'Asia/Shanghai' ? 'CN' : 'BY', lang, timezone: browserZone },
    validate: {
      email: (v) => (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v) ? null : t('errors:field.invalid_email')),
      password: (v) => (v.length >= 10 ? null : t('errors:field.too_small', { min: 10 })),
      name: (v) => (v.trim() ? null : t('errors:field.required')),
    },
    validateInputOnBlur: true,
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try { await post('/api/setup/admin', { ...values, token }); setDone(true); } catch (e) { setError(e); form.setErrors(fieldErrors(e)); }
  });

  let body: React.ReactNode;
  if (done) body = <Stack><Alert color="green">{t('auth:setup.done')}</Alert><Button component={Link} to="/login">{t('common:login')}</Button></Stack>;
  else if (!status) body = error ? <ErrorAlert error={error} /> : <Loading />;
  else if (!status.needed) body = <Stack><Alert color="blue">{t('auth:setup.notNeeded')}</Alert><Button component={Link} to="/login">{t('common:login')}</Button></Stack>;
  else if (status.token !== 'ok') body = <Alert color="yellow">{t(status.token === 'token_expired' ? 'auth:setup.expired' : 'auth:setup.invalid')}</Alert>;
  else {
    body = (
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('auth:setup.intro')}</Text>
          <ErrorAlert error={error} />
          <TextInput label={t('auth:fields.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordField label={t('auth:fields.password')} description={t('auth:fields.passwordHint')} autoComplete="new-password" required {...form.getInputProps('password')} />
          <TextInput label={t('auth:fields.name')} autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput label={t('auth:fields.organisation')} autoComplete="organization" {...form.getInputProps('organisationName')} />
          <Select label={t('auth:fields.country')} data={countries} searchable required allowDeselect={false} {...form.getInputProps('country')} />
          <Select label={t('auth:fields.language')} data={[{ value: 'ru', label: 'Русский' }, { value: 'zh', label: '中文' }, { value: 'en', label: 'English' }]} allowDeselect={false} {...form.getInputProps('lang')} />
          <Select label={t('auth:fields.timezone')} data={zones} searchable allowDeselect={false} limit={50} {...form.getInputProps('timezone')} />
          <Button type="submit" loading={form.submitting}>{t('auth:setup.create')}</Button>
        </Stack>
      </form>
    );
  }
  return <Page title={t('auth:setup.title')}><Paper withBorder p="lg" maw={520}>{body}</Paper></Page>;
}
