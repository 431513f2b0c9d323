// The page opened from the password-reset link: sets a new password.
import { Alert, Button, Paper, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { post, fieldErrors } from '../../app/api.ts';
import { Page, ErrorAlert, PasswordField } from '../../app/ui.tsx';

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
