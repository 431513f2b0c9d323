// Directory: organisations with filters, an organisation's page (contacts as the viewer may see
// them, its public profiles, editing for owners, logo, verification by organisers), "my organisations".
import { Anchor, Avatar, Badge, Button, FileInput, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecommendedPartners } from '../matching/RecommendedPartners.tsx';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, get, patch, post, put, fieldErrors } from '../../app/api.ts';
import { Page, ErrorAlert, Loading, RequireAuth } from '../../app/ui.tsx';
import { MlText, useLang } from '../../app/display.tsx';
import { useMe, hasRole } from '../../app/session.tsx';
import { mlText, type Ml } from '@shared/languages.ts';
import { ORG_TYPES, StatusBadge, TypeBadge, type Contact } from '../marketplace/common.tsx';
import { ContactList } from '../marketplace/ProfilePage.tsx';
import { ContactsEditor, toBody, toRows, validateContacts, type ContactRow } from './ContactsEditor.tsx';

type OrgSummary = { id: string; name: Ml; shortName: Ml; country: string; type: string; city: Ml; areas: string[]; verified: boolean; logoUrl: string | null };
type OrgDetail = OrgSummary & { description: Ml; website: string | null; contacts: Contact[]; hiddenContacts: number; members: { userId: string; name: string; role: string }[] | null; myRole: string | null; canEdit: boolean };

export function VerifiedBadge({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  return verified ? <Badge color="teal" variant="light">{t('directory:verified')}</Badge> : <Badge color="gray" variant="outline">{t('directory:unverified')}</Badge>;
}

export function DirectoryPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const set = (k: string, v: string | null) => { const p = new URLSearchParams(params); if (v) p.set(k, v); else p.delete(k); setParams(p, { replace: true }); };
  const list = useQuery({ queryKey: ['orgs', params.toString()], queryFn: () => get<{ total: number; items: OrgSummary[] }>('/api/organisations', { ...Object.fromEntries(params.entries()), limit: 200 }) });
  const areas = useQuery({ queryKey: ['taxonomy'], queryFn: () => get<{ code: string; parentCode: string | null; label: Ml; active?: boolean }[]>('/api/taxonomy') });
  return (
    <Page title={t('directory:title')} description={t('directory:subtitle')}
      actions={me && <Group><Button variant="light" component={Link} to="/directory/mine">{t('directory:mine')}</Button>
        {hasRole(me, 'organiser', 'admin') && <>
          <Button variant="light" component={Link} to="/directory/import">{t('directory:exchange.title')}</Button>
          <Button variant="light" component={Link} to="/directory/taxonomy">{t('directory:taxonomy.title')}</Button>
        </>}</Group>}>
      <form role="search" onSubmit={(e) => { e.preventDefault(); set('q', q.trim() || null); }}>
        <Group align="flex-end">
          <TextInput style={{ flex: 1 }} label={t('market:search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <Select label={t('market:filters.country')} clearable data={['BY', 'CN']} value={params.get('country')} onChange={(v) => set('country', v)} w={120} />
          <Select label={t('market:filters.orgType')} clearable data={ORG_TYPES.map((x) => ({ value: x, label: t(`market:orgType.${x}`) }))} value={params.get('type')} onChange={(v) => set('type', v)} />
          <Select label={t('market:filters.area')} clearable data={(areas.data ?? []).filter((a) => !a.parentCode && a.active !== false).map((a) => ({ value: a.code, label: mlText(a.label, lang) }))} value={params.get('area')} onChange={(v) => set('area', v)} />
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
              <Group gap={4}><Badge variant="light" color="gray">{o.country}</Badge><Badge variant="light">{t(`market:orgType.${o.type}`)}</Badge><VerifiedBadge verified={o.verified} /></Group>
              <MlText size="xs" c="dimmed" value={o.city} />
            </Stack>
          </Group></Paper>
        ))}
      </SimpleGrid>
    </Page>
  );
}

