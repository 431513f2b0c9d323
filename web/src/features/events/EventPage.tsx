// The public page of an event (in the viewer's language) with its agenda and the registration panel.
import { Badge, Button, Card, Group, Image, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { filledLangs } from '@shared/languages.ts';
import { MlText, useMl } from '../../app/display.tsx';
import { useMe } from '../../app/session.tsx';
import { ErrorAlert, Loading, Page } from '../../app/ui.tsx';
import { AgendaList } from './Agenda.tsx';
import { EventTabs, StatusBadge, TimeRange, useEvent } from './common.tsx';
import { RegistrationPanel } from './RegistrationForm.tsx';

export function EventPage() {
  const { t } = useTranslation();
  const ml = useMl();
  const { me } = useMe();
  const { slug, data: e, error, isLoading } = useEvent();
  if (isLoading) return <Loading />;
  if (!e) return <ErrorAlert error={error} />;
  return (
    <Page title={ml(e.title)} description={<TimeRange start={e.startsAt} end={e.endsAt} />}>
      <EventTabs event={e} />
      {e.coverUrl && <Image src={e.coverUrl} alt={t('events:cover.alt', { title: ml(e.title) })} radius="md" h={260} fit="cover" data-testid="event-cover" />}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Stack style={{ gridColumn: 'span 2' }}>
          <Text style={{ whiteSpace: 'pre-wrap' }}><MlText value={e.description} /></Text>
          <Title order={2} size="h3">{t('events:agenda.title')}</Title>
          <AgendaList slug={slug} venues={e.venues} />
        </Stack>
        <Stack>
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Group gap="xs">
                <Badge variant="outline">{t(`events:format.${e.format}`)}</Badge>
                {e.status !== 'published' && <StatusBadge kind="event" status={e.status} />}
                <Badge variant="light" color="gray">{t(`events:bookingMode.${e.bookingMode}`)}</Badge>
              </Group>
              <Text size="sm">{t('events:page.timezone', { tz: e.timezone })}</Text>
              {e.capacity && <Text size="sm">{t('events:page.capacity', { n: e.approvedCount, capacity: e.capacity })}</Text>}
              {e.venues.map((v) => (
                <Stack key={v.id} gap={0} data-testid="event-venue">
                  <Text size="sm"><MlText value={v.name} fw={600} />{filledLangs(v.address).length > 0 && <> · <MlText value={v.address} c="dimmed" /></>}</Text>
                  {v.rooms.length > 0 && <Text size="xs" c="dimmed">{t('events:page.rooms')}: {v.rooms.map((r) => ml(r.name)).filter(Boolean).join(', ')}</Text>}
                </Stack>
              ))}
            </Stack>
          </Paper>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">{t('events:page.organisers')}</Title>
            <List size="sm">{e.organisers.map((o) => <List.Item key={o.id}><MlText value={o.name} /> ({o.country})</List.Item>)}</List>
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">{t('events:register.title')}</Title>
            {me ? <RegistrationPanel event={e} /> : !e.registrationOpen ? <Text size="sm" c="dimmed">{t('events:register.closed')}</Text> : (
              <Stack gap="xs">
                <Text size="sm">{t('events:register.signInFirst')}</Text>
                <Group><Button component={Link} to={`/login?next=/events/${e.slug}`}>{t('common:login')}</Button>
                  <Button component={Link} to="/register" variant="light">{t('common:register')}</Button></Group>
              </Stack>
            )}
          </Card>
        </Stack>
      </SimpleGrid>
    </Page>
  );
}
