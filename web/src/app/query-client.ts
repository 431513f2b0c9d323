// The one TanStack Query client of the app. Route loaders (routes.tsx) use it to start a page's requests
// while the page's code is still loading, so data and code arrive side by side.
import { QueryClient } from '@tanstack/react-query';
import { ApiError, get } from './api.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2, refetchOnWindowFocus: false },
  },
});

/** The session query every page reads (useMe). */
export const sessionQuery = {
  queryKey: ['me'] as const,
  queryFn: async () => (await get<{ user: unknown }>('/api/session')).user,
  staleTime: 60_000,
};