function EditOrganisation({ o, onDone }: { o: OrgDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [website, setWebsite] = useState(o.website ?? '');
  const [description, setDescription] = useState<Ml>(o.description);
  const [contacts, setContacts] = useState<ContactRow[]>(() => toRows(o.contacts));
  const [logo, setLogo] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [errs, setErrs] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const invalid = Object.keys(validateContacts(contacts)).length > 0;
  async function save() {
    setError(null); setErrs({}); setBusy(true);
    try {
      await patch(`/api/organisations/${o.id}`, { website: website || null, description });
      await put(`/api/organisations/${o.id}/contacts`, { contacts: toBody(contacts) });
      if (logo) { const fd = new FormData(); fd.append('file', logo); await api('POST', `/api/organisations/${o.id}/logo`, fd); }
      onDone();
    } catch (e) { setError(e); setErrs(fieldErrors(e)); } finally { setBusy(false); }
  }
  return (
    <Paper withBorder p="md"><Stack>
      <ErrorAlert error={error} />
      <TextInput label={t('directory:website')} value={website} onChange={(e) => setWebsite(e.currentTarget.value)} error={errs.website} />
      {(['ru', 'zh', 'en'] as const).map((l) => <Textarea key={l} label={`${t('directory:description')} (${t(`common:languages.${l}`)})`} autosize minRows={2} value={description[l] ?? ''} onChange={(e) => setDescription({ ...description, [l]: e.currentTarget.value })} error={errs[`description.${l}`]} />)}
      {/* Server errors name rows by index, so they are dropped as soon as the rows change. */}
      <ContactsEditor rows={contacts} onChange={(rows) => { setContacts(rows); setErrs({}); }} server={errs} />
      <FileInput label={t('directory:logo')} description={t('directory:logoHint')} accept="image/png,image/jpeg,image/webp" value={logo} onChange={setLogo} clearable />
      <Group><Button onClick={save} loading={busy} disabled={invalid} data-testid="save-organisation">{t('common:save')}</Button></Group>
    </Stack></Paper>
  );
}

export function OrganisationPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const { me } = useMe();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ['org', id], queryFn: () => get<OrgDetail>(`/api/organisations/${id}`) });
  const profiles = useQuery({ queryKey: ['org-profiles', id], queryFn: () => get<{ id: string; type: string; status: string; title: Ml }[]>(`/api/organisations/${id}/profiles`) });
  if (q.isLoading) return <Loading />;
  const o = q.data;
  if (!o) return <Page title={t('directory:title')}><ErrorAlert error={q.error} /></Page>;
  const refresh = async () => { setEditing(false); await qc.invalidateQueries({ queryKey: ['org', id] }); };
  return (
    <Page title={mlText(o.name, lang)} description={<Group gap={4}><Badge variant="light" color="gray">{o.country}</Badge><Badge variant="light">{t(`market:orgType.${o.type}`)}</Badge><VerifiedBadge verified={o.verified} /></Group>}
      actions={<Group>{o.canEdit && <Button variant="light" onClick={() => setEditing((x) => !x)}>{t('market:edit')}</Button>}
        {hasRole(me, 'organiser', 'admin') && <Button variant="light" color={o.verified ? 'gray' : 'teal'} onClick={async () => { await put(`/api/organisations/${o.id}/verified`, { verified: !o.verified }); await refresh(); }}>{o.verified ? t('directory:unverify') : t('directory:verify')}</Button>}</Group>}>
      {o.logoUrl && <Avatar src={o.logoUrl} size="xl" radius="sm" />}
      <MlText value={o.description} />
      {o.website && <Anchor href={o.website} target="_blank" rel="noreferrer">{o.website}</Anchor>}
      {editing && <EditOrganisation o={o} onDone={refresh} />}
      <Title order={2} size="h4">{t('market:contacts')}</Title>
      <ContactList contacts={o.contacts} />
      {o.hiddenContacts > 0 && <Text size="sm" c="dimmed">{t('directory:hiddenContacts', { count: o.hiddenContacts })}</Text>}
      {o.members && <><Title order={2} size="h4">{t('directory:members')}</Title><Text size="sm">{o.members.map((m) => `${m.name} (${t(`directory:role.${m.role}`)})`).join(', ')}</Text></>}
      <Title order={2} size="h4">{t('directory:profiles')}</Title>
      <Stack gap={4}>{profiles.data?.map((p) => (
        <Group key={p.id} gap="xs"><TypeBadge type={p.type} /><Anchor component={Link} to={`/marketplace/profiles/${p.id}`}><MlText span value={p.title} /></Anchor>{p.status !== 'published' && <StatusBadge status={p.status} />}</Group>
      ))}</Stack>
      {(hasRole(me, 'organiser', 'admin') || me?.organisations.some((x) => x.id === o.id)) && <>
        <Title order={2} size="h4">{t('matching:ui.recommended')}</Title>
        <RecommendedPartners organisationId={o.id} />
      </>}
    </Page>
  );
}

