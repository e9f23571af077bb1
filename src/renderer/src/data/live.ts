import { create } from 'zustand';
import type { ChangeNotice } from '../../../shared/readModel';
import { isAffected, type QueryName } from '../../../shared/queries';
import { getTransport } from '../transport';

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

type Invalidate = () => void;
const subscribers = new Map<QueryName, Set<Invalidate>>();
let started = false;

/** Subscribe once to the transport and fan notices out to the queries they affect. */
function start(): void {
  if (started) return;
  started = true;
  const transport = getTransport();
  transport.onChange((notice) => {
    useLive.setState({ lastNotice: notice });
    for (const [name, set] of subscribers) {
      if (isAffected(name, notice.changed)) for (const fn of set) fn();
    }
  });
  transport.onLink((up) => {
    const was = useLive.getState().link;
    useLive.setState({
      link: up,
      linkDownSince: up ? null : (useLive.getState().linkDownSince ?? Date.now()),
      connectedOnce: useLive.getState().connectedOnce || up,
    });
    // Back from a dropped link: anything may have changed meanwhile.
    if (up && !was) for (const set of subscribers.values()) for (const fn of set) fn();
  });
}

/** Call `fn` whenever data read by `name` may have changed. Returns an unsubscribe function. */
export function onInvalidate(name: QueryName, fn: Invalidate): () => void {
  start();
  let set = subscribers.get(name);
  if (!set) subscribers.set(name, (set = new Set()));
  set.add(fn);
  return () => {
    set.delete(fn);
  };
}

/** Start listening to the link even before any query mounts (the header needs it). */
export function startLive(): void {
  start();
}
