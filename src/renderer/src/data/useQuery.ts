import { useQuery as useTanstackQuery } from '@tanstack/react-query';
import type { QueryName, QueryParams, QueryResult } from '../../../shared/queries';
import { cockpitQuery } from './client';

export interface QueryState<K extends QueryName> {
  data: QueryResult<K> | null;
  error: string | null;
  loading: boolean;
}

/**
 * One screen's data from the core (TanStack Query underneath, keyed by registry name and
 * params): requests for the same key share one fetch and one cached answer; refetched on
 * mount and when a change notice touches what it reads (live.ts). A failed refetch keeps
 * the last good data (and sets `error`); data for other params is never shown for these.
 */
export function useQuery<K extends QueryName>(
  name: K,
  params: QueryParams<K>,
  opts: { /** Also refetch on this period (ms): for what changes with time alone, like health. */ refreshMs?: number } = {},
): QueryState<K> {
  const q = useTanstackQuery({ ...cockpitQuery(name, params), refetchInterval: opts.refreshMs ?? false });
  return { data: q.data ?? null, error: q.error ? q.error.message : null, loading: q.isFetching || q.isPending };
}
