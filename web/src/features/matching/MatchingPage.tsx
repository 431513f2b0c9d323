// The Matching section: recommended partners for each published profile of the viewer's
// organisations; for organisers, the supply–demand table, the strongest pairs and pairing rules.
import { Alert, Stack, Switch, Tabs, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMl } from '../../app/display.tsx';
import { ErrorAlert, Loading, Page, RequireAuth } from '../../app/ui.tsx';
import { hasRole, useMe } from '../../app/session.tsx';
import { RecommendedPartners } from './RecommendedPartners.tsx';
import { SupplyDemandTab } from './SupplyDemandTab.tsx';
import { TopPairsTab } from './TopPairsTab.tsx';
import { PairingSettingsTab } from './PairingSettingsTab.tsx';
import { myOrganisationsQuery } from '../directory/api.ts';
import { myProfilesQuery } from '../marketplace/api.ts';
import { digestQuery, useSetDigest } from './api.ts';

export function MatchingPage() {
  return <RequireAuth><MatchingTabs /></RequireAuth>;
}

function MatchingTabs() {
  const { t } = useTranslation();
  const { me } = useMe();
  const navigate = useNavigate();
  const staff = hasRole(me, 'organiser', 'admin');
  const tab = useLocation().pathname.split('/')[2] || 'recommended';
  return (
    <Page title={t('matching:ui.title')}>
      <Tabs value={tab} onChange={(v) => navigate(v === 'recommended' ? '/matching' : `/matching/${v}`)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="recommended">{t('matching:ui.tabs.recommended')}</Tabs.Tab>
          {staff && <Tabs.Tab value="supply">{t('matching:ui.tabs.supply_demand')}</Tabs.Tab>}
          {staff && <Tabs.Tab value="pairs">{t('matching:ui.tabs.top_pairs')}</Tabs.Tab>}
          {staff && <Tabs.Tab value="settings">{t('matching:ui.tabs.settings')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="recommended" pt="md"><MyRecommendations /></Tabs.Panel>
        {staff && <Tabs.Panel value="supply" pt="md"><SupplyDemandTab /></Tabs.Panel>}
        {staff && <Tabs.Panel value="pairs" pt="md"><TopPairsTab /></Tabs.Panel>}
        {staff && <Tabs.Panel value="settings" pt="md"><PairingSettingsTab /></Tabs.Panel>}
      </Tabs>
    </Page>
  );
}

function MyRecommendations() {
  const { t } = useTranslation();
  const ml = useMl();
  const profiles = useQuery(myProfilesQuery);
  const orgs = useQuery(myOrganisationsQuery);
  if (profiles.isLoading) return <Loading />;
  if (profiles.error) return <ErrorAlert error={profiles.error} />;
  const published = (profiles.data ?? []).filter((p) => p.status === 'published');
  // An organisation with several published profiles also gets its overall best matches first.
  const perOrg = new Map<string, number>();
  for (const p of published) perOrg.set(p.organisationId, (perOrg.get(p.organisationId) ?? 0) + 1);
  const orgsWithSeveral = (orgs.data ?? []).filter((o) => (perOrg.get(o.id) ?? 0) > 1);
  return (
    <Stack gap="lg">
      <DigestSwitch />
      {!published.length && <Alert color="blue">{t('matching:ui.no_org')}</Alert>}
      {orgsWithSeveral.map((o) => (
        <Stack key={o.id} gap="xs">
          <Title order={2} size="h4">{t('matching:ui.org_wide', { organisation: ml(o.name) })}</Title>
          <RecommendedPartners organisationId={o.id} top={5} />
        </Stack>
      ))}
      {published.map((p) => (
        <Stack key={p.id} gap="xs">
          <Title order={2} size="h4">{t('matching:ui.recommended_for', { title: ml(p.title) })}</Title>
          <RecommendedPartners profileId={p.id} organisationId={p.organisationId} />
        </Stack>
      ))}
    </Stack>
  );
}

function DigestSwitch() {
  const { t } = useTranslation();
  const q = useQuery(digestQuery);
  const m = useSetDigest(() => notifications.show({ message: t('matching:ui.digest.saved') }));
  if (!q.data) return null;
  return <Switch label={t('matching:ui.digest.label')} checked={!q.data.optOut} disabled={m.isPending} onChange={(e) => m.mutate(!e.currentTarget.checked)} />;
}
