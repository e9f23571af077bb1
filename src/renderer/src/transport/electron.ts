import type { DesktopBridge } from '../../../shared/ipc';
import type { ChangeNotice } from '../../../shared/readModel';
import type { QueryName, QueryParams, QueryResult } from '../../../shared/queries';
import type { RendererTransport } from '../../../shared/transport';

/**
 * The renderer's transport in the desktop app, over `window.cockpit` (the preload's bridge).
 * It adds what the hub transport also gives: errors that name the query, one IPC subscription
 * per push channel however many stores listen, and the current link state replayed to a new
 * listener.
 */
export function createElectronTransport(bridge: DesktopBridge): RendererTransport {
  const changeListeners = new Set<(n: ChangeNotice) => void>();
  const linkListeners = new Set<(up: boolean) => void>();
  let up: boolean | null = null;
  let offChange: (() => void) | null = null;
  let offLink: (() => void) | null = null;

  const ensureSubscribed = (): void => {
    offChange ??= bridge.onChange((notice) => {
      for (const l of changeListeners) l(notice);
    });
    offLink ??= bridge.onLink((next) => {
      if (next === up) return;
      up = next;
      for (const l of linkListeners) l(next);
    });
  };
  const maybeUnsubscribe = (): void => {
    if (changeListeners.size > 0 || linkListeners.size > 0) return;
    offChange?.();
    offLink?.();
    offChange = offLink = null;
    up = null;
  };

  return {
    kind: 'electron',
    async query<K extends QueryName>(name: K, params: QueryParams<K>): Promise<QueryResult<K>> {
      try {
        return await bridge.query(name, params);
      } catch (err) {
        // contextBridge passes only the message across; keep it and say which query failed.
        const message = err instanceof Error ? err.message : String(err);
        throw new Error(message.startsWith(`query ${name}`) ? message : `query ${name}: ${message}`, { cause: err });
      }
    },
    onChange(listener) {
      changeListeners.add(listener);
      ensureSubscribed();
      return () => {
        changeListeners.delete(listener);
        maybeUnsubscribe();
      };
    },
    onLink(listener) {
      linkListeners.add(listener);
      ensureSubscribed();
      if (up !== null) listener(up);
      return () => {
        linkListeners.delete(listener);
        maybeUnsubscribe();
      };
    },
  };
}
