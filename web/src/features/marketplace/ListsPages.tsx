// "My profiles", the moderation queue (filters, one-click and bulk actions), expressions of interest with the inbox.
import { Anchor, Badge, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { TranslateButton } from '../translate/TranslateButton.tsx';
import { get, post } from '../../app/api.ts';
import { Page, ErrorAlert, Loading, RequireAuth } from '../../app/ui.tsx';
import { DateTime, MlText, useLang } from '../../app/display.tsx';
import { mlText, type Lang, type Ml } from '@shared/languages.ts';
import { PROFILE_TYPES, StatusBadge, TypeBadge, type Contact, type Org } from './common.tsx';
import { ContactList } from './ProfilePage.tsx';
import { RereviewSettings } from './RereviewSettings.tsx';

type Row = { id: string; type: string; status: string; title: Ml; updatedAt: string; expiresAt: string | null; reviewPending: boolean; moderatorComment: string | null };

export function MyProfilesPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['my-profiles'], queryFn: () => get<Row[]>('/api/profiles/mine') });
  return (
    <RequireAuth>
      <Page title={t('market:myProfiles')} actions={<Button component={Link} to="/marketplace/new">{t('market:newProfile')}</Button>}>
        <ErrorAlert error={q.error} />
        {q.isLoading && <Loading />}
        {q.data?.length === 0 && <Text c="dimmed">{t('market:noProfiles')}</Text>}
        <Stack>{q.data?.map((p) => (
          <Paper key={p.id} withBorder p="sm"><Group justify="space-between">
            <Group gap="xs"><TypeBadge type={p.type} /><Anchor component={Link} to={`/marketplace/profiles/${p.id}`}><MlText span value={p.title} /></Anchor></Group>
            <Group gap="xs"><StatusBadge status={p.status} />{p.expiresAt && <Text size="xs" c="dimmed">{t('market:field.expiresAt')}: <DateTime value={p.expiresAt} /></Text>}</Group>
          </Group>{p.moderatorComment && p.status === 'returned' && <Text size="sm" c="orange">{p.moderatorComment}</Text>}</Paper>
        ))}</Stack>
      </Page>
    </RequireAuth>
  );
}

type QueueRow = Row & { organisation: Org; country: string; ageDays: number; submittedAt: string | null };

export function ModerationPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [filters, setFilters] = useState<{ country?: string; type?: string; olderThanDays?: number }>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const q = useQuery({ queryKey: ['moderation', filters], queryFn: () => get<QueueRow[]>('/api/moderation/profiles', filters) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['moderation'] });
  const one = async (id: string, action: string) => {
    setError(null);
    try { await post(`/api/moderation/profiles/${id}/${action}`, action === 'approve' ? (comment ? { comment } : {}) : action === 'reject' ? { reason: comment } : { comment }); await refresh(); } catch (e) { setError(e); }
  };
  const bulk = async (action: string) => {
    setError(null);
    try { await post('/api/moderation/profiles/bulk', { ids: selected, action, comment: comment || undefined }); setSelected([]); await refresh(); } catch (e) { setError(e); }
  };
  return (
    <RequireAuth roles={['organiser', 'admin']}>
      <Page title={t('market:moderation.title')} description={t('market:moderation.subtitle')}>
        <RereviewSettings />
        <Group align="flex-end">
          <Select label={t('market:filters.country')} clearable data={['BY', 'CN']} value={filters.country ?? null} onChange={(v) => setFilters((f) => ({ ...f, country: v ?? undefined }))} />
          <Select label={t('market:filters.type')} clearable data={PROFILE_TYPES} value={filters.type ?? null} onChange={(v) => setFilters((f) => ({ ...f, type: v ?? undefined }))} />
          <NumberInput label={t('market:moderation.olderThan')} min={0} value={filters.olderThanDays ?? ''} onChange={(v) => setFilters((f) => ({ ...f, olderThanDays: typeof v === 'number' ? v : undefined }))} />
        </Group>
        <Textarea label={t('market:moderation.comment')} description={t('market:moderation.commentHint')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={1} />
        <ErrorAlert error={error} />
        <Group>
          <Text size="sm">{t('market:moderation.selected', { count: selected.length })}</Text>
          <Button size="xs" color="teal" disabled={!selected.length} onClick={() => bulk('approve')}>{t('market:moderation.approveAll')}</Button>
          <Button size="xs" color="orange" disabled={!selected.length || !comment.trim()} onClick={() => bulk('return')}>{t('market:moderation.returnAll')}</Button>
          <Button size="xs" color="red" disabled={!selected.length || !comment.trim()} onClick={() => bulk('reject')}>{t('market:moderation.rejectAll')}</Button>
        </Group>
        {q.isLoading && <Loading />}
        <Table.ScrollContainer minWidth={800}><Table>
          <Table.Thead><Table.Tr><Table.Th><Checkbox aria-label="all" checked={!!q.data?.length && selected.length === q.data.length} onChange={(e) => setSelected(e.currentTarget.checked ? (q.data ?? []).map((r) => r.id) : [])} /></Table.Th>
            <Table.Th>{t('market:profile')}</Table.Th><Table.Th>{t('market:field.organisation')}</Table.Th><Table.Th>{t('market:moderation.age')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>{q.data?.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td><Checkbox aria-label={mlText(r.title, lang)} checked={selected.includes(r.id)} onChange={(e) => setSelected((s) => (e.currentTarget.checked ? [...s, r.id] : s.filter((x) => x !== r.id)))} /></Table.Td>
              <Table.Td><Group gap="xs"><TypeBadge type={r.type} /><Anchor component={Link} to={`/marketplace/profiles/${r.id}`}><MlText span value={r.title} /></Anchor>{r.reviewPending && <Badge size="xs">{t('market:reviewPending')}</Badge>}</Group></Table.Td>
              <Table.Td><Text size="sm">{mlText(r.organisation.name, lang)} ({r.country})</Text></Table.Td>
              <Table.Td>{t('market:moderation.days', { count: r.ageDays })}</Table.Td>
              <Table.Td><Group gap={4} wrap="nowrap">
                <Button size="compact-xs" color="teal" onClick={() => one(r.id, 'approve')}>{t('market:moderation.approve')}</Button>
                <Button size="compact-xs" color="orange" disabled={!comment.trim()} onClick={() => one(r.id, 'return')}>{t('market:moderation.return')}</Button>
                <Button size="compact-xs" color="red" disabled={!comment.trim()} onClick={() => one(r.id, 'reject')}>{t('market:moderation.reject')}</Button>
              </Group></Table.Td>
            </Table.Tr>
          ))}</Table.Tbody>
        </Table></Table.ScrollContainer>
        {q.data?.length === 0 && <Text c="dimmed">{t('market:moderation.empty')}</Text>}
      </Page>
    </RequireAuth>
  );
}

