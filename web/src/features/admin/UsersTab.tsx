import { Badge, Button, Checkbox, Group, Pagination, Select, Stack, Table, TextInput, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../app/ui.tsx';
import { DateTime } from '../../app/display.tsx';
import { useErrorNotice } from '../../app/notices.ts';
import { usersQuery, useUserChange, type User } from './api.ts';

const ROLES = ['admin', 'organiser', 'participant', 'expert'] as const;
const PAGE = 25;

export function UsersTab() {
  const { t } = useTranslation();
  const notifyError = useErrorNotice();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue(q, 300);
  const users = useQuery(usersQuery(debounced, role, page, PAGE));
  const change = useUserChange();
  const act = (id: string, c: { roles: string[] } | { disabled: boolean }) =>
    change.mutate({ id, change: c }, { onSuccess: () => notifications.show({ color: 'green', message: t('common:saved') }), onError: (e) => notifyError(e) });
  const toggleRole = (u: User, r: string) => act(u.id, { roles: u.roles.includes(r) ? u.roles.filter((x) => x !== r) : [...u.roles, r] });
  return (
    <Stack>
      <Group>
        <TextInput label={t('admin:users.search')} value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} w={280} />
        <Select label={t('admin:users.role')} clearable value={role} onChange={(v) => { setRole(v); setPage(1); }} data={ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))} w={200} />
      </Group>
      <ErrorAlert error={users.error} />
      {users.isLoading ? <Loading /> : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('auth:fields.name')}</Table.Th><Table.Th>{t('auth:fields.organisation')}</Table.Th>
                {ROLES.map((r) => <Table.Th key={r}>{t(`common:roles.${r}`)}</Table.Th>)}
                <Table.Th>{t('admin:users.lastLogin')}</Table.Th><Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data?.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>{u.name}</Text><Text size="xs" c="dimmed">{u.email}</Text>
                    {!u.emailVerified && <Badge size="xs" color="yellow">{t('admin:users.unverified')}</Badge>}
                    {u.disabled && <Badge size="xs" color="red">{t('admin:users.disabled')}</Badge>}
                  </Table.Td>
                  <Table.Td><Text size="sm">{u.organisationName}</Text><Text size="xs" c="dimmed">{u.country}</Text></Table.Td>
                  {ROLES.map((r) => (
                    <Table.Td key={r}><Checkbox aria-label={`${t(`common:roles.${r}`)}: ${u.email}`} checked={u.roles.includes(r)} onChange={() => void toggleRole(u, r)} /></Table.Td>
                  ))}
                  <Table.Td>{u.lastLoginAt ? <DateTime value={u.lastLoginAt} /> : '—'}</Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="light" color={u.disabled ? 'teal' : 'red'} onClick={() => act(u.id, { disabled: !u.disabled })}>
                      {u.disabled ? t('admin:users.enable') : t('admin:users.disable')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {users.data && users.data.total > PAGE && <Pagination total={Math.ceil(users.data.total / PAGE)} value={page} onChange={setPage} />}
    </Stack>
  );
}
