// Pages opened from links in mail: email verification and password reset.
import { Alert, Button, Paper, Stack, TextInput, Loader, Group } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { post, fieldErrors } from '../../app/api.ts';
import { Page, ErrorAlert, PasswordField } from '../../app/ui.tsx';

export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [state, setState] = useState<'working' | 'done' | 'error'>('working');
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return; // StrictMode runs effects twice; a token is single-use
    started.current = true;
    post('/api/auth/verify-email', { token: params.get('token') ?? '' })
      .then(() => setState('done')).catch((e) => { setError(e); setState('error'); });
  }, [params]);
  return (
    <Page title={t('auth:verify.title')}>
      <Paper withBorder p="lg" maw={480}>
        {state === 'working' && <Group><Loader size="sm" />{t('auth:verify.working')}</Group>}
        {state === 'done' && (
          <Stack>
            <Alert color="green">{t('auth:verify.done')}</Alert>
            <Button component={Link} to="/login">{t('common:login')}</Button>
          </Stack>
        )}
        {state === 'error' && <ErrorAlert error={error} />}
      </Paper>
    </Page>
  );
}

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const form = useForm({ initialValues: { email: '' } });
  return (
    <Page title={t('auth:forgot.title')} description={t('auth:forgot.subtitle')}>
      <Paper withBorder p="lg" maw={440}>
        {sent ? <Alert color="green">{t('auth:forgot.sent')}</Alert> : (
          <form noValidate onSubmit={form.onSubmit(async (v) => { try { await post('/api/auth/forgot-password', v); setSent(true); } catch (e) { setError(e); } })}>
            <Stack>
              <ErrorAlert error={error} />
              <TextInput label={t('auth:fields.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
              <Button type="submit" loading={form.submitting}>{t('auth:forgot.submit')}</Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Page>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const form = useForm({ initialValues: { password: '' }, validate: { password: (v) => (v.length >= 10 ? null : t('errors:field.too_small', { min: 10 })) } });
  return (
    <Page title={t('auth:reset.title')}>
      <Paper withBorder p="lg" maw={440}>
        {done ? (
          <Stack><Alert color="green">{t('auth:reset.done')}</Alert><Button component={Link} to="/login">{t('common:login')}</Button></Stack>
        ) : (
          <form noValidate onSubmit={form.onSubmit(async (v) => {
            try { await post('/api/auth/reset-password', { token: params.get('token') ?? '', password: v.password }); setDone(true); } catch (e) { setError(e); form.setErrors(fieldErrors(e)); }
          })}>
            <Stack>
              <ErrorAlert error={error} />
              <PasswordField label={t('auth:fields.newPassword')} autoComplete="new-password" required {...form.getInputProps('password')} />
              <Button type="submit" loading={form.submitting}>{t('auth:reset.submit')}</Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Page>
  );
}
