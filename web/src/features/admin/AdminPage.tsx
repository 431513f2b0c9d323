// Administration: users and roles, the mail outbox, the audit log.
import { Tabs } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page, RequireAuth } from '../../app/ui.tsx';
import { UsersTab } from './UsersTab.tsx';
import { OutboxTab } from './OutboxTab.tsx';
import { AuditTab } from './AuditTab.tsx';

export function AdminPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tab = useLocation().pathname.split('/')[2] || 'users';
  return (
    <RequireAuth roles={['admin']}>
      <Page title={t('admin:title')}>
        <Tabs value={tab} onChange={(v) => navigate(`/admin/${v}`)} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="users">{t('admin:tabs.users')}</Tabs.Tab>
            <Tabs.Tab value="outbox">{t('admin:tabs.outbox')}</Tabs.Tab>
            <Tabs.Tab value="audit">{t('admin:tabs.audit')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="users" pt="md"><UsersTab /></Tabs.Panel>
          <Tabs.Panel value="outbox" pt="md"><OutboxTab /></Tabs.Panel>
          <Tabs.Panel value="audit" pt="md"><AuditTab /></Tabs.Panel>
        </Tabs>
      </Page>
    </RequireAuth>
  );
}