type Interest = { id: string; profileId: string; profileTitle: Ml; status: string; direction: string; message: string; createdAt: string; messages: number; fromOrganisation: Org; profileOrganisation: Org | null };
type Notice = { id: string; kind: string; data: Record<string, unknown>; link: string | null; createdAt: string; readAt: string | null };

/** Params of a notice: multilingual values are shown in the viewer's language, plain ones as stored. */
function noticeParams(data: Record<string, unknown>, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) out[k] = v && typeof v === 'object' ? mlText(v as Ml, lang) : String(v ?? '');
  return out;
}

export function InterestsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['interests'], queryFn: () => get<Interest[]>('/api/interests') });
  const inbox = useQuery({ queryKey: ['inbox'], queryFn: () => get<{ unread: number; items: Notice[] }>('/api/inbox') });
  const noticeText = (n: Notice) => t(`market:inbox.kind.${n.kind}`, noticeParams(n.data, lang));
  return (
    <RequireAuth>
      <Page title={t('market:interests.title')}>
        <Group justify="space-between"><Title order={2} size="h4">{t('market:inbox.title', { count: inbox.data?.unread ?? 0 })}</Title>
          <Button size="xs" variant="subtle" onClick={async () => { await post('/api/inbox/read-all'); await qc.invalidateQueries({ queryKey: ['inbox'] }); }}>{t('market:inbox.readAll')}</Button></Group>
        <Stack gap={4}>{inbox.data?.items.slice(0, 20).map((n) => (
          <Text key={n.id} size="sm" fw={n.readAt ? 400 : 700}>
            <DateTime value={n.createdAt} /> · {n.link ? <Anchor component={Link} to={n.link} onClick={() => void post(`/api/inbox/${n.id}/read`)}>{noticeText(n)}</Anchor> : noticeText(n)}
          </Text>
        ))}</Stack>
        <Title order={2} size="h4">{t('market:interests.list')}</Title>
        <ErrorAlert error={list.error} />
        <Stack>{list.data?.map((i) => (
          <Paper key={i.id} withBorder p="sm" data-testid="interest-row"><Group justify="space-between">
            <Stack gap={2}>
              <Anchor component={Link} to={`/marketplace/interests/${i.id}`}><MlText span value={i.profileTitle} /></Anchor>
              <Text size="xs" c="dimmed">{t(`market:interests.direction.${i.direction}`)} · {mlText((i.direction === 'received' ? i.fromOrganisation : i.profileOrganisation)?.name, lang) || t('market:anonymousOrg')} · <DateTime value={i.createdAt} /></Text>
            </Stack>
            <Group gap="xs"><Badge variant="light">{t(`market:interests.status.${i.status}`)}</Badge>{i.messages > 0 && <Badge variant="outline">{i.messages}</Badge>}</Group>
          </Group></Paper>
        ))}</Stack>
      </Page>
    </RequireAuth>
  );
}

