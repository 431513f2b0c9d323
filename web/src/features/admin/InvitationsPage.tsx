// Organisers (and administrators) invite experts and participants by expiring single-use links.
import { Badge, Button, CopyButton, Group, NumberInput, Paper, Select, Stack, Table, TextInput, Textarea, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../app/api.ts';
import { Page, ErrorAlert, RequireAuth } from '../../app/ui.tsx';
import { DateTime, useLang } from '../../app/display.tsx';
import { useMe, hasRole } from '../../app/session.tsx';
import { invitationsQuery, useCreateInvitation, useRevokeInvitation } from './api.ts';


function CreateForm({ onCreated }: { onCreated: (link: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { me } = useMe();
  const create = useCreateInvitation();
  const [error, setError] = useState<unknown>(null);
  const roles = hasRole(me, 'admin') ? ['participant', 'expert', 'organiser', 'admin'] : ['participant', 'expert'];
  const form = useForm({ initialValues: { role: 'expert', email: '', note: '', ttlDays: 7, lang } });
  return (
    <form noValidate onSubmit={form.onSubmit(async (v) => {
      setError(null);
      try {
        const r = await create.mutateAsync({ ...v, email: v.email.trim() || undefined });
        onCreated(r.link); form.reset();
      } catch (e) { setError(e); form.setErrors(fieldErrors(e)); }
    })}>
      <Stack>
        <ErrorAlert error={error} />
        <Group grow align="flex-start">
          <Select label={t('admin:invitations.role')} data={roles.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))} allowDeselect={false} {...form.getInputProps('role')} />
          <TextInput label={t('admin:invitations.email')} description={t('admin:invitations.emailHint')} type="email" {...form.getInputProps('email')} />
          <NumberInput label={t('admin:invitations.days')} min={1} max={60} {...form.getInputProps('ttlDays')} />
          <Select label={t('admin:invitations.mailLanguage')} data={[{ value: 'ru', label: 'Русский' }, { value: 'zh', label: '中文' }, { value: 'en', label: 'English' }]} allowDeselect={false} {...form.getInputProps('lang')} />
        </Group>
        <Textarea label={t('admin:invitations.note')} autosize minRows={2} maxLength={500} {...form.getInputProps('note')} />
        <Group><Button type="submit" loading={form.submitting}>{t('admin:invitations.create')}</Button></Group>
      </Stack>
    </form>
  );
}

export function InvitationsPage() {
  const { t } = useTranslation();
  const revoke = useRevokeInvitation();
  const [link, setLink] = useState<string | null>(null);
  const list = useQuery(invitationsQuery);
  return (
    <RequireAuth roles={['organiser', 'admin']}>
      <Page title={t('admin:invitations.title')} description={t('admin:invitations.subtitle')}>
        <Paper withBorder p="lg">
          <CreateForm onCreated={setLink} />
          {link && (
            <Group mt="md" wrap="nowrap">
              <TextInput value={link} readOnly style={{ flex: 1 }} aria-label={t('admin:invitations.link')} data-testid="invitation-link" />
              <CopyButton value={link}>{({ copied, copy }) => <Button onClick={copy} variant="light">{copied ? t('common:copied') : t('common:copy')}</Button>}</CopyButton>
            </Group>
          )}
        </Paper>
        <Title order={2} size="h4">{t('admin:invitations.list')}</Title>
        <ErrorAlert error={list.error} />
        <Table.ScrollContainer minWidth={700}>
          <Table>
            <Table.Thead><Table.Tr>
              <Table.Th>{t('admin:invitations.role')}</Table.Th><Table.Th>{t('admin:invitations.email')}</Table.Th>
              <Table.Th>{t('admin:invitations.expires')}</Table.Th><Table.Th>{t('admin:invitations.status')}</Table.Th><Table.Th />
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {list.data?.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{t(`common:roles.${i.role}`)}</Table.Td>
                  <Table.Td><Text size="sm">{i.email ?? '—'}</Text><Text size="xs" c="dimmed">{i.note}</Text></Table.Td>
                  <Table.Td><DateTime value={i.expiresAt} /></Table.Td>
                  <Table.Td><Badge variant="light" color={i.status === 'active' ? 'teal' : 'gray'}>{t(`admin:invitations.statuses.${i.status}`)}</Badge></Table.Td>
                  <Table.Td>{i.status === 'active' && (
                    <Button size="compact-xs" variant="subtle" color="red" loading={revoke.isPending && revoke.variables === i.id} disabled={revoke.isPending} onClick={() => revoke.mutate(i.id)}>{t('admin:invitations.revoke')}</Button>
                  )}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Page>
    </RequireAuth>
  );
}
