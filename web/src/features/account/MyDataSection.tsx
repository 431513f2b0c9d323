// "My data" on the account page: download everything the platform holds about me, or delete the
// account after reading what happens to shared records (strings under account:myData).
import { Alert, Button, Group, Modal, Stack, Text, Title, Paper } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../app/api.ts';
import { ErrorAlert, PasswordField } from '../../app/ui.tsx';

export function MyDataSection() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true); setError(null);
    try { await post('/api/me/delete', { password }); window.location.assign('/'); } catch (e) { setError(e); } finally { setBusy(false); }
  };
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h4" mb="md">{t('account:myData.title')}</Title>
      <Stack>
        <Text size="sm">{t('account:myData.downloadText')}</Text>
        <Group><Button component="a" href="/api/me/data" download="synergy-my-data.json" variant="light">{t('account:myData.download')}</Button></Group>
        <Text size="sm">{t('account:myData.deleteText')}</Text>
        <Group><Button color="red" variant="outline" onClick={() => setOpen(true)}>{t('account:myData.delete')}</Button></Group>
      </Stack>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('account:myData.confirmTitle')}>
        <Stack>
          <Alert color="red">{t('account:myData.confirmText')}</Alert>
          <ErrorAlert error={error} />
          <PasswordField label={t('auth:fields.currentPassword')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>{t('common:cancel')}</Button>
            <Button color="red" loading={busy} disabled={!password} onClick={remove}>{t('account:myData.confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
