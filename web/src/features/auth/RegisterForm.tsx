// The registration form (name, organisation, country, language, time zone, password, consent): the registration
// page and the invitation page use it.
import { Button, TextInput, Stack, Select, Checkbox, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post, fieldErrors } from '../../app/api.ts';
import { ErrorAlert, PasswordField } from '../../app/ui.tsx';
import { useLang } from '../../app/display.tsx';
import { countryOptions } from '@shared/countries.ts';
import { TIMEZONE_BY_COUNTRY } from '@shared/enums.ts';
import { timeZoneOptions } from '../../app/time-zones.ts';

export function RegisterForm({ invitation, email, onDone }: { invitation?: string; email?: string | null; onDone: (needsVerification: boolean) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [error, setError] = useState<unknown>(null);
  const countries = useMemo(() => countryOptions(lang), [lang]);
  const zones = useMemo(() => timeZoneOptions(t), [t]);
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const form = useForm({
    initialValues: { email: email ?? '', password: '', name: '', organisationName: '', country: browserZone === 'Asia/Shanghai' ? 'CN' : 'BY', lang, timezone: browserZone, acceptTerms: false, acceptPrivacy: false },
    validate: {
      email: (v) => (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v) ? null : t('errors:field.invalid_email')),
      password: (v) => (v.length >= 10 ? null : t('errors:field.too_small', { min: 10 })),
      name: (v) => (v.trim() ? null : t('errors:field.required')),
      organisationName: (v) => (v.trim() ? null : t('errors:field.required')),
      acceptTerms: (v) => (v ? null : t('errors:field.consent_required')),
      acceptPrivacy: (v) => (v ? null : t('errors:field.consent_required')),
    },
    validateInputOnBlur: true,
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const r = await post<{ needsVerification: boolean }>('/api/auth/register', { ...values, ...(invitation ? { invitation } : {}) });
      onDone(r.needsVerification);
    } catch (e) { setError(e); form.setErrors(fieldErrors(e)); }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error} />
        <TextInput label={t('auth:fields.email')} type="email" autoComplete="email" required readOnly={!!email} {...form.getInputProps('email')} />
        <PasswordField label={t('auth:fields.password')} description={t('auth:fields.passwordHint')} autoComplete="new-password" required {...form.getInputProps('password')} />
        <TextInput label={t('auth:fields.name')} autoComplete="name" required {...form.getInputProps('name')} />
        <TextInput label={t('auth:fields.organisation')} autoComplete="organization" required {...form.getInputProps('organisationName')} />
        <Select label={t('auth:fields.country')} data={countries} searchable required allowDeselect={false} {...form.getInputProps('country')}
          onChange={(v) => { form.setFieldValue('country', v ?? 'BY'); if (v && TIMEZONE_BY_COUNTRY[v] && form.values.timezone === browserZone) form.setFieldValue('timezone', TIMEZONE_BY_COUNTRY[v]); }} />
        <Select label={t('auth:fields.language')} data={[{ value: 'ru', label: 'Русский' }, { value: 'zh', label: '中文' }, { value: 'en', label: 'English' }]} allowDeselect={false} {...form.getInputProps('lang')} />
        <Select label={t('auth:fields.timezone')} data={zones} searchable allowDeselect={false} limit={50} {...form.getInputProps('timezone')} />
        <Checkbox label={<>{t('auth:consent.terms')} (<Anchor component={Link} to="/privacy#terms" target="_blank">{t('auth:consent.read')}</Anchor>)</>} {...form.getInputProps('acceptTerms', { type: 'checkbox' })} />
        <Checkbox label={<>{t('auth:consent.privacy')} (<Anchor component={Link} to="/privacy" target="_blank">{t('auth:consent.read')}</Anchor>)</>} {...form.getInputProps('acceptPrivacy', { type: 'checkbox' })} />
        <Button type="submit" loading={form.submitting}>{t('common:register')}</Button>
      </Stack>
    </form>
  );
}
