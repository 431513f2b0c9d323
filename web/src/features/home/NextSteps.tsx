// "Next steps" for a signed-in person, until all are done: be in an organisation, publish a profile,
// register for an event. Each step says whether it is done and links to where it is done.
import { Anchor, Card, Group, List, Text, ThemeIcon } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { myOrganisationsQuery } from '../directory/api.ts';
import { myProfilesQuery } from '../marketplace/api.ts';
import { eventsQuery } from '../events/api.ts';

export function NextSteps() {
  const { t } = useTranslation();
  const orgs = useQuery(myOrganisationsQuery);
  const profiles = useQuery(myProfilesQuery);
  const events = useQuery(eventsQuery);
  if (!orgs.data || !profiles.data || !events.data) return null;
  const steps = [
    { key: 'organisation', done: orgs.data.length > 0, to: orgs.data.length ? '/directory/mine' : '/directory' },
    { key: 'profile', done: profiles.data.some((p) => p.status === 'published'), to: '/marketplace/new' },
    { key: 'event', done: events.data.some((e) => e.myRegistration && e.myRegistration.status !== 'cancelled'), to: '/events' },
  ];
  if (steps.every((s) => s.done)) return null;
  return (
    <Card withBorder padding="md" data-testid="next-steps">
      <Text fw={600} mb="xs">{t('home:next.title')}</Text>
      <List spacing="xs" center>
        {steps.map((s) => (
          <List.Item key={s.key} data-done={s.done || undefined}
            icon={<ThemeIcon size={20} radius="xl" color={s.done ? 'teal' : 'gray'} variant={s.done ? 'filled' : 'light'} aria-label={t(s.done ? 'home:next.done' : 'home:next.todo')}>{s.done ? '✓' : '·'}</ThemeIcon>}>
            <Group gap={6}>
              <Text size="sm" td={s.done ? 'line-through' : undefined}>{t(`home:next.${s.key}`)}</Text>
              {!s.done && <Anchor component={Link} to={s.to} size="sm">{t(`home:next.${s.key}Action`)}</Anchor>}
            </Group>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
