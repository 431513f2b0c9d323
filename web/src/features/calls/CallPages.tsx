// The call list (open / upcoming / closed) and the call page: dates in the viewer's zone and the funder's,
// a countdown by the server's clock, documents, criteria, open partner searches, and "start an application".
import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { CITY_OF_ZONE, formatDateTime } from '@shared/time.ts';
import { MlText, useLang, useMl } from '../../app/display.tsx';
import { ErrorAlert, Loading, Page } from '../../app/ui.tsx';
import { useMe, useViewerZone } from '../../app/session.tsx';
import { useCall, useCalls, useMyApplications, useStartApplication, type CallSummary } from './api.ts';

const PHASE_COLOR = { open: 'teal', upcoming: 'blue', closed: 'gray' } as const;

/** "23.12.2021, 23:59 (Минск)" in the viewer's zone, and in each funder's zone when it differs. */
export function ZonedInstant({ value, zones }: { value: string; zones: string[] }) {
  const lang = useLang();
  const viewer = useViewerZone();
  const city = (z: string) => CITY_OF_ZONE[z]?.[lang] ?? z;
  const others = [...new Set(zones)].filter((z) => z !== viewer);
  return (
    <Stack gap={0}>
      <Text span fw={500}>{formatDateTime(value, viewer, lang)} <Text span c="dimmed" size="sm">({city(viewer)})</Text></Text>
      {others.map((z) => <Text key={z} span size="sm" c="dimmed">{formatDateTime(value, z, lang)} ({city(z)})</Text>)}
    </Stack>
  );
}

/** Time left until `target`, by the server's clock (the offset of the page's clock is measured once). */
export function Countdown({ target, serverNow }: { target: string; serverNow: string }) {
  const { t } = useTranslation();
  const [offset] = useState(() => Date.parse(serverNow) - Date.now());
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => { const h = setInterval(() => setNow(Date.now() + offset), 1000); return () => clearInterval(h); }, [offset]);
  const left = Math.max(0, Date.parse(target) - now);
  const d = Math.floor(left / 86400_000), h = Math.floor((left % 86400_000) / 3600_000), m = Math.floor((left % 3600_000) / 60_000), s = Math.floor((left % 60_000) / 1000);
  return <Badge size="lg" variant="light" color={left < 86400_000 ? 'red' : 'teal'} data-testid="countdown">{t('calls:countdown', { d, h, m, s })}</Badge>;
}

function CallCard({ c, origin }: { c: CallSummary; origin: string | null }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component={Link} to={`/calls/${c.slug}${origin ? `?origin=${origin}` : ''}`} data-testid="call-card">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h5"><MlText value={c.title} /></Title>
          <Badge color={PHASE_COLOR[c.phase]}>{t(`calls:phase.${c.phase}`)}</Badge>
        </Group>
        <Text size="sm" c="dimmed"><MlText value={c.programme.name} /> · {c.projectStartYear}–{c.projectEndYear}</Text>
        <Text size="sm">{t(c.phase === 'upcoming' ? 'calls:opens' : 'calls:closes')}</Text>
        <ZonedInstant value={c.phase === 'upcoming' ? c.opensAt : c.closesAt} zones={c.funders.map((f) => f.timezone)} />
        <Group gap={4}>{c.funders.map((f) => <Badge key={f.funderId} variant="outline"><MlText value={f.shortName.ru || f.shortName.zh || f.shortName.en ? f.shortName : f.name} /> · {f.currency}</Badge>)}</Group>
      </Stack>
    </Card>
  );
}

