// "Forgot password": asks for the address and sends a reset link.
import { Alert, Button, Paper, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { Page, ErrorAlert } from '../../app/ui.tsx';

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
