// One profile: texts with language fallback, facts, contacts as the viewer may see them,
// the expression-of-interest form, owner actions and moderation actions.
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MeetAtEvent } from '../events/MeetAtEvent.tsx';
import { RecommendedPartners } from '../matching/RecommendedPartners.tsx';
import { Link, useNavigate, useParams } from 'react-router';
import { Page, ErrorAlert, Loading } from '../../app/ui.tsx';
import { DateTime, MlText, useCountryName, useLang } from '../../app/display.tsx';
import { taxonomyQuery } from '../directory/api.ts';
import { useMe } from '../../app/session.tsx';
import { mlText, type Ml } from '@shared/languages.ts';
import { StatusBadge, TypeBadge } from '../../components/badges.tsx';
import { ContactList } from '../../components/ContactList.tsx';
import { AttachmentList } from './Attachments.tsx';
import { profileQuery, useExpressInterest, useModerate, useProfileAction, type ModerationAction, type ProfileDetail as Profile } from './api.ts';
import { TranslateButton } from '../translate/TranslateButton.tsx';

function Section({ label, value }: { label: string; value: Ml }) {
  const lang = useLang();
  if (!value || !Object.values(value).some(Boolean)) return null;
  return <Stack gap={2}><Title order={3} size="h5">{label}</Title><MlText value={value} style={{ whiteSpace: 'pre-wrap' }} /><TranslateButton text={mlText(value, lang)} /></Stack>;
}

function InterestForm({ id, onSent }: { id: string; onSent: () => void }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const send = useExpressInterest(id);
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">{t('market:interests.send')}</Title>
        <ErrorAlert error={error} />
        <Textarea label={t('market:interests.message')} autosize minRows={3} maxLength={4000} value={message} onChange={(e) => setMessage(e.currentTarget.value)} data-testid="interest-message" />
        <Group><Button data-testid="send-interest" loading={send.isPending} disabled={!message.trim()} onClick={() => {
          setError(null);
          send.mutate({ message }, { onSuccess: onSent, onError: setError });
        }}>{t('market:interests.sendButton')}</Button></Group>
      </Stack>
    </Paper>
  );
}

