import { Button, TextInput, Stack, Anchor, Paper, Alert } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { post, ApiError } from '../../app/api.ts';
import { Page, ErrorAlert, PasswordField } from '../../app/ui.tsx';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [resent, setResent] = useState(false);
  const form = useForm({ initialValues: { email: '', password: '' } });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const me = await post<{ lang: string }>('/api/auth/login', values);
      await i18n.changeLanguage(me.lang);
      await qc.invalidateQueries();
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/');
    } catch (e) { setError(e); }
  });
  const unverified = error instanceof ApiError && error.code === 'email_not_verified';
  return (
    <Page title={t('auth:login.title')}>
      <Paper withBorder p="lg" maw={440}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <ErrorAlert error={error} />
            {unverified && (
              <Button variant="light" size="xs" disabled={resent} onClick={async () => { await post('/api/auth/resend-verification', { email: form.values.email }); setResent(true); }}>
                {resent ? t('auth:login.resent') : t('auth:login.resend')}
              </Button>
            )}
            <TextInput label={t('auth:fields.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <PasswordField label={t('auth:fields.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
            <Button type="submit" loading={form.submitting}>{t('common:login')}</Button>
            <Anchor component={Link} to="/forgot-password" size="sm">{t('auth:login.forgot')}</Anchor>
            <Anchor component={Link} to="/register" size="sm">{t('auth:login.noAccount')}</Anchor>
          </Stack>
        </form>
      </Paper>
      {params.get('verified') && <Alert color="green" maw={440}>{t('auth:verify.done')}</Alert>}
    </Page>
  );
}
