// The marketplace search as TanStack Query options: used by the page and by its route loader, which
// starts the first request before the page's code has arrived.
import { get } from '../../app/api.ts';
import type { Ml } from '@shared/languages.ts';
import type { SearchResult } from './common.tsx';

export const searchQueryOptions = (query: Record<string, string>) => ({
  queryKey: ['search', query] as const,
  initialPageParam: null as string | null,
  queryFn: ({ pageParam }: { pageParam: string | null }) =>
    get<SearchResult>('/api/profiles/search', { ...query, cursor: pageParam ?? undefined, facets: pageParam ? 'false' : 'true' }),
  getNextPageParam: (last: SearchResult) => last.nextCursor,
  staleTime: 30_000, // a result fetched by the route loader is not fetched again when the page mounts
});

export type Area = { code: string; parentCode: string | null; label: Ml; active?: boolean };
export const taxonomyQuery = { queryKey: ['taxonomy'] as const, queryFn: () => get<Area[]>('/api/taxonomy'), staleTime: 60_000 };
