// The signed-in person (GET /api/me) for the whole app, and helpers around roles and language.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionQuery } from './query-client.ts';
import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import { post } from './api.ts';
import type { Lang } from '@shared/languages.ts';

export type Me = {
  id: string; email: string; name: string; organisationName: string; country: string; lang: Lang; timezone: string;
  roles: ('admin' | 'organiser' | 'participant' | 'expert')[]; emailVerified: boolean; organisations: { id: string; role: string }[];
};

export function useMe() {
  const q = useQuery<Me | null>(sessionQuery as unknown as { queryKey: readonly ['me']; queryFn: () => Promise<Me | null>; staleTime: number });
  return { me: q.data ?? null, loading: q.isLoading };
}

export const hasRole = (me: Me | null, ...roles: Me['roles']) => !!me && roles.some((r) => me.roles.includes(r));

/** The viewer's time zone: their saved one, else the browser's. */
export function useViewerZone(): string {
  const { me } = useMe();
  return me?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Keeps the UI language equal to the account's saved choice after sign-in. */
export function useSyncLanguage() {
  const { me } = useMe();
  const { i18n } = useTranslation();
  useEffect(() => { if (me && me.lang !== i18n.language) void i18n.changeLanguage(me.lang); }, [me, i18n]);
}

export function useChangeLanguage() {
  const { i18n } = useTranslation();
  const qc = useQueryClient();
  return async (lang: Lang) => {
    await i18n.changeLanguage(lang);
    await post('/api/lang', { lang }).catch(() => undefined);
    await qc.invalidateQueries({ queryKey: ['me'] });
  };
}

export function useLogout() {
  const qc = useQueryClient();
  return async (everywhere = false) => {
    await post('/api/auth/logout', { everywhere });
    qc.clear();
    await qc.invalidateQueries();
  };
}
