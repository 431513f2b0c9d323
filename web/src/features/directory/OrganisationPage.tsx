// An organisation's page: contacts as the viewer may see them, its profiles, editing for owners, logo,
// verification by organisers.
import { Anchor, Avatar, Badge, Button, FileInput, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecommendedPartners } from '../matching/RecommendedPartners.tsx';
import { Link, useParams } from 'react-router';
import { fieldErrors } from '../../app/api.ts';
import { Page, ErrorAlert, Loading } from '../../app/ui.tsx';
import { MlText, useLang } from '../../app/display.tsx';
import { useMe, hasRole } from '../../app/session.tsx';
import { mlText, type Ml } from '@shared/languages.ts';
import { StatusBadge, TypeBadge, VerifiedBadge } from '../../components/badges.tsx';
import { ContactList } from '../../components/ContactList.tsx';
import { organisationProfilesQuery, organisationQuery, useSaveOrganisation, useSetVerified, type OrgDetail } from './api.ts';
import { ContactsEditor, toBody, toRows, validateContacts, type ContactRow } from './ContactsEditor.tsx';

function EditOrganisation({ o, onDone }: { o: OrgDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [website, setWebsite] = useState(o.website ?? '');
  const [description, setDescription] = useState<Ml>(o.description);
  const [contacts, setContacts] = useState<ContactRow[]>(() => toRows(o.contacts));
  const [logo, setLogo] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [errs, setErrs] = useState<Record<string, string>>({});
  const saving = useSaveOrganisation(o.id);
  const invalid = Object.keys(validateContacts(contacts)).length > 0;
  function save() {
    setError(null); setErrs({});
    saving.mutate({ website: website || null, description, contacts: toBody(contacts), logo }, { onSuccess: onDone, onError: (e) => { setError(e); setErrs(fieldErrors(e)); } });
  }
  return (
    <Paper withBorder p="md"><Stack>
      <ErrorAlert error={error} />
      <TextInput label={t('directory:website')} value={website} onChange={(e) => setWebsite(e.currentTarget.value)} error={errs.website} />
      {(['ru', 'zh', 'en'] as const).map((l) => <Textarea key={l} label={`${t('directory:description')} (${t(`common:languages.${l}`)})`} autosize minRows={2} value={description[l] ?? ''} onChange={(e) => setDescription({ ...description, [l]: e.currentTarget.value })} error={errs[`description.${l}`]} />)}
      {/* Server errors name rows by index, so they are dropped as soon as the rows change. */}
      <ContactsEditor rows={contacts} onChange={(rows) => { setContacts(rows); setErrs({}); }} server={errs} />
      <FileInput label={t('directory:logo')} description={t('directory:logoHint')} accept="image/png,image/jpeg,image/webp" value={logo} onChange={setLogo} clearable />
      <Group><Button onClick={save} loading={saving.isPending} disabled={invalid} data-testid="save-organisation">{t('common:save')}</Button></Group>
    </Stack></Paper>
  );
}

export function OrganisationPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const { me } = useMe();
  const [editing, setEditing] = useState(false);
  const q = useQuery(organisationQuery(id!));
  const profiles = useQuery(organisationProfilesQuery(id!));
  const verify = useSetVerified(id!);
  if (q.isLoading) return <Loading />;
  const o = q.data;
  if (!o) return <Page title={t('directory:title')}><ErrorAlert error={q.error} /></Page>;
  const refresh = () => setEditing(false);
  return (
    <Page title={mlText(o.name, lang)} description={<Group gap={4}><Badge variant="light" color="gray">{o.country}</Badge><Badge variant="light">{t(`market:orgType.${o.type}`)}</Badge><VerifiedBadge verified={o.verified} /></Group>}
      actions={<Group>{o.canEdit && <Button variant="light" onClick={() => setEditing((x) => !x)}>{t('market:edit')}</Button>}
        {hasRole(me, 'organiser', 'admin') && <Button variant="light" color={o.verified ? 'gray' : 'teal'} loading={verify.isPending} onClick={() => verify.mutate(!o.verified, { onSuccess: refresh })}>{o.verified ? t('directory:unverify') : t('directory:verify')}</Button>}</Group>}>
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
