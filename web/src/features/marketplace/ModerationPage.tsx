// The moderation queue for organisers: filters, one-click and bulk actions, the re-review settings.
import { Anchor, Badge, Button, Checkbox, Group, NumberInput, Select, Table, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page, ErrorAlert, Loading, RequireAuth } from '../../app/ui.tsx';
import { MlText, useCountryName, useLang } from '../../app/display.tsx';
import { mlText } from '@shared/languages.ts';
import { PROFILE_TYPES } from '@shared/enums.ts';
import { TypeBadge } from '../../components/badges.tsx';
import { moderationQuery, useBulkModerate, useModerate, type ModerationAction, type ModerationFilters } from './api.ts';
import { RereviewSettings } from './RereviewSettings.tsx';

export function ModerationPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const moderate = useModerate();
  const moderateMany = useBulkModerate();
  const [filters, setFilters] = useState<ModerationFilters>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const q = useQuery(moderationQuery(filters));
  const country = useCountryName();
  const oneBusy = (id: string, action: string) => moderate.isPending && moderate.variables?.id === id && moderate.variables.action === action;
  const one = (id: string, action: ModerationAction) => {
    setError(null);
    moderate.mutate({ id, action, text: comment }, { onError: setError });
  };
  const bulkBusy = (action: string) => moderateMany.isPending && moderateMany.variables?.action === action;
  const bulk = (action: 'approve' | 'return' | 'reject') => {
    setError(null);
    moderateMany.mutate({ ids: selected, action, comment: comment || undefined }, { onSuccess: () => setSelected([]), onError: setError });
  };
  return (
    <RequireAuth roles={['organiser', 'admin']}>
      <Page title={t('market:moderation.title')} description={t('market:moderation.subtitle')}>
        <RereviewSettings />
        <Group align="flex-end">
          <Select label={t('market:filters.country')} clearable data={['BY', 'CN'].map((c) => ({ value: c, label: country(c) }))} value={filters.country ?? null} onChange={(v) => setFilters((f) => ({ ...f, country: v ?? undefined }))} />
          <Select label={t('market:filters.type')} clearable data={PROFILE_TYPES} value={filters.type ?? null} onChange={(v) => setFilters((f) => ({ ...f, type: v ?? undefined }))} />
          <NumberInput label={t('market:moderation.olderThan')} min={0} value={filters.olderThanDays ?? ''} onChange={(v) => setFilters((f) => ({ ...f, olderThanDays: typeof v === 'number' ? v : undefined }))} />
        </Group>
        <Textarea label={t('market:moderation.comment')} description={t('market:moderation.commentHint')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={1} />
        <ErrorAlert error={error} />
        <Group>
          <Text size="sm">{t('market:moderation.selected', { count: selected.length })}</Text>
          <Button size="xs" color="teal" loading={bulkBusy('approve')} disabled={!selected.length || moderateMany.isPending} onClick={() => bulk('approve')}>{t('market:moderation.approveAll')}</Button>
          <Button size="xs" color="orange" loading={bulkBusy('return')} disabled={!selected.length || !comment.trim() || moderateMany.isPending} onClick={() => bulk('return')}>{t('market:moderation.returnAll')}</Button>
          <Button size="xs" color="red" loading={bulkBusy('reject')} disabled={!selected.length || !comment.trim() || moderateMany.isPending} onClick={() => bulk('reject')}>{t('market:moderation.rejectAll')}</Button>
        </Group>
        {q.isLoading && <Loading />}
        <Table.ScrollContainer minWidth={800}><Table>
          <Table.Thead><Table.Tr><Table.Th><Checkbox aria-label="all" checked={!!q.data?.length && selected.length === q.data.length} onChange={(e) => setSelected(e.currentTarget.checked ? (q.data ?? []).map((r) => r.id) : [])} /></Table.Th>
            <Table.Th>{t('market:profile')}</Table.Th><Table.Th>{t('market:field.organisation')}</Table.Th><Table.Th>{t('market:moderation.age')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>{q.data?.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td><Checkbox aria-label={mlText(r.title, lang)} checked={selected.includes(r.id)} onChange={(e) => setSelected((s) => (e.currentTarget.checked ? [...s, r.id] : s.filter((x) => x !== r.id)))} /></Table.Td>
              <Table.Td><Group gap="xs"><TypeBadge type={r.type} /><Anchor component={Link} to={`/marketplace/profiles/${r.id}`}><MlText span value={r.title} /></Anchor>{r.reviewPending && <Badge size="xs">{t('market:reviewPending')}</Badge>}</Group></Table.Td>
              <Table.Td><Text size="sm">{mlText(r.organisation.name, lang)} ({country(r.country)})</Text></Table.Td>
              <Table.Td>{t('market:moderation.days', { count: r.ageDays })}</Table.Td>
              <Table.Td><Group gap={4} wrap="nowrap">
                <Button size="compact-xs" color="teal" loading={oneBusy(r.id, 'approve')} disabled={moderate.isPending} onClick={() => one(r.id, 'approve')}>{t('market:moderation.approve')}</Button>
                <Button size="compact-xs" color="orange" loading={oneBusy(r.id, 'return')} disabled={!comment.trim() || moderate.isPending} onClick={() => one(r.id, 'return')}>{t('market:moderation.return')}</Button>
                <Button size="compact-xs" color="red" loading={oneBusy(r.id, 'reject')} disabled={!comment.trim() || moderate.isPending} onClick={() => one(r.id, 'reject')}>{t('market:moderation.reject')}</Button>
              </Group></Table.Td>
            </Table.Tr>
          ))}</Table.Tbody>
        </Table></Table.ScrollContainer>
        {q.data?.length === 0 && <Text c="dimmed">{t('market:moderation.empty')}</Text>}
      </Page>
    </RequireAuth>
  );
}
