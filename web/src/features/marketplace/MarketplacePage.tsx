// Marketplace search: one box (Russian, Chinese, English), filters with facet counts, relevance or
// date order, "more" pages by cursor, highlighted matches.
import { Anchor, Badge, Button, Checkbox, Drawer, Group, Paper, RangeSlider, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Page, ErrorAlert, Loading, ChoiceButtons } from '../../app/ui.tsx';
import { DateTime, MlText, useCountryName, useLang } from '../../app/display.tsx';
import { useMe, hasRole } from '../../app/session.tsx';
import { mlText } from '@shared/languages.ts';
import { ORG_TYPES, PARTNERSHIP_TYPES, PROFILE_STATUSES as STATUSES, PROFILE_TYPES } from '@shared/enums.ts';
import { StatusBadge, TypeBadge } from '../../components/badges.tsx';
import { taxonomyQuery } from '../directory/api.ts';
import { Highlighted } from './Highlighted.tsx';
import { searchQueryOptions, type ProfileCard as Card } from './api.ts';


/** Longest search text the box accepts (a longer one makes a URL that proxies and the server refuse). */
const SEARCH_MAX = 200;

function Facet({ name, options, counts, params, set, label }: { name: string; options: readonly string[]; counts?: Record<string, number>; params: URLSearchParams; set: (k: string, v: string | null) => void; label: (v: string) => string }) {
  const selected = (params.get(name) ?? '').split(',').filter(Boolean);
  const toggle = (v: string) => { const next = selected.includes(v) ? selected.filter((x) => x !== v) : [...selected, v]; set(name, next.join(',') || null); };
  return (
    <Stack gap={4}>
      {options.map((o) => (
        <Checkbox key={o} size="xs" checked={selected.includes(o)} onChange={() => toggle(o)}
          label={<Group gap={4} wrap="nowrap"><Text size="sm">{label(o)}</Text>{counts && <Text size="xs" c="dimmed">({counts[o] ?? 0})</Text>}</Group>} />
      ))}
    </Stack>
  );
}