export function MyOrganisationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const mine = useQuery({ queryKey: ['my-orgs'], queryFn: () => get<(OrgSummary & { myRole: string })[]>('/api/organisations/mine') });
  const [name, setName] = useState<Ml>({});
  const [country, setCountry] = useState<string | null>('BY');
  const [type, setType] = useState<string | null>('enterprise');
  const [error, setError] = useState<unknown>(null);
  return (
    <RequireAuth>
      <Page title={t('directory:mine')}>
        <Table><Table.Tbody>{mine.data?.map((o) => (
          <Table.Tr key={o.id}><Table.Td><Anchor component={Link} to={`/directory/organisations/${o.id}`}>{mlText(o.name, lang)}</Anchor></Table.Td><Table.Td>{t(`directory:role.${o.myRole}`)}</Table.Td><Table.Td><VerifiedBadge verified={o.verified} /></Table.Td></Table.Tr>
        ))}</Table.Tbody></Table>
        <Paper withBorder p="md"><Stack>
          <Title order={2} size="h4">{t('directory:create')}</Title>
          <ErrorAlert error={error} />
          <Group grow>{(['ru', 'zh', 'en'] as const).map((l) => <TextInput key={l} label={`${t('directory:name')} (${t(`common:languages.${l}`)})`} value={name[l] ?? ''} onChange={(e) => setName({ ...name, [l]: e.currentTarget.value })} />)}</Group>
          <Group grow>
            <TextInput label={t('market:filters.country')} value={country ?? ''} onChange={(e) => setCountry(e.currentTarget.value.toUpperCase())} maxLength={2} />
            <Select label={t('market:filters.orgType')} data={ORG_TYPES.map((x) => ({ value: x, label: t(`market:orgType.${x}`) }))} value={type} onChange={setType} allowDeselect={false} />
          </Group>
          <Group><Button onClick={async () => {
            setError(null);
            try { const r = await post<{ id: string }>('/api/organisations', { name: Object.fromEntries(Object.entries(name).filter(([, v]) => v)), country, type }); navigate(`/directory/organisations/${r.id}`); } catch (e) { setError(e); }
          }}>{t('directory:createButton')}</Button></Group>
        </Stack></Paper>
      </Page>
    </RequireAuth>
  );
}

type Report = { ok: boolean; dryRun: boolean; organisations: { total: number; create: number; update: number }; profiles: { total: number; create: number; update: number };
  problems: { sheet: string; row: number; column: string; code: string; message: string }[] };

export function ImportExportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true); setError(null);
    try { const fd = new FormData(); fd.append('file', file); setReport(await api<Report>('POST', `/api/directory/import?dryRun=${dryRun}`, fd)); } catch (e) { setError(e); } finally { setBusy(false); }
  };
  return (
    <RequireAuth roles={['organiser', 'admin']}>
      <Page title={t('directory:exchange.title')} description={t('directory:exchange.subtitle')}>
        <Group>
          <Button component="a" href="/api/directory/export?format=json" variant="light">{t('directory:exchange.exportJson')}</Button>
          <Button component="a" href="/api/directory/export?format=xlsx" variant="light">{t('directory:exchange.exportXlsx')}</Button>
          <Button component="a" href="/api/directory/export?format=csv" variant="light">{t('directory:exchange.exportCsv')}</Button>
          <Button component="a" href="/api/directory/import-template" variant="subtle">{t('directory:exchange.template')}</Button>
        </Group>
        <Paper withBorder p="md"><Stack>
          <FileInput label={t('directory:exchange.file')} accept=".json,.csv,.xlsx" value={file} onChange={(f) => { setFile(f); setReport(null); }} />
          <Group><Button loading={busy} disabled={!file} onClick={() => run(true)}>{t('directory:exchange.check')}</Button>
            <Button loading={busy} color="teal" disabled={!file || !report?.ok || !report.dryRun} onClick={() => run(false)}>{t('directory:exchange.apply')}</Button></Group>
          <ErrorAlert error={error} />
          {report && <Stack gap="xs">
            <Text fw={500} c={report.ok ? 'teal' : 'red'}>{report.ok ? (report.dryRun ? t('directory:exchange.clean') : t('directory:exchange.done')) : t('directory:exchange.problems', { count: report.problems.length })}</Text>
            <Text size="sm">{t('directory:exchange.counts', { orgs: report.organisations.total, orgsNew: report.organisations.create, profiles: report.profiles.total, profilesNew: report.profiles.create })}</Text>
            {report.problems.length > 0 && <Table><Table.Thead><Table.Tr><Table.Th>{t('directory:exchange.sheet')}</Table.Th><Table.Th>{t('directory:exchange.row')}</Table.Th><Table.Th>{t('directory:exchange.column')}</Table.Th><Table.Th>{t('directory:exchange.problem')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>{report.problems.slice(0, 500).map((p, i) => <Table.Tr key={i}><Table.Td>{p.sheet}</Table.Td><Table.Td>{p.row}</Table.Td><Table.Td>{p.column}</Table.Td><Table.Td>{p.message}</Table.Td></Table.Tr>)}</Table.Tbody></Table>}
          </Stack>}
        </Stack></Paper>
      </Page>
    </RequireAuth>
  );
}
