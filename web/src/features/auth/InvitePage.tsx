// An invitation link: shows what it offers; new people register through it, signed-in people accept it.
import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { useMe } from '../../app/session.tsx';
import { Page, ErrorAlert, Loading } from '../../app/ui.tsx';
import { DateTime } from '../../app/display.tsx';
import { RegisterForm } from './RegisterForm.tsx';

export function InvitePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { me } = useMe();
  const qc = useQueryClient();
  const [state, setState] = useState<'idle' | 'accepted' | 'registered' | 'checkMail'>('idle');
  const [error, setError] = useState<unknown>(null);
  const inv = useQuery({ queryKey: ['invitation', token], queryFn: () => post<{ role: string; email: string | null; expiresAt: string }>('/api/invitations/lookup', { token }), retry: false });
  return (
    <Page title={t('auth:invite.title')}>
      <Paper withBorder p="lg" maw={520}>
        {inv.isLoading && <Loading />}
        {inv.error && <ErrorAlert error={inv.error} />}
        {inv.data && state === 'idle' && (
          <Stack>
            <Text>{t('auth:invite.offer', { role: inv.data.role })}</Text>
            <Text size="sm" c="dimmed">{t('auth:invite.expires')} <DateTime value={inv.data.expiresAt} /></Text>
            <ErrorAlert error={error} />
            {me ? (
              <Button onClick={async () => { try { await post('/api/invitations/accept', { token }); await qc.invalidateQueries({ queryKey: ['me'] }); setState('accepted'); } catch (e) { setError(e); } }}>
                {t('auth:invite.accept')}
              </Button>
            ) : <RegisterForm invitation={token} email={inv.data.email} onDone={(needsVerification) => setState(needsVerification ? 'checkMail' : 'registered')} />}
          </Stack>
        )}
        {state === 'accepted' && <Alert color="green">{t('auth:invite.accepted')}</Alert>}
        {state === 'checkMail' && <Alert color="green">{t('auth:register.checkMail')}</Alert>}
        {state === 'registered' && <Stack><Alert color="green">{t('auth:register.doneTitle')}</Alert><Button component={Link} to="/login">{t('common:login')}</Button></Stack>}
      </Paper>
    </Page>
  );
}