type InterestDetail = {
  id: string; status: string; message: string; responseNote: string | null; createdAt: string; direction: string; profile: { id: string; title: Ml };
  fromOrganisation: Org; profileOrganisation: Org | null; sender: { name: string; email: string | null }; responder: { name: string; email: string } | null;
  contacts: { from: Contact[]; owner: Contact[] } | null; messages: { id: string; body: string; createdAt: string; authorName: string; mine: boolean }[];
  canRespond: boolean; canWithdraw: boolean; canMessage: boolean;
};

export function InterestPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const q = useQuery({ queryKey: ['interest', id], queryFn: () => get<InterestDetail>(`/api/interests/${id}`) });
  const act = async (url: string, payload?: unknown) => { setError(null); try { await post(url, payload); await qc.invalidateQueries({ queryKey: ['interest', id] }); return true; } catch (e) { setError(e); return false; } };
  if (q.isLoading) return <Loading />;
  const d = q.data;
  if (!d) return <Page title={t('market:interests.title')}><ErrorAlert error={q.error} /></Page>;
  return (
    <RequireAuth>
      <Page title={mlText(d.profile.title, lang)} description={<Group gap="xs"><Badge>{t(`market:interests.status.${d.status}`)}</Badge><Text size="sm">{t(`market:interests.direction.${d.direction}`)}</Text></Group>}>
        <ErrorAlert error={error} />
        <Paper withBorder p="md"><Stack gap={4}>
          <Text size="sm" c="dimmed">{mlText(d.fromOrganisation.name, lang)} · {d.sender.name}{d.sender.email && ` · ${d.sender.email}`} · <DateTime value={d.createdAt} /></Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{d.message}</Text>
          {d.responseNote && <Text size="sm" c="dimmed">{d.responseNote}</Text>}
        </Stack></Paper>
        <Anchor component={Link} to={`/marketplace/profiles/${d.profile.id}`}>{t('market:interests.toProfile')}</Anchor>
        {d.canRespond && <Group><Button color="teal" onClick={() => act(`/api/interests/${d.id}/accept`, {})} data-testid="accept-interest">{t('market:interests.accept')}</Button>
          <Button color="red" variant="light" onClick={() => act(`/api/interests/${d.id}/decline`, {})}>{t('market:interests.decline')}</Button></Group>}
        {d.canWithdraw && <Button variant="subtle" color="gray" onClick={() => act(`/api/interests/${d.id}/withdraw`)}>{t('market:interests.withdraw')}</Button>}
        {d.contacts && <Paper withBorder p="md" data-testid="exchanged-contacts"><Stack>
          <Title order={2} size="h5">{mlText(d.profileOrganisation?.name, lang)}</Title><ContactList contacts={d.contacts.owner} />
          {d.responder && <Text size="sm">{d.responder.name} · {d.responder.email}</Text>}
          <Title order={2} size="h5">{mlText(d.fromOrganisation.name, lang)}</Title><ContactList contacts={d.contacts.from} />
        </Stack></Paper>}
        {(d.canMessage || d.messages.length > 0) && <Title order={2} size="h4">{t('market:interests.conversation')}</Title>}
        <Stack gap="xs">{d.messages.map((m) => (
          <Paper key={m.id} p="sm" withBorder bg={m.mine ? 'var(--mantine-color-blue-light)' : undefined} ml={m.mine ? 'xl' : 0} mr={m.mine ? 0 : 'xl'}>
            <Text size="xs" c="dimmed">{m.authorName} · <DateTime value={m.createdAt} /></Text><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Text><TranslateButton text={m.body} />
          </Paper>
        ))}</Stack>
        {d.canMessage && <Group align="flex-end"><Textarea style={{ flex: 1 }} label={t('market:interests.newMessage')} autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
          <Button disabled={!body.trim()} onClick={async () => { if (await act(`/api/interests/${d.id}/messages`, { body })) setBody(''); }}>{t('market:interests.sendMessage')}</Button></Group>}
      </Page>
    </RequireAuth>
  );
}
