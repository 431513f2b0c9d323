// The page opened from the email-verification link: confirms the address once.
import { Alert, Button, Paper, Stack, Loader, Group } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { Page, ErrorAlert } from '../../app/ui.tsx';

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
