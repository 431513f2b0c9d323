// Approved attendees of an event, with a search and filters (country, organisation type, area, what they offer or
// seek); a participant asks one or several of them for a meeting. On phones each attendee is a card.
import { Anchor, Badge, Button, Checkbox, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/session.tsx';
import { ErrorAlert, Loading, Page, RequireAuth } from '../../app/ui.tsx';
import { PromptModal } from '../../app/PromptModal.tsx';
import { MlText, useCountryName, useMl } from '../../app/display.tsx';
import { ORG_TYPES } from '@shared/enums.ts';
import { taxonomyQuery } from '../directory/api.ts';
import { EventTabs, useEvent } from './common.tsx';
import { attendeesQuery, eventKeys, type Registration, useRequestMeeting } from './api.ts';

export function RequestDialog({ eventId, invitees, onClose }: { eventId: string; invitees: Pick<Registration, 'userId' | 'name' | 'organisationName'>[]; onClose: (sent: boolean) => void }) {
  const { t } = useTranslation();
  const [priority, setPriority] = useState('would');
  const request = useRequestMeeting(eventId);
  return (
    <PromptModal title={t('events:attendees.requestTitle', { n: invitees.length })} label={t('events:attendees.message')} minRows={3} maxLength={2000}
      submitLabel={t('events:attendees.send')} onClose={() => onClose(false)}
      onSubmit={async (message) => { await request.mutateAsync({ inviteeUserIds: invitees.map((i) => i.userId), message, priority }); onClose(true); }}
      after={<SegmentedControl value={priority} onChange={setPriority} data={[{ value: 'must', label: t('events:priority.must') }, { value: 'would', label: t('events:priority.would') }]} />}>
      <Text size="sm">{invitees.map((i) => `${i.name} (${i.organisationName})`).join(', ')}</Text>
    </PromptModal>
  );
}

/** The marketplace profiles an attendee brings, as links to the profile pages. */
export function BroughtProfiles({ profiles }: { profiles: Registration['profiles'] }) {
  if (!profiles.length) return null;
  return (
    <Stack gap={2} data-testid="attendee-profiles">
      {profiles.map((p) => <Anchor key={p.id} component={Link} to={`/marketplace/profiles/${p.id}`} size="sm"><MlText value={p.title} /></Anchor>)}
    </Stack>
  );
}

/** Offers and requests among the marketplace profile types (what an attendee brings vs. what they look for). */
const OFFERS = new Set(['TO', 'BO']);
type Filters = { text: string; country: string | null; orgType: string | null; area: string | null; brings: string | null };

function matches(r: Registration, f: Filters, haystack: string) {
  if (f.text && !haystack.includes(f.text.toLowerCase())) return false;
  if (f.country && r.country !== f.country) return false;
  if (f.orgType && r.orgType !== f.orgType) return false;
  if (f.area && !r.profiles.some((p) => p.areas.includes(f.area!))) return false;
  if (f.brings === 'offers' && !r.profiles.some((p) => OFFERS.has(p.type))) return false;
  if (f.brings === 'seeks' && !r.profiles.some((p) => !OFFERS.has(p.type))) return false;
  return true;
}

export function AttendeesPage() {
  const { t } = useTranslation();
  const ml = useMl();
  const country = useCountryName();
  const { me } = useMe();
  const qc = useQueryClient();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const { data: e, error } = useEvent();
  const [f, setF] = useState<Filters>({ text: '', country: null, orgType: null, area: null, brings: null });
  const [picked, setPicked] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Registration[] | null>(null);
  const [sent, setSent] = useState(false);
  const q = useQuery(attendeesQuery(e?.id));
  const taxonomy = useQuery(taxonomyQuery);
  const others = useMemo(() => (q.data ?? []).filter((r) => r.status === 'approved' && r.userId !== me?.id), [q.data, me]);
  const rows = useMemo(() => others.filter((r) => matches(r, f,
    `${r.name} ${r.organisationName} ${country(r.country)} ${r.profiles.map((p) => ml(p.title)).join(' ')}`.toLowerCase())), [others, f, country, ml]);
  if (!e) return error ? <ErrorAlert error={error} /> : <Loading />;
  const canRequest = e.myRegistration?.status === 'approved';
  const set = (k: keyof Filters) => (v: string | null) => setF({ ...f, [k]: v });
  const countries = [...new Set(others.map((r) => r.country))].sort();
  const orgTypes = ORG_TYPES.filter((o) => others.some((r) => r.orgType === o));
  const areaCodes = new Set(others.flatMap((r) => r.profiles.flatMap((p) => p.areas)));
  const areas = (taxonomy.data ?? []).filter((a) => areaCodes.has(a.code));
  const pick = (r: Registration) => canRequest && <Checkbox aria-label={t('events:attendees.pick', { name: r.name })} checked={picked.includes(r.userId)}
    onChange={(x) => setPicked(x.currentTarget.checked ? [...picked, r.userId] : picked.filter((p) => p !== r.userId))} />;
  const requestButton = (r: Registration) => canRequest && <Button size="compact-sm" onClick={() => setDialog([r])} aria-label={t('events:attendees.requestWith', { name: r.name })}>{t('events:attendees.request')}</Button>;
  return (
    <RequireAuth>
      <Page title={ml(e.title)}>
        <EventTabs event={e} />
        <ErrorAlert error={q.error} />
        {sent && <Text c="teal" role="status">{t('events:attendees.sent')}</Text>}
        <TextInput placeholder={t('events:attendees.filter')} aria-label={t('events:attendees.filter')} value={f.text} maxLength={200} onChange={(x) => setF({ ...f, text: x.currentTarget.value })} />
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" data-testid="attendee-filters">
          <Select size="xs" label={t('events:attendees.filters.country')} clearable value={f.country} onChange={set('country')} data={countries.map((c) => ({ value: c, label: country(c) }))} />
          <Select size="xs" label={t('events:attendees.filters.orgType')} clearable value={f.orgType} onChange={set('orgType')} data={orgTypes.map((o) => ({ value: o, label: t(`market:orgType.${o}`) }))} />
          <Select size="xs" label={t('events:attendees.filters.area')} clearable searchable value={f.area} onChange={set('area')} data={areas.map((a) => ({ value: a.code, label: ml(a.label) }))} />
          <Select size="xs" label={t('events:attendees.filters.brings')} clearable value={f.brings} onChange={set('brings')}
            data={[{ value: 'offers', label: t('events:attendees.filters.offers') }, { value: 'seeks', label: t('events:attendees.filters.seeks') }]} />
        </SimpleGrid>
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="attendee-count">{t('events:attendees.count', { shown: rows.length, total: others.length })}</Text>
          {canRequest && picked.length > 1 && (
            <Button variant="light" onClick={() => setDialog(others.filter((r) => picked.includes(r.userId)))}>{t('events:attendees.groupRequest', { n: picked.length })}</Button>
          )}
        </Group>
        {q.data && others.length === 0 && <Text c="dimmed">{t('events:attendees.none')}</Text>}
        {phone ? (
          <Stack gap="xs">{rows.map((r) => (
            <Paper key={r.id} withBorder p="sm" data-testid="attendee-card">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Group gap="xs" wrap="nowrap" align="flex-start">{pick(r)}
                  <Stack gap={2}>
                    <Text fw={600}>{r.name}</Text>
                    <Text size="sm">{r.organisationName} · {country(r.country)}</Text>
                    <Text size="xs" c="dimmed">{t(`events:regRole.${r.role}`)} · {r.languages.map((l) => t(`events:spoken.${l}`)).join(', ')}</Text>
                    <BroughtProfiles profiles={r.profiles} />
                  </Stack>
                </Group>
              </Group>
              {canRequest && <Group justify="flex-end" mt="xs">{requestButton(r)}</Group>}
            </Paper>
          ))}</Stack>
        ) : (
          <Table>
            <Table.Thead><Table.Tr>
              {canRequest && <Table.Th />}<Table.Th>{t('events:attendees.name')}</Table.Th><Table.Th>{t('events:attendees.organisation')}</Table.Th>
              <Table.Th>{t('events:attendees.role')}</Table.Th><Table.Th>{t('events:attendees.languages')}</Table.Th><Table.Th>{t('events:attendees.profiles')}</Table.Th><Table.Th />
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  {canRequest && <Table.Td>{pick(r)}</Table.Td>}
                  <Table.Td>{r.name} <Badge size="xs" variant="light" title={country(r.country)}>{r.country}</Badge></Table.Td>
                  <Table.Td>{r.organisationName}</Table.Td>
                  <Table.Td>{t(`events:regRole.${r.role}`)}</Table.Td>
                  <Table.Td>{r.languages.map((l) => t(`events:spoken.${l}`)).join(', ')}</Table.Td>
                  <Table.Td><BroughtProfiles profiles={r.profiles} /></Table.Td>
                  <Table.Td>{requestButton(r)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {dialog && <RequestDialog eventId={e.id} invitees={dialog} onClose={async (ok) => {
          setDialog(null);
          if (ok) { setSent(true); setPicked([]); await qc.invalidateQueries({ queryKey: eventKeys.myMeetings(e.id) }); }
        }} />}
      </Page>
    </RequireAuth>
  );
}
