import { Badge, Button, Checkbox, Group, Modal, Pagination, Select, Stack, Table, TextInput, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../app/ui.tsx';
import { DateTime, useCountryName } from '../../app/display.tsx';
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
  const country = useCountryName();
  // Role changes and disabling an account are asked for confirmation first: one stray click must not make an administrator.
  const [confirm, setConfirm] = useState<{ user: User; role?: string; disable?: boolean } | null>(null);
  const act = (id: string, c: { roles: string[] } | { disabled: boolean }) =>
    change.mutate({ id, change: c }, { onSuccess: () => { setConfirm(null); notifications.show({ color: 'green', message: t('common:saved') }); }, onError: (e) => notifyError(e) });
  const run = () => {
    if (!confirm) return;
    const { user: u, role: r } = confirm;
    if (r) act(u.id, { roles: u.roles.includes(r) ? u.roles.filter((x) => x !== r) : [...u.roles, r] });
    else act(u.id, { disabled: !u.disabled });
  };
  const question = confirm && (confirm.role
    ? t(confirm.user.roles.includes(confirm.role) ? 'admin:users.confirmRevoke' : 'admin:users.confirmGrant', { name: confirm.user.name, role: t(`common:roles.${confirm.role}`) })
    : t(confirm.user.disabled ? 'admin:users.confirmEnable' : 'admin:users.confirmDisable', { name: confirm.user.name }));
  return (
    <Stack>
      <Modal opened={!!confirm} onClose={() => setConfirm(null)} title={t('admin:users.confirmTitle')}>
        <Stack>
          <Text data-testid="confirm-question">{question}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>{t('common:cancel')}</Button>
            <Button color={confirm?.disable && !confirm.user.disabled ? 'red' : undefined} loading={change.isPending} onClick={run}>{t('admin:users.confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
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
                  <Table.Td><Text size="sm">{u.organisationName}</Text><Text size="xs" c="dimmed">{country(u.country)}</Text></Table.Td>
                  {ROLES.map((r) => (
                    <Table.Td key={r}><Checkbox aria-label={`${t(`common:roles.${r}`)}: ${u.email}`} checked={u.roles.includes(r)} disabled={change.isPending} onChange={() => setConfirm({ user: u, role: r })} /></Table.Td>
                  ))}
                  <Table.Td>{u.lastLoginAt ? <DateTime value={u.lastLoginAt} /> : '—'}</Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="light" color={u.disabled ? 'teal' : 'red'} disabled={change.isPending} onClick={() => setConfirm({ user: u, disable: true })}>
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
