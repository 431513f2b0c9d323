import { Button, Group, Stack, Table, TextInput, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../app/ui.tsx';
import { DateTime } from '../../app/display.tsx';
import { auditQuery } from './api.ts';
import { AuditChanges, EntityLink } from './AuditChanges.tsx';


export function AuditTab() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState({ entityType: '', action: '', actor: '', entityId: '' });
  const [applied, setApplied] = useState(filters);
  const q = useInfiniteQuery(auditQuery(applied));
  const field = (k: keyof typeof filters) => ({ value: filters[k], onChange: (e: React.ChangeEvent<HTMLInputElement>) => setFilters({ ...filters, [k]: e.currentTarget.value }) });
  return (
    <Stack>
      <form onSubmit={(e) => { e.preventDefault(); setApplied(filters); }}>
        <Group align="flex-end">
          <TextInput label={t('admin:audit.entityType')} placeholder="user, profile, event…" {...field('entityType')} />
          <TextInput label={t('admin:audit.entityId')} {...field('entityId')} />
          <TextInput label={t('admin:audit.action')} {...field('action')} />
          <TextInput label={t('admin:audit.actor')} placeholder="email" {...field('actor')} />
          <Button type="submit">{t('common:filter')}</Button>
        </Group>
      </form>
      <ErrorAlert error={q.error} />
      {q.isLoading ? <Loading /> : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped>
            <Table.Thead><Table.Tr>
              <Table.Th>{t('admin:audit.when')}</Table.Th><Table.Th>{t('admin:audit.actor')}</Table.Th><Table.Th>{t('admin:audit.entityType')}</Table.Th>
              <Table.Th>{t('admin:audit.action')}</Table.Th><Table.Th>{t('admin:audit.changes')}</Table.Th>
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {q.data?.pages.flatMap((p) => p.items).map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td><DateTime value={e.at} /></Table.Td>
                  <Table.Td><Text size="sm">{e.actorEmail ?? '—'}</Text><Text size="xs" c="dimmed">{e.ip}</Text></Table.Td>
                  <Table.Td><EntityLink type={e.entityType} id={e.entityId} /></Table.Td>
                  <Table.Td data-testid="audit-action">{t(`admin:audit.act.${e.action}`, { defaultValue: e.action.replace(/_/g, ' ') })}</Table.Td>
                  <Table.Td maw={420}><AuditChanges changes={e.changes} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {q.hasNextPage && <Group><Button variant="light" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>{t('common:more')}</Button></Group>}
    </Stack>
  );
}
