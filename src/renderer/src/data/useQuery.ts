import { useQuery as useTanstackQuery } from '@tanstack/react-query';
import type { QueryName, QueryParams, QueryResult } from '../../../shared/queries';
import { useLookback } from '../store/lookback';
import { cockpitQuery } from './client';

/**
 * The queries that answer as of a past day (回看): every page and the town detail. The others
 * are about now (sync health, config, the wall's alerts) and stay live underneath a look back.
 */
const LOOKS_BACK: ReadonlySet<QueryName> = new Set<QueryName>(['meta', 'overview', 'risk', 'events', 'consultation', 'town', 'weeklyBrief']);

/** `params` as of the cockpit's one as-of, unless they name their own. */
export function withAsOf<K extends QueryName>(name: K, params: QueryParams<K>, asOf: string | null): QueryParams<K> {
  if (!asOf || !LOOKS_BACK.has(name) || (params && 'asOf' in params)) return params;
  return { ...params, asOf };
}

export interface QueryState<K extends QueryName> {
  data: QueryResult<K> | null;
  error: string | null;
  loading: boolean;
}

/**
 * One screen's data from the core (TanStack Query underneath, keyed by registry name and
 * params): requests for the same key share one fetch and one cached answer; refetched on
 * mount and when a change notice touches what it reads (live.ts). A failed refetch keeps
 * the last good data (and sets `error`); data for other params is never shown for these —
 * so a look back never shows a live answer under its banner, nor the other way round.
 */
export function useQuery<K extends QueryName>(
  name: K,
  params: QueryParams<K>,
  opts: { /** Also refetch on this period (ms): for what changes with time alone, like health. */ refreshMs?: number } = {},
): QueryState<K> {
  const asOf = useLookback((s) => s.asOf);
  const q = useTanstackQuery({ ...cockpitQuery(name, withAsOf(name, params, asOf)), refetchInterval: opts.refreshMs ?? false });
  return { data: q.data ?? null, error: q.error ? q.error.message : null, loading: q.isFetching || q.isPending };
}
