// "My profiles": the profiles of the caller's organisations with their status and the moderators' notes.
import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page, ErrorAlert, Loading, RequireAuth } from '../../app/ui.tsx';
import { DateTime, MlText } from '../../app/display.tsx';
import { StatusBadge, TypeBadge } from '../../components/badges.tsx';
import { myProfilesQuery } from './api.ts';

export function MyProfilesPage() {
  const { t } = useTranslation();
  const q = useQuery(myProfilesQuery);
  return (
    <RequireAuth>
      <Page title={t('market:myProfiles')} actions={<Button component={Link} to="/marketplace/new">{t('market:newProfile')}</Button>}>
        <ErrorAlert error={q.error} />
        {q.isLoading && <Loading />}
        {q.data?.length === 0 && <Text c="dimmed">{t('market:noProfiles')}</Text>}
        <Stack>{q.data?.map((p) => (
          <Paper key={p.id} withBorder p="sm"><Group justify="space-between">
            <Group gap="xs"><TypeBadge type={p.type} /><Anchor component={Link} to={`/marketplace/profiles/${p.id}`}><MlText span value={p.title} /></Anchor></Group>
            <Group gap="xs"><StatusBadge status={p.status} />{p.expiresAt && <Text size="xs" c="dimmed">{t('market:field.expiresAt')}: <DateTime value={p.expiresAt} /></Text>}</Group>
          </Group>{p.moderatorComment && p.status === 'returned' && <Text size="sm" c="orange">{p.moderatorComment}</Text>}</Paper>
        ))}</Stack>
      </Page>
    </RequireAuth>
  );
}
