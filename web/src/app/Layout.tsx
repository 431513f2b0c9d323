// The application shell: header with navigation, language switcher and account menu; a drawer on phones.
import { AppShell, Avatar, Burger, Group, NavLink, Menu, Button, Text, UnstyledButton, Anchor, Container, VisuallyHidden, Indicator, ActionIcon } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useDisclosure } from '@mantine/hooks';
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ChoiceButtons } from './ui.tsx';
import { useTranslation } from 'react-i18next';
import { useMe, hasRole, useChangeLanguage, useLogout, useSyncLanguage } from './session.tsx';
import { useLang } from './display.tsx';
import type { Lang } from '@shared/languages.ts';
import { inboxQuery } from '../features/inbox/api.ts';

export const SECTIONS = [
  { to: '/directory', key: 'directory' },
  { to: '/marketplace', key: 'marketplace' },
  { to: '/matching', key: 'matching' },
  { to: '/events', key: 'events' },
  { to: '/calls', key: 'calls' },
  { to: '/portfolio', key: 'portfolio' },
] as const;

function LanguageSwitcher() {
  const { t } = useTranslation();
  const lang = useLang();
  const change = useChangeLanguage();
  return (
    <ChoiceButtons<Lang> label={t('common:language')} value={lang} onChange={(v) => void change(v)}
      data={[{ value: 'ru', label: 'RU' }, { value: 'zh', label: '中文' }, { value: 'en', label: 'EN' }]} />
  );
}

/** The bell: a link to the inbox with the number of unread notices (refreshed every minute). */
function NotificationsBell({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  const inbox = useQuery({ ...inboxQuery, refetchInterval: 60_000 });
  const unread = inbox.data?.unread ?? 0;
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} offset={4} color="red">
      <ActionIcon component={Link} to="/inbox" onClick={onClick} variant="subtle" color="gray" size="lg" data-testid="notifications-bell"
        aria-label={t('inbox:bell', { count: unread })}>
        <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" /><path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}

export function Layout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { t } = useTranslation();
  const { me } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  useSyncLanguage();
  const admin = hasRole(me, 'admin');
  const organiser = hasRole(me, 'organiser', 'admin');
  const links = [
    ...SECTIONS.map((s) => ({ to: s.to, label: t(`common:nav.${s.key}`) })),
    ...(me ? [{ to: '/review', label: t('common:nav.review') }] : []),
    ...(organiser ? [{ to: '/invitations', label: t('common:nav.invitations') }] : []),
    ...(admin ? [{ to: '/admin', label: t('common:nav.admin') }] : []),
  ];
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'md', collapsed: { desktop: true, mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">{t('common:skipToContent')}</a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('common:menu')} />
            <Anchor component={Link} to="/" underline="never" fw={700} c="inherit" onClick={close}>
              <span className="logo-dot" aria-hidden />{t('common:appName')}
            </Anchor>
            <Group gap={2} visibleFrom="md" component="nav" aria-label={t('common:mainNavigation')}>
              {links.map((l) => (
                <Button key={l.to} component={RouterNavLink} to={l.to} variant={location.pathname.startsWith(l.to) ? 'light' : 'subtle'} size="compact-sm">{l.label}</Button>
              ))}
            </Group>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {/* On phones the language switcher moves into the menu drawer, and the account shows as initials. */}
            <Group visibleFrom="sm"><LanguageSwitcher /></Group>
            {me && <NotificationsBell onClick={close} />}
            {me ? (
              <Menu position="bottom-end">
                <Menu.Target>
                  <UnstyledButton aria-label={t('common:accountMenu')} data-testid="account-menu" title={me.name}>
                    <Text size="sm" fw={500} truncate maw={160} visibleFrom="sm">{me.name}</Text>
                    <Avatar name={me.name} color="initials" size={32} hiddenFrom="sm" aria-hidden />
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label><Text size="sm" fw={600} c="var(--mantine-color-text)">{me.name}</Text>{me.email}</Menu.Label>
                  <Menu.Item component={Link} to="/inbox">{t('inbox:page')}</Menu.Item>
                  <Menu.Item component={Link} to="/account">{t('common:nav.account')}</Menu.Item>
                  <Menu.Item onClick={async () => { await logout(); navigate('/'); }}>{t('common:logout')}</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : (
              <Group gap={4} wrap="nowrap">
                <Button component={Link} to="/login" size="compact-sm" variant="subtle">{t('common:login')}</Button>
                <Button component={Link} to="/register" size="compact-sm" visibleFrom="xs">{t('common:register')}</Button>
              </Group>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('common:mainNavigation')}>
        {links.map((l) => (
          <NavLink key={l.to} component={RouterNavLink} to={l.to} label={l.label} onClick={close} active={location.pathname.startsWith(l.to)} />
        ))}
        {/* Rendered only while the drawer is open, so the page never holds two language switchers. */}
        {opened && <Group hiddenFrom="sm" mt="md"><LanguageSwitcher /></Group>}
        <VisuallyHidden>{t('common:appName')}</VisuallyHidden>
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <Container size="lg" px={0}><Outlet /></Container>
      </AppShell.Main>
    </AppShell>
  );
}
