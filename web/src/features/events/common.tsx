// Pieces shared by the event pages: loading the event, its sub-navigation, times in two zones.
import { Badge, Group, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { CITY_OF_ZONE, formatDateTime, formatTime } from '@shared/time.ts';
import { roomText, type EventVenue } from '@shared/venues.ts';
import { useLang } from '../../app/display.tsx';
import { useMe, useViewerZone } from '../../app/session.tsx';
import { type EventInfo, eventQuery } from './api.ts';

export function useEvent() {
  const { slug = '' } = useParams();
  const q = useQuery(eventQuery(slug!));
  return { slug, ...q };
}

/** Room and venue names in the viewer's language (another language when a name is missing in theirs). */
export function useRoomText(venues: readonly EventVenue[]) {
  const lang = useLang();
  return (roomId: string | null | undefined, o: { address?: boolean } = {}) => roomText(venues, roomId, lang, o);
}

/** The zone shown alongside the viewer's: the other country's (Minsk ↔ Changchun). */
export function useOtherZone(): string {
  const viewer = useViewerZone();
  return viewer === 'Asia/Shanghai' ? 'Europe/Minsk' : 'Asia/Shanghai';
}

/** "29 Sep 2021 · 10:00–10:30 Minsk · 15:00–15:30 Changchun" */
export function TimeRange({ start, end, withDate = true }: { start: string; end: string; withDate?: boolean }) {
  const lang = useLang();
  const viewer = useViewerZone();
  const other = useOtherZone();
  const city = (z: string) => CITY_OF_ZONE[z]?.[lang] ?? z.split('/').pop()!.replace(/_/g, ' ');
  const range = (z: string) => `${formatTime(start, z, lang)}–${formatTime(end, z, lang)}`;
  return (
    <Text span size="sm" data-testid="time-range">
      {withDate && <>{formatDateTime(start, viewer, lang, { dateStyle: 'medium', timeStyle: undefined })} · </>}
      <time dateTime={start}>{range(viewer)} {city(viewer)}</time>
      {other !== viewer && <Text span c="dimmed"> · {range(other)} {city(other)}</Text>}
    </Text>
  );
}

export const STATUS_COLOR: Record<string, string> = {
  requested: 'yellow', accepted: 'blue', scheduled: 'teal', cancelled: 'gray', declined: 'red', expired: 'gray',
  pending: 'yellow', approved: 'teal', waitlisted: 'orange', rejected: 'red', draft: 'gray', published: 'teal', closed: 'gray',
};

export function StatusBadge({ kind, status }: { kind: 'meeting' | 'registration' | 'event'; status: string }) {
  const { t } = useTranslation();
  const label = kind === 'meeting' ? t(`events:meetingStatus.${status}`) : t(`events:${kind}Status.${status}`);
  return <Badge variant="light" color={STATUS_COLOR[status] ?? 'gray'} title={label}>{label}</Badge>;
}

/** Tabs of an event: public page, attendees, my meetings, my agenda, and the organisers' desk. */
export function EventTabs({ event }: { event: EventInfo }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const base = `/events/${event.slug}`;
  const current = pathname.slice(base.length).replace(/^\//, '') || 'overview';
  const approved = event.myRegistration?.status === 'approved';
  const tabs = [
    { value: 'overview', label: t('events:tabs.overview') },
    ...(approved || event.canManage ? [{ value: 'attendees', label: t('events:tabs.attendees') }] : []),
    ...(me && event.myRegistration ? [{ value: 'meetings', label: t('events:tabs.meetings') }, { value: 'agenda', label: t('events:tabs.agenda') }] : []),
    ...(event.canManage ? [{ value: 'manage', label: t('events:tabs.manage') }] : []),
  ];
  return (
    <Group className="no-print">
      <Tabs value={current} onChange={(v) => navigate(v === 'overview' ? base : `${base}/${v}`)}>
        <Tabs.List>{tabs.map((x) => <Tabs.Tab key={x.value} value={x.value}>{x.label}</Tabs.Tab>)}</Tabs.List>
      </Tabs>
    </Group>
  );
}
