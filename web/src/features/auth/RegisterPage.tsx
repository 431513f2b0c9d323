// Self-registration: the form, then "check your mail".
import { Paper, Alert, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../app/ui.tsx';
import { RegisterForm } from './RegisterForm.tsx';

export function RegisterPage() {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  return (
    <Page title={t('auth:register.title')} description={t('auth:register.subtitle')}>
      <Paper withBorder p="lg" maw={520}>
        {done ? (
          <Alert color="green" title={t('auth:register.doneTitle')}><Text>{t('auth:register.checkMail')}</Text></Alert>
        ) : <RegisterForm onDone={() => setDone(true)} />}
      </Paper>
    </Page>
  );
}