function ResultCard({ item }: { item: Card }) {
  const { t } = useTranslation();
  const lang = useLang();
  const country = useCountryName();
  return (
    <Paper withBorder p="md" data-testid="profile-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ flex: 1 }}>
          <Group gap="xs"><TypeBadge type={item.type} />{item.status !== 'published' && <StatusBadge status={item.status} />}<Badge variant="light" color="gray">{country(item.country)}</Badge>{item.trl && <Badge variant="light">TRL {item.trl}</Badge>}</Group>
          <Anchor component={Link} to={`/marketplace/profiles/${item.id}`} fw={600}>
            {item.highlight?.title ? <Highlighted span text={item.highlight.title} /> : <MlText span value={item.title} />}
          </Anchor>
          {item.highlight?.summary ? <Highlighted size="sm" text={item.highlight.summary} /> : <MlText size="sm" value={item.summary} lineClamp={3} />}
          <Text size="xs" c="dimmed">
            {item.organisation ? mlText(item.organisation.name, lang) : t('market:anonymousOrg')}
            {item.publishedAt && <> · <DateTime value={item.publishedAt} /></>}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

export function MarketplacePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { me } = useMe();
  const country = useCountryName();
  const organiser = hasRole(me, 'organiser', 'admin');
  // On phones the filters open in a drawer, so the first screen shows results.
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const set = (k: string, v: string | null) => { const p = new URLSearchParams(params); if (v) p.set(k, v); else p.delete(k); setParams(p, { replace: true }); };
  const query = Object.fromEntries(params.entries());
  const areas = useQuery(taxonomyQuery);
  const res = useInfiniteQuery(searchQueryOptions(query));
  const facets = res.data?.pages[0]?.facets ?? undefined;
  const trl = [Number(params.get('trlMin') ?? 1), Number(params.get('trlMax') ?? 9)] as [number, number];
  // Deactivated areas (organisers receive them too, for the taxonomy page) are not offered as filters.
  const topAreas = (areas.data ?? []).filter((a) => !a.parentCode && a.active !== false);
  const subAreas = (areas.data ?? []).filter((a) => a.parentCode && a.parentCode === params.get('area') && a.active !== false);
  const activeFilters = ['type', 'country', 'area', 'subArea', 'trlMin', 'trlMax', 'partnershipType', 'orgType', 'status'].filter((k) => params.get(k)).length;
  const filters = (
        <Stack gap="md" aria-label={t('common:filter')}>
          <Title order={2} size="h5">{t('market:filters.type')}</Title>
          <Facet name="type" options={PROFILE_TYPES} counts={facets?.type} params={params} set={set} label={(v) => t(`market:type.${v}`)} />
          <Title order={2} size="h5">{t('market:filters.country')}</Title>
          <Facet name="country" options={[...new Set(['BY', 'CN', ...Object.keys(facets?.country ?? {})])]} counts={facets?.country} params={params} set={set} label={country} />
          <Select label={t('market:filters.area')} clearable value={params.get('area')} onChange={(v) => { const p = new URLSearchParams(params); if (v) p.set('area', v); else p.delete('area'); p.delete('subArea'); setParams(p, { replace: true }); }}
            data={topAreas.map((a) => ({ value: a.code, label: `${mlText(a.label, lang)} (${facets?.area[a.code] ?? 0})` }))} />
          {subAreas.length > 0 && <Select label={t('market:filters.subArea')} clearable value={params.get('subArea')} onChange={(v) => set('subArea', v)}
            data={subAreas.map((a) => ({ value: a.code, label: `${mlText(a.label, lang)} (${facets?.subArea[a.code] ?? 0})` }))} />}
          <Stack gap={4}><Text size="sm" fw={500}>{t('market:filters.trl', { min: trl[0], max: trl[1] })}</Text>
            <RangeSlider min={1} max={9} step={1} minRange={0} value={trl} onChangeEnd={([a, b]) => { const p = new URLSearchParams(params); if (a > 1) p.set('trlMin', String(a)); else p.delete('trlMin'); if (b < 9) p.set('trlMax', String(b)); else p.delete('trlMax'); setParams(p, { replace: true }); }} /></Stack>
          <Title order={2} size="h5">{t('market:filters.partnership')}</Title>
          <Facet name="partnershipType" options={PARTNERSHIP_TYPES} counts={facets?.partnershipType} params={params} set={set} label={(v) => t(`market:partnership.${v}`)} />
          <Title order={2} size="h5">{t('market:filters.orgType')}</Title>
          <Facet name="orgType" options={ORG_TYPES} counts={facets?.orgType} params={params} set={set} label={(v) => t(`market:orgType.${v}`)} />
          {organiser && <Select label={t('market:filters.status')} clearable value={params.get('status')} onChange={(v) => set('status', v)} data={STATUSES.map((s) => ({ value: s, label: t(`market:status.${s}`) }))} />}
        </Stack>
  );
  return (
    <Page title={t('market:title')} description={t('market:subtitle')}
      actions={me && <Group><Button component={Link} to="/marketplace/new">{t('market:newProfile')}</Button><Button variant="light" component={Link} to="/marketplace/mine">{t('market:myProfiles')}</Button>
        <Button variant="light" component={Link} to="/marketplace/interests">{t('market:interests.title')}</Button>
        {organiser && <Button variant="light" component={Link} to="/marketplace/moderation">{t('market:moderation.title')}</Button>}</Group>}>
      <form role="search" onSubmit={(e) => { e.preventDefault(); set('q', q.trim() || null); }}>
        <Group align="flex-end">
          <TextInput style={{ flex: 1 }} label={t('market:search')} placeholder={t('market:searchPlaceholder')} value={q} onChange={(e) => setQ(e.currentTarget.value)} data-testid="search-input" maxLength={SEARCH_MAX} />
          <Button type="submit">{t('market:searchButton')}</Button>
        </Group>
      </form>
      {phone && <Button variant="default" onClick={() => setFiltersOpen(true)}>{t('market:filters.open', { count: activeFilters })}</Button>}
      {phone && <Drawer opened={filtersOpen} onClose={() => setFiltersOpen(false)} title={t('market:filters.title')} position="bottom" size="85%">{filters}
        <Button fullWidth mt="md" onClick={() => setFiltersOpen(false)}>{t('market:filters.show', { count: facets?.total ?? 0 })}</Button></Drawer>}
      <SimpleGrid cols={{ base: 1, md: 4 }} spacing="lg">
        {!phone && filters}
        <Stack style={{ gridColumn: 'span 3' }}>
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="result-count">{facets ? t('market:found', { count: facets.total }) : ''}</Text>
            <ChoiceButtons label={t('market:sort.label')} value={params.get('sort') ?? (params.get('q') ? 'relevance' : 'date')} onChange={(v) => set('sort', v)}
              data={[{ value: 'relevance', label: t('market:sort.relevance') }, { value: 'date', label: t('market:sort.date') }]} />
          </Group>
          <ErrorAlert error={res.error} />
          {res.isLoading && <Loading />}
          {res.data?.pages.flatMap((p) => p.items).map((item) => <ResultCard key={item.id} item={item} />)}
          {res.data && facets?.total === 0 && <Text c="dimmed">{t('market:nothingFound')}</Text>}
          {res.hasNextPage && <Button variant="light" onClick={() => res.fetchNextPage()} loading={res.isFetchingNextPage}>{t('common:more')}</Button>}
        </Stack>
      </SimpleGrid>
    </Page>
  );
}
