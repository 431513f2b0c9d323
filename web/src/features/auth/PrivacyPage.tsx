// The privacy notice and the terms of use, in the interface language (strings under auth:privacy).
import { Paper, Stack, Text, Title, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from '../../app/ui.tsx';
import { PRIVACY_VERSION, TERMS_VERSION } from '@shared/legal.ts';

const SECTIONS = ['who', 'what', 'why', 'where', 'rights', 'delete'] as const;

export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('auth:privacy.title')} description={t('auth:privacy.version', { version: PRIVACY_VERSION })}>
      <Paper withBorder p="lg" maw={760}>
        <Stack>
          {SECTIONS.map((s) => (
            <div key={s}><Title order={2} size="h5" mb={4}>{t(`auth:privacy.${s}.title`)}</Title><Text size="sm">{t(`auth:privacy.${s}.text`)}</Text></div>
          ))}
          <Title order={2} size="h4" id="terms">{t('auth:privacy.terms.title')}</Title>
          <Text size="sm" c="dimmed">{t('auth:privacy.version', { version: TERMS_VERSION })}</Text>
          <List size="sm" spacing={4}>
            {(['accurate', 'lawful', 'respect', 'account'] as const).map((k) => <List.Item key={k}>{t(`auth:privacy.terms.${k}`)}</List.Item>)}
          </List>
        </Stack>
      </Paper>
    </Page>
  );
}
