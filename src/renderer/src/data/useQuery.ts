import { useEffect, useRef, useState } from 'react';
import type { QueryName, QueryParams, QueryResult } from '../../../shared/queries';
import { getTransport } from '../transport';
import { loadGlyphs } from '../styles/fonts';
import { onInvalidate } from './live';

export interface QueryState<K extends QueryName> {
  data: QueryResult<K> | null;
  error: string | null;
  loading: boolean;
}

const inFlight = new Map<string, Promise<unknown>>();

/** Identical queries asked at the same moment (header and page both want `meta`) share one request. */
function sharedQuery<K extends QueryName>(key: string, name: K, params: QueryParams<K>): Promise<QueryResult<K>> {
  let p = inFlight.get(key) as Promise<QueryResult<K>> | undefined;
  if (!p) {
    p = getTransport()
      .query(name, params)
      .then(async (result) => {
        // Canvas text draws with whatever font is loaded at that moment: load the glyph
        // subsets this data needs before anyone renders it, or Chinese shows as boxes.
        await loadGlyphs(JSON.stringify(result));
        return result;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, p);
  }
  return p;
}

/**
 * One screen's data from the core: fetched on mount, refetched when a change notice touches
 * what it reads. A failed refetch keeps the last good data (and sets `error`); data for
 * different params is never shown as if it were for these.
 */
export function useQuery<K extends QueryName>(
  name: K,
  params: QueryParams<K>,
  opts: { /** Also refetch on this period (ms): for what changes with time alone, like health. */ refreshMs?: number } = {},
): QueryState<K> {
  const key = `${name}:${JSON.stringify(params ?? {})}`;
  const [state, setState] = useState<QueryState<K> & { key: string }>({ key, data: null, error: null, loading: true });
  const paramsRef = useRef(params);
  paramsRef.current = params;

  useEffect(() => {
    let alive = true;
    let running = false;
    let again = false;

    // At most one request per hook at a time; notices arriving meanwhile fold into one more.
    const run = (): void => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      again = false;
      sharedQuery(key, name, paramsRef.current)
        .then(
          (data) => alive && setState({ key, data, error: null, loading: false }),
          (err: unknown) =>
            alive &&
            setState((s) => ({
              key,
              data: s.key === key ? s.data : null,
              error: err instanceof Error ? err.message : String(err),
              loading: false,
            })),
        )
        .finally(() => {
          running = false;
          if (alive && again) run();
        });
    };

    setState((s) => (s.key === key ? { ...s, loading: true } : { key, data: null, error: null, loading: true }));
    run();
    const off = onInvalidate(name, run);
    const timer = opts.refreshMs ? setInterval(run, opts.refreshMs) : null;
    return () => {
      alive = false;
      off();
      if (timer) clearInterval(timer);
    };
  }, [key, name, opts.refreshMs]);

  if (state.key !== key) return { data: null, error: null, loading: true };
  return { data: state.data, error: state.error, loading: state.loading };
}
