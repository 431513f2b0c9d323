// The directory: organisations with search and filters.
import { Anchor, Avatar, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Page, ErrorAlert, Loading } from '../../app/ui.tsx';
import { MlText, useCountryName, useLang } from '../../app/display.tsx';
import { useMe, hasRole } from '../../app/session.tsx';
import { mlText } from '@shared/languages.ts';
import { ORG_TYPES } from '@shared/enums.ts';
import { VerifiedBadge } from '../../components/badges.tsx';
import { organisationsQuery, taxonomyQuery } from './api.ts';

export function DirectoryPage() {
  const { t } = useTranslation();
  const country = useCountryName();
  const lang = useLang();
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const set = (k: string, v: string | null) => { const p = new URLSearchParams(params); if (v) p.set(k, v); else p.delete(k); setParams(p, { replace: true }); };
  const list = useQuery(organisationsQuery(params));
  const areas = useQuery({ ...taxonomyQuery, staleTime: 0 });
  return (
    <Page title={t('directory:title')} description={t('directory:subtitle')}
      actions={me && <Group><Button variant="light" component={Link} to="/directory/mine">{t('directory:mine')}</Button>
        {hasRole(me, 'organiser', 'admin') && <>
          <Button variant="light" component={Link} to="/directory/import">{t('directory:exchange.title')}</Button>
          <Button variant="light" component={Link} to="/directory/taxonomy">{t('directory:taxonomy.title')}</Button>
        </>}</Group>}>
      <form role="search" onSubmit={(e) => { e.preventDefault(); set('q', q.trim() || null); }}>
        <Group align="flex-end">
          <TextInput style={{ flex: 1 }} label={t('market:search')} value={q} maxLength={200} onChange={(e) => setQ(e.currentTarget.value)} />
          <Select label={t('market:filters.country')} clearable data={['BY', 'CN']} value={params.get('country')} onChange={(v) => set('country', v)} w={120} />
          <Select label={t('market:filters.orgType')} clearable data={ORG_TYPES.map((x) => ({ value: x, label: t(`market:orgType.${x}`) }))} value={params.get('type')} onChange={(v) => set('type', v)} />
          <Select label={t('market:filters.area')} clearable data={(areas.data ?? []).filter((a) => !a.parentCode && a.active).map((a) => ({ value: a.code, label: mlText(a.label, lang) }))} value={params.get('area')} onChange={(v) => set('area', v)} />
          <Button type="submit">{t('market:searchButton')}</Button>
        </Group>
      </form>
      <ErrorAlert error={list.error} />
      {list.isLoading && <Loading />}
      <Text size="sm" c="dimmed">{t('directory:count', { count: list.data?.total ?? 0 })}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {list.data?.items.map((o) => (
          <Paper key={o.id} withBorder p="md"><Group wrap="nowrap" align="flex-start">
            <Avatar src={o.logoUrl} radius="sm">{mlText(o.shortName, lang).slice(0, 2) || o.country}</Avatar>
            <Stack gap={4}>
              <Anchor component={Link} to={`/directory/organisations/${o.id}`} fw={600}><MlText span value={o.name} /></Anchor>
              <Group gap={4}><Badge variant="light" color="gray">{country(o.country)}</Badge><Badge variant="light">{t(`market:orgType.${o.type}`)}</Badge><VerifiedBadge verified={o.verified} /></Group>
              <MlText size="xs" c="dimmed" value={o.city} />
            </Stack>
          </Group></Paper>
        ))}
      </SimpleGrid>
    </Page>
  );
}