export function CallListPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const origin = params.get('origin');
  const q = useCalls();
  const { me } = useMe();
  const mine = useMyApplications(!!me);
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const group = (phase: CallSummary['phase']) => (q.data ?? []).filter((c) => c.phase === phase);
  return (
    <Page title={t('calls:title')} description={t('calls:intro')}>
      {origin && <Alert color="blue" data-testid="origin-banner">{t('calls:chooseCallForOrigin')}</Alert>}
      {me && !!mine.data?.length && (
        <Stack gap="xs">
          <Title order={2} size="h4">{t('calls:myApplications')}</Title>
          {mine.data.map((a) => (
            <Card key={a.id} withBorder padding="sm" component={Link} to={`/applications/${a.id}`} data-testid="my-application">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={500}><MlText value={a.title} /> <Text span c="dimmed" size="sm">{a.reference}</Text></Text>
                <Group gap={4}>{a.halves.map((h) => <Badge key={h.side} variant="light">{h.side}: {t(`calls:status.${h.status}`)}</Badge>)}</Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {(['open', 'upcoming', 'closed'] as const).map((phase) => group(phase).length > 0 && (
        <Stack key={phase} gap="xs">
          <Title order={2} size="h4">{t(`calls:phaseTitle.${phase}`)}</Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>{group(phase).map((c) => <CallCard key={c.id} c={c} origin={origin} />)}</SimpleGrid>
        </Stack>
      ))}
    </Page>
  );
}

export function CallPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const origin = params.get('origin');
  const navigate = useNavigate();
  const q = useCall(slug);
  const ml = useMl();
  const { me } = useMe();
  const start = useStartApplication(q.data?.id ?? '');
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const c = q.data;
  const zones = c.funders.map((f) => f.timezone);
  const begin = async () => {
    const [kind, id] = origin ? origin.split(':') : [];
    const r = await start.mutateAsync(kind && id ? { origin: { kind, id } } : {});
    navigate(`/applications/${r.id}`);
  };
  return (
    <Page title={ml(c.title)} description={ml(c.programme.name)}>
      <Group gap="xs">
        <Badge color={PHASE_COLOR[c.phase]} data-testid="call-phase">{t(`calls:phase.${c.phase}`)}</Badge>
        <Badge variant="outline">{t(`calls:type.${c.type}`)}</Badge>
        <Badge variant="outline">{c.projectStartYear}–{c.projectEndYear}</Badge>
        {c.phase === 'open' && <Countdown target={c.closesAt} serverNow={c.serverNow} />}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder><Text size="sm" c="dimmed">{t('calls:opens')}</Text><ZonedInstant value={c.opensAt} zones={zones} /></Card>
        <Card withBorder><Text size="sm" c="dimmed">{t('calls:closes')}</Text><ZonedInstant value={c.closesAt} zones={zones} /></Card>
      </SimpleGrid>
      <MlText value={c.description} style={{ whiteSpace: 'pre-wrap' }} />
      {c.canApply && (
        <Group>
          <Button onClick={() => void begin()} loading={start.isPending} data-testid="start-application">
            {origin ? t('calls:startFromPartnership') : t('calls:startApplication')}
          </Button>
          {start.error && <ErrorAlert error={start.error} />}
        </Group>
      )}
      {!me && c.phase === 'open' && <Alert>{t('calls:signInToApply')}</Alert>}
      <Title order={2} size="h4">{t('calls:funders')}</Title>
      <Table.ScrollContainer minWidth={320}>
        <Table>
          <Table.Tbody>
            {c.funders.map((f) => (
              <Table.Tr key={f.funderId}>
                <Table.Td>{f.side}</Table.Td><Table.Td><MlText value={f.name} /></Table.Td><Table.Td>{f.currency}</Table.Td>
                <Table.Td>{c.caps.filter((x) => x.funderId === f.funderId).map((x) => `${x.year}: ${x.amount.toLocaleString()}`).join(' · ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={2} size="h4">{t('calls:requiredDocuments')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {(['BY', 'CN'] as const).map((s) => (
          <Stack key={s} gap={2}>
            <Text fw={500}>{t(`calls:side.${s}`)}</Text>
            {c.requiredDocuments.filter((d) => d.side === s).map((d) => <Text key={d.code} size="sm">• <MlText value={d.title} />{!d.required && ` (${t('calls:optional')})`}</Text>)}
          </Stack>
        ))}
      </SimpleGrid>
      {c.criteria.length > 0 && (
        <>
          <Title order={2} size="h4">{t('calls:criteria')}</Title>
          {c.criteria.map((x) => <Text key={x.code} size="sm"><MlText value={x.title} /> — {x.weight}% ({x.scaleMin}–{x.scaleMax})</Text>)}
        </>
      )}
      {c.documents.length > 0 && (
        <>
          <Title order={2} size="h4">{t('calls:documents')}</Title>
          {c.documents.map((d) => <Anchor key={d.id} href={d.url}><MlText value={d.title} /></Anchor>)}
        </>
      )}
      <Title order={2} size="h4">{t('calls:partnerSearches')}</Title>
      {c.partnerSearches.length === 0 ? <Text c="dimmed" size="sm">{t('calls:noPartnerSearches')}</Text> : c.partnerSearches.map((p) => (
        <Anchor key={p.id} component={Link} to={`/marketplace/profiles/${p.id}`}><MlText value={p.title} /> · {p.country}{p.organisation && <> · <MlText value={p.organisation.name} /></>}</Anchor>
      ))}
      {(c.canEdit || c.officerOf.length > 0) && <Anchor component={Link} to={`/calls/${c.slug}/applications`}>{t('calls:allApplications')}</Anchor>}
    </Page>
  );
}
