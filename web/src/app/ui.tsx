// Small building blocks used by every page.
import { Alert, Loader, Center, Stack, Title, Text, Button, PasswordInput, type PasswordInputProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import { errorMessage } from './notices.ts';
import { useMe, hasRole, type Me } from './session.tsx';

export function Page({ title, description, actions, children }: { title: string; description?: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => { document.title = `${title} — ${t('common:appName')}`; }, [title, t]);
  return (
    <Stack gap="md">
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <div>
          <Title order={1} size="h2">{title}</Title>
          {description && <Text c="dimmed" mt={4}>{description}</Text>}
        </div>
        {actions}
      </div>
      {children}
    </Stack>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return <Center py="xl"><Loader aria-label={t('common:loading')} /></Center>;
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert color="red" role="alert" title={t('common:error')}>{errorMessage(error, t)}</Alert>;
}

/** Renders children only for signed-in people (and, if given, one of the roles); otherwise explains. */
export function RequireAuth({ roles, children }: { roles?: Me['roles']; children: ReactNode }) {
  const { me, loading } = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  if (loading) return <Loading />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (roles && !hasRole(me, ...roles)) {
    return <Alert color="yellow" title={t('common:forbiddenTitle')}>{t('errors:forbidden')}</Alert>;
  }
  return <>{children}</>;
}

export function BackHome() {
  const { t } = useTranslation();
  return <Button component={Link} to="/" variant="light">{t('common:backHome')}</Button>;
}

/** Password input whose show/hide button is labelled in the interface language. */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common:togglePassword') }} {...props} />;
}

/**
 * A small one-of-several switch (language, sort order). Used instead of Mantine's SegmentedControl on pages
 * everybody opens: that control measures its layout on mount and on every resize (forced reflows that cost
 * ~0.2 s of the first render on a slow machine).
 */
export function ChoiceButtons<T extends string>({ value, onChange, data, label }: { value: T; onChange: (v: T) => void; data: { value: T; label: string }[]; label?: string }) {
  return (
    <Button.Group aria-label={label}>
      {data.map((d) => (
        <Button key={d.value} size="compact-xs" variant={d.value === value ? 'filled' : 'default'} aria-pressed={d.value === value} onClick={() => d.value !== value && onChange(d.value)}>
          {d.label}
        </Button>
      ))}
    </Button.Group>
  );
}