function Moderation({ p }: { p: Profile }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const moderate = useModerate();
  const act = (action: ModerationAction) => { setError(null); moderate.mutate({ id: p.id, action, text: comment }, { onError: setError }); };
  const pending = p.status === 'submitted' || p.reviewPending;
  const busy = (action: ModerationAction) => moderate.isPending && moderate.variables?.action === action;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h4">{t('market:moderation.title')}</Title>
        <ErrorAlert error={error} />
        <Textarea label={t('market:moderation.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} />
        <Group>
          {pending && <Button color="teal" loading={busy('approve')} disabled={moderate.isPending} onClick={() => act('approve')}>{t('market:moderation.approve')}</Button>}
          {pending && <Button color="orange" loading={busy('return')} disabled={!comment.trim() || moderate.isPending} onClick={() => act('return')}>{t('market:moderation.return')}</Button>}
          {pending && <Button color="red" loading={busy('reject')} disabled={!comment.trim() || moderate.isPending} onClick={() => act('reject')}>{t('market:moderation.reject')}</Button>}
          {p.status === 'published' && <Button variant="light" color="orange" loading={busy('hold')} disabled={!comment.trim() || moderate.isPending} onClick={() => act('hold')}>{t('market:moderation.hold')}</Button>}
          {p.status === 'on_hold' && <Button variant="light" loading={busy('resume')} disabled={moderate.isPending} onClick={() => act('resume')}>{t('market:moderation.resume')}</Button>}
        </Group>
      </Stack>
    </Paper>
  );
}

export function ProfilePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const { me } = useMe();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const q = useQuery(profileQuery(id!));
  const ownerAction = useProfileAction(id!);
  const refresh = () => q.refetch();
  const ownerBusyRef = useRef(false);
  const country = useCountryName();
  const taxonomy = useQuery(taxonomyQuery);
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <Page title={t('market:profile')}><ErrorAlert error={q.error} /></Page>;
  const p = q.data;
  // The areas (and sub-areas) the profile was saved with, by their names in the viewer's language.
  const areaNames = [...p.areas, ...p.subAreas].map((code) => mlText(taxonomy.data?.find((a) => a.code === code)?.label, lang) || code);
  // A second click while the first request runs does nothing (the button is disabled and loading).
  // A ref, not isPending: the second click of a double-click arrives before React re-renders the disabled button.
  const owner = (action: 'submit' | 'extend' | 'archive') => {
    if (ownerBusyRef.current) return;
    ownerBusyRef.current = true; setError(null);
    ownerAction.mutate(action, { onError: setError, onSettled: () => { ownerBusyRef.current = false; } });
  };
  const ownerBusy = (action: string) => ownerAction.isPending && ownerAction.variables === action;
  return (
    <Page title={mlText(p.title, lang)} description={<Group gap="xs"><TypeBadge type={p.type} /><Text size="sm">{t(`market:type.${p.type}`)}</Text><StatusBadge status={p.status} />{p.reviewPending && <Badge color="blue" variant="light">{t('market:reviewPending')}</Badge>}</Group>}
      actions={p.canEdit && <Group>
        <Button variant="light" onClick={() => navigate(`/marketplace/profiles/${p.id}/edit`)}>{t('market:edit')}</Button>
        {['draft', 'returned'].includes(p.status) && <Button loading={ownerBusy('submit')} disabled={ownerAction.isPending} onClick={() => owner('submit')} data-testid="submit-profile">{t('market:submit')}</Button>}
        {['published', 'expired'].includes(p.status) && p.extensionCount < 1 && <Button variant="light" loading={ownerBusy('extend')} disabled={ownerAction.isPending} onClick={() => owner('extend')}>{t('market:extend')}</Button>}
        {p.status !== 'archived' && <Button variant="subtle" color="gray" loading={ownerBusy('archive')} disabled={ownerAction.isPending} onClick={() => owner('archive')}>{t('market:archive')}</Button>}
      </Group>}>
      <ErrorAlert error={error} />
      {p.moderatorComment && p.status === 'returned' && <Alert color="orange" title={t('market:returnedWith')}>{p.moderatorComment}</Alert>}
      {p.rejectionReason && p.status === 'rejected' && <Alert color="red" title={t('market:rejectedWith')}>{p.rejectionReason}</Alert>}
      {p.holdReason && p.status === 'on_hold' && <Alert color="orange" title={t('market:heldWith')}>{p.holdReason}</Alert>}
      <MlText fw={500} value={p.summary} />
      <Section label={t('market:field.description')} value={p.description} />
      <Section label={t('market:field.advantages')} value={p.advantages} />
      <Section label={t('market:field.technicalSpecification')} value={p.technicalSpecification} />
      <Section label={t('market:field.partnerRole')} value={p.partnerRole} />
      <Section label={t('market:field.iprNotes')} value={p.iprNotes} />
      <Table variant="vertical" withTableBorder maw={720}>
        <Table.Tbody>
          <Table.Tr><Table.Th>{t('market:field.organisation')}</Table.Th><Table.Td data-testid="profile-organisation">{p.organisation
            ? <Anchor component={Link} to={`/directory/organisations/${p.organisation.id}`}>{mlText(p.organisation.name, lang)}</Anchor> : t('market:anonymousOrg')} ({country(p.country)})</Table.Td></Table.Tr>
          {areaNames.length > 0 && <Table.Tr data-testid="profile-areas"><Table.Th>{t('market:field.areas')}</Table.Th><Table.Td>{areaNames.join(', ')}</Table.Td></Table.Tr>}
          <Table.Tr><Table.Th>{t('market:field.partnershipTypes')}</Table.Th><Table.Td>{p.partnershipTypes.map((x) => t(`market:partnership.${x}`)).join(', ')}</Table.Td></Table.Tr>
          {p.developmentStage && <Table.Tr><Table.Th>{t('market:field.developmentStage')}</Table.Th><Table.Td>{t(`market:stage.${p.developmentStage}`)}</Table.Td></Table.Tr>}
          {p.trl && <Table.Tr><Table.Th>TRL</Table.Th><Table.Td>{p.trl}</Table.Td></Table.Tr>}
          {p.iprStatus && <Table.Tr><Table.Th>{t('market:field.iprStatus')}</Table.Th><Table.Td>{t(`market:ipr.${p.iprStatus}`)}</Table.Td></Table.Tr>}
          {(p.technologyKeywords.length + p.marketKeywords.length) > 0 && <Table.Tr><Table.Th>{t('market:field.keywords')}</Table.Th><Table.Td>{[...p.technologyKeywords, ...p.marketKeywords].join(', ')}</Table.Td></Table.Tr>}
          {p.partnerTypesSought.length > 0 && <Table.Tr><Table.Th>{t('market:field.partnerTypesSought')}</Table.Th><Table.Td>{p.partnerTypesSought.map((x) => t(`market:orgType.${x}`)).join(', ')}</Table.Td></Table.Tr>}
          {p.targetCountries.length > 0 && <Table.Tr><Table.Th>{t('market:field.targetCountries')}</Table.Th><Table.Td>{p.targetCountries.map(country).join(', ')}</Table.Td></Table.Tr>}
          {p.programme && <Table.Tr><Table.Th>{t('market:field.programme')}</Table.Th><Table.Td>{p.programme}</Table.Td></Table.Tr>}
          {p.callId && <Table.Tr><Table.Th>{t('calls:profileCall')}</Table.Th><Table.Td><Anchor component={Link} to={`/calls/${p.callId}`}>{t('calls:openCall')}</Anchor></Table.Td></Table.Tr>}
          {p.callDeadline && <Table.Tr><Table.Th>{t('market:field.callDeadline')}</Table.Th><Table.Td><DateTime value={p.callDeadline} /></Table.Td></Table.Tr>}
          {p.publishedAt && <Table.Tr><Table.Th>{t('market:field.publishedAt')}</Table.Th><Table.Td><DateTime value={p.publishedAt} /></Table.Td></Table.Tr>}
          {p.expiresAt && <Table.Tr><Table.Th>{t('market:field.expiresAt')}</Table.Th><Table.Td><DateTime value={p.expiresAt} /></Table.Td></Table.Tr>}
        </Table.Tbody>
      </Table>
      <AttachmentList items={p.attachments} />
      {p.contacts.length > 0 && <><Title order={2} size="h4">{t('market:contacts')}</Title><ContactList contacts={p.contacts} /></>}
      {p.myInterest && <Alert color="blue">{t('market:interests.yours', { status: t(`market:interests.status.${p.myInterest.status}`) })} <Anchor component={Link} to={`/marketplace/interests/${p.myInterest.id}`}>{t('market:interests.open')}</Anchor></Alert>}
      {p.canExpressInterest && <InterestForm id={p.id} onSent={() => void refresh()} />}
      {me && p.organisation && !p.isOwn && <MeetAtEvent organisationId={p.organisation.id} />}
      {!me && p.status === 'published' && <Text size="sm"><Anchor component={Link} to="/login">{t('common:login')}</Anchor> — {t('market:loginToExpress')}</Text>}
      {p.canModerate && <Moderation p={p} />}
      {p.status === 'published' && (p.canEdit || p.canModerate) && <>
        <Title order={2} size="h4">{t('matching:ui.recommended')}</Title>
        <RecommendedPartners profileId={p.id} organisationId={p.organisation?.id} />
      </>}
    </Page>
  );
}
