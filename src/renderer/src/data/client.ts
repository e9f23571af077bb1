import { QueryClient, queryOptions } from '@tanstack/react-query';
import type { QueryName, QueryParams, QueryResult } from '../../../shared/queries';
import { getTransport } from '../transport';

/**
 * The renderer's one query cache (TanStack Query). Answers come from the local core and are
 * refetched when it says their data changed (see live.ts), when a screen showing them mounts
 * (unless just fetched: the answers the page came with, a screen shown twice in a moment) and
 * on a timer where asked — never on window focus or a browser "online" event, which mean
 * nothing on a wall.
 * A failed fetch is not retried at once: the next change notice or the link coming back
 * retries, and the last good answer stays on screen meanwhile.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The core is local (IPC or the hub on this network): never wait for navigator.onLine.
      networkMode: 'always',
      staleTime: 5_000,
      retry: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
  },
});

/** A query's cache key, from the registry's name and params: `['overview', { week }]`. */
export type CockpitQueryKey<K extends QueryName> = readonly [K, QueryParams<K>];

export function cockpitQuery<K extends QueryName>(name: K, params: QueryParams<K>) {
  return queryOptions<QueryResult<K>, Error, QueryResult<K>, CockpitQueryKey<K>>({
    queryKey: [name, params ?? ({} as QueryParams<K>)],
    queryFn: () => getTransport().query(name, params),
  });
}

/** The registry name a cache entry was made for. */
export function queryNameOf(queryKey: readonly unknown[]): QueryName {
  return queryKey[0] as QueryName;
}
