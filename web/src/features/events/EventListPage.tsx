// All events the viewer may see: upcoming first, then past ones.
import { Badge, Button, Card, Group, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MlText } from '../../app/display.tsx';
import { ErrorAlert, Loading, Page } from '../../app/ui.tsx';
import { StatusBadge, TimeRange } from './common.tsx';
import { hasRole, useMe } from '../../app/session.tsx';
import { type EventInfo, eventsQuery } from './api.ts';

export function EventListPage() {
  const { t } = useTranslation();
  const q = useQuery(eventsQuery);
  const now = Date.now();
  const upcoming = (q.data ?? []).filter((e) => new Date(e.endsAt).getTime() >= now).reverse();
  const past = (q.data ?? []).filter((e) => new Date(e.endsAt).getTime() < now);
  const { me } = useMe();
  const canCreate = hasRole(me, 'organiser', 'admin');
  const list = (items: EventInfo[]) => (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {items.map((e) => (
        <Card key={e.id} withBorder padding="lg" component={Link} to={`/events/${e.slug}`} data-testid="event-card">
          {e.coverUrl && <Card.Section mb="sm"><Image src={e.coverUrl} alt="" h={140} fit="cover" data-testid="event-card-cover" /></Card.Section>}
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap">
              <Title order={3} size="h4"><MlText value={e.title} /></Title>
              <Badge variant="outline">{t(`events:format.${e.format}`)}</Badge>
            </Group>
            <TimeRange start={e.startsAt} end={e.endsAt} />
            <Group gap="xs">
              {e.status !== 'published' && <StatusBadge kind="event" status={e.status} />}
              {e.registrationOpen && <Badge color="teal">{t('events:registrationOpen')}</Badge>}
              {e.myRegistration && <StatusBadge kind="registration" status={e.myRegistration.status} />}
            </Group>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
  return (
    <Page title={t('events:list.title')} description={t('events:list.subtitle')}
      actions={canCreate && <Button component={Link} to="/events/new">{t('events:list.create')}</Button>}>
      <ErrorAlert error={q.error} />
      {q.isLoading && <Loading />}
      <Title order={2} size="h3">{t('events:list.upcoming')}</Title>
      {upcoming.length ? list(upcoming) : <Text c="dimmed">{t('events:list.noUpcoming')}</Text>}
      <Title order={2} size="h3">{t('events:list.past')}</Title>
      {list(past)}
    </Page>
  );
}
