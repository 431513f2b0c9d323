// Expressions of interest the caller's organisations sent and received, under the caller's notifications.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page, ErrorAlert, RequireAuth } from '../../app/ui.tsx';
import { DateTime, MlText, useLang } from '../../app/display.tsx';
import { mlText } from '@shared/languages.ts';
import { InboxList } from '../inbox/InboxList.tsx';
import { interestsQuery } from './api.ts';

export function InterestsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useQuery(interestsQuery);
  return (
    <RequireAuth>
      <Page title={t('market:interests.title')}>
        <InboxList />
        <Title order={2} size="h4">{t('market:interests.list')}</Title>
        <ErrorAlert error={list.error} />
        <Stack>{list.data?.map((i) => (
          <Paper key={i.id} withBorder p="sm" data-testid="interest-row"><Group justify="space-between">
            <Stack gap={2}>
              <Anchor component={Link} to={`/marketplace/interests/${i.id}`}><MlText span value={i.profileTitle} /></Anchor>
              <Text size="xs" c="dimmed">{t(`market:interests.direction.${i.direction}`)} · {mlText((i.direction === 'received' ? i.fromOrganisation : i.profileOrganisation)?.name, lang) || t('market:anonymousOrg')} · <DateTime value={i.createdAt} /></Text>
            </Stack>
            <Group gap="xs"><Badge variant="light">{t(`market:interests.status.${i.status}`)}</Badge>{i.messages > 0 && <Badge variant="outline">{i.messages}</Badge>}</Group>
          </Group></Paper>
        ))}</Stack>
      </Page>
    </RequireAuth>
  );
}
