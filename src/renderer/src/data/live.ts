import type { Query, QueryClient } from '@tanstack/react-query';
import { create } from 'zustand';
import type { ChangeNotice } from '../../../shared/readModel';
import { isAffected } from '../../../shared/queries';
import type { RendererTransport } from '../../../shared/transport';
import { getTransport } from '../transport';
import { queryClient, queryNameOf } from './client';

interface LiveState {
  /** Whether the link to the core (hub SSE / Electron utility process) is up. */
  link: boolean;
  /** When the link last went down (ms), for "stale since". */
  linkDownSince: number | null;
  /** False until the first connection: "connecting", not "link down", at start-up. */
  connectedOnce: boolean;
  lastNotice: ChangeNotice | null;
}

export const useLive = create<LiveState>()(() => ({ link: false, linkDownSince: Date.now(), connectedOnce: false, lastNotice: null }));

/**
 * Keep `client`'s cached answers in step with the core behind `transport`: a change notice
 * refetches the queries whose registry entry reads what changed; the link coming back
 * refetches everything (notices may have been missed meanwhile). At most one request per
 * query at a time: a notice during a fetch folds into one more fetch after it, so a burst of
 * notices never starves a screen of an answer. Returns a function that stops listening.
 */
export function connectLive(client: QueryClient, transport: RendererTransport): () => void {
  // Queries a notice touched while their fetch was running: that fetch may predate the change.
  const refetchWhenDone = new Set<string>();
  const refetch = (query: Query): void => {
    if (query.state.fetchStatus === 'fetching') {
      refetchWhenDone.add(query.queryHash);
      return;
    }
    // Shown queries refetch now; the others are marked stale and refetch when next shown.
    void client.invalidateQueries({ queryKey: query.queryKey, exact: true }, { cancelRefetch: false });
  };
  const cache = client.getQueryCache();
  const offCache = cache.subscribe((event) => {
    if (event.type !== 'updated' || (event.action.type !== 'success' && event.action.type !== 'error')) return;
    if (refetchWhenDone.delete(event.query.queryHash)) refetch(event.query);
  });
  const offChange = transport.onChange((notice) => {
    useLive.setState({ lastNotice: notice });
    for (const query of cache.getAll()) if (isAffected(queryNameOf(query.queryKey), notice.changed)) refetch(query);
  });
  const offLink = transport.onLink((up) => {
    const was = useLive.getState().link;
    useLive.setState({
      link: up,
      linkDownSince: up ? null : (useLive.getState().linkDownSince ?? Date.now()),
      connectedOnce: useLive.getState().connectedOnce || up,
    });
    if (up && !was) for (const query of cache.getAll()) refetch(query);
  });
  return () => {
    offCache();
    offChange();
    offLink();
  };
}

let started = false;

/** Connect the renderer's query cache to its transport, once, before the first render. */
export function startLive(): void {
  if (started) return;
  started = true;
  connectLive(queryClient, getTransport());
}
