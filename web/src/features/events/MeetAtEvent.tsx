// "Ask for a meeting at an event" on a marketplace profile or a recommendation: offers the people of that
// organisation at coming events both sides attend (GET /api/meeting-partners), then the usual request dialog.
import { Fragment, useState } from 'react';
import { Anchor, Button, Group, Menu, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/session.tsx';
import { useMl } from '../../app/display.tsx';
import { RequestDialog } from './AttendeesPage.tsx';
import { meetingPartnersQuery, type Person } from './api.ts';


export function MeetAtEvent({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const ml = useMl();
  const { me } = useMe();
  const own = !!me?.organisations.some((o) => o.id === organisationId);
  const q = useQuery({ ...meetingPartnersQuery(organisationId), enabled: !!me && !own });
  const [pick, setPick] = useState<{ eventId: string; slug: string; person: Person } | null>(null);
  const [sentAt, setSentAt] = useState<string | null>(null);
  if (!q.data?.length) return null;
  return (
    <Group gap="xs">
      <Menu position="bottom-start" withinPortal>
        <Menu.Target><Button size="xs" variant="light" data-testid="meet-at-event">{t('events:meetAt.button')}</Button></Menu.Target>
        <Menu.Dropdown>
          {q.data.map((g) => (
            <Fragment key={g.event.id}>
              <Menu.Label>{ml(g.event.title)}</Menu.Label>
              {g.people.map((p) => (
                <Menu.Item key={p.userId} onClick={() => setPick({ eventId: g.event.id, slug: g.event.slug, person: p })}>{p.name} ({p.organisationName})</Menu.Item>
              ))}
            </Fragment>
          ))}
        </Menu.Dropdown>
      </Menu>
      {pick && <RequestDialog eventId={pick.eventId} invitees={[pick.person]} onClose={(sent) => { if (sent) setSentAt(pick.slug); setPick(null); }} />}
      {sentAt && <Text size="sm" c="teal" data-testid="meet-at-event-sent">{t('events:meetAt.sent')} <Anchor component={Link} size="sm" to={`/events/${sentAt}/meetings`}>{t('events:meetAt.open')}</Anchor></Text>}
    </Group>
  );
}
