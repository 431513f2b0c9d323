import { Card, SimpleGrid, Text, Title, Button, Group, Badge, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SECTIONS } from '../../app/Layout.tsx';
import { useMe } from '../../app/session.tsx';
import { DualTime } from '../../app/display.tsx';
import { Page } from '../../app/ui.tsx';
import { NextSteps } from './NextSteps.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const { me } = useMe();
  return (
    <Page title={t('home:title')} description={t('home:subtitle')}
      actions={!me && (
        <Group>
          <Button component={Link} to="/register">{t('common:register')}</Button>
          <Button component={Link} to="/login" variant="light">{t('common:login')}</Button>
        </Group>
      )}>
      {me && <Text>{t('home:welcome', { name: me.name })}</Text>}
      {me && <NextSteps />}
      <Card withBorder padding="md">
        <Stack gap={4}>
          <Text fw={600}>{t('home:timeNow')}</Text>
          <Text size="sm"><DualTime value={new Date()} /></Text>
          <Text size="xs" c="dimmed">{t('home:overlap')}</Text>
        </Stack>
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {SECTIONS.map((s) => (
          <Card key={s.key} withBorder padding="lg" component={Link} to={s.to}>
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4">{t(`common:nav.${s.key}`)}</Title>
              <Badge variant="light">{t(`home:step.${s.key}`)}</Badge>
            </Group>
            <Text size="sm" c="dimmed">{t(`home:sections.${s.key}`)}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </Page>
  );
}
