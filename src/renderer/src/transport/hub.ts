import { Backoff } from '../../../shared/backoff';
import type { ChangeNotice } from '../../../shared/readModel';
import type { QueryName, QueryParams, QueryResult } from '../../../shared/queries';
import type { RendererTransport } from '../../../shared/transport';

/** The hub sends a heartbeat this often; silence for HEARTBEAT_TIMEOUT_MS means the link is down. */
const HEARTBEAT_TIMEOUT_MS = 35_000;

/**
 * The renderer's transport when served by the hub: queries over fetch, change notices over
 * one shared EventSource. EventSource retries by itself after a dropped connection, but gives
 * up for good on an HTTP error (e.g. the hub restarting behind a proxy), so we reconnect
 * ourselves with backoff and also treat a silent stream (no heartbeat) as down.
 */
export function createHubTransport(base = ''): RendererTransport {
  const changeListeners = new Set<(n: ChangeNotice) => void>();
  const linkListeners = new Set<(up: boolean) => void>();
  let source: EventSource | null = null;
  let up = false;
  // 1 s, 2 s, 4 s … 15 s between attempts; an open stream starts the count over.
  const retries = new Backoff({ initialMs: 1_000, maxMs: 15_000, resetAfterMs: Infinity });
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let silenceTimer: ReturnType<typeof setTimeout> | null = null;

  const setLink = (next: boolean): void => {
    if (next === up) return;
    up = next;
    for (const l of linkListeners) l(up);
  };

  const armSilenceTimer = (): void => {
    if (silenceTimer) clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => {
      setLink(false);
      reconnect();
    }, HEARTBEAT_TIMEOUT_MS);
  };

  const close = (): void => {
    source?.close();
    source = null;
    if (silenceTimer) clearTimeout(silenceTimer);
    if (retryTimer) clearTimeout(retryTimer);
    silenceTimer = retryTimer = null;
  };

  const reconnect = (): void => {
    close();
    retryTimer = setTimeout(connect, retries.failed(0));
  };

  function connect(): void {
    close();
    const es = new EventSource(`${base}/api/changes`, { withCredentials: true });
    source = es;
    es.addEventListener('open', () => {
      retries.reset();
      setLink(true);
      armSilenceTimer();
    });
    es.addEventListener('heartbeat', armSilenceTimer);
    es.addEventListener('change', (e) => {
      armSilenceTimer();
      let notice: ChangeNotice;
      try {
        notice = JSON.parse((e as MessageEvent<string>).data) as ChangeNotice;
      } catch {
        return; // a malformed notice is ignored; the next one or the heartbeat carries on
      }
      if (!Array.isArray(notice.changed)) return;
      for (const l of changeListeners) l(notice);
    });
    es.addEventListener('error', () => {
      setLink(false);
      // CONNECTING: the browser is already retrying. CLOSED: it gave up, so we retry.
      if (es.readyState === EventSource.CLOSED) reconnect();
    });
  }

  const ensureConnected = (): void => {
    if (!source && !retryTimer && (changeListeners.size > 0 || linkListeners.size > 0)) connect();
  };
  const maybeDisconnect = (): void => {
    if (changeListeners.size === 0 && linkListeners.size === 0) {
      close();
      setLink(false);
    }
  };

  return {
    kind: 'hub',
    async query<K extends QueryName>(name: K, params: QueryParams<K>): Promise<QueryResult<K>> {
      const url = `${base}/api/query/${encodeURIComponent(name)}?params=${encodeURIComponent(JSON.stringify(params ?? {}))}`;
      const res = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
      if (!res.ok) {
        let message = `${res.status} ${res.statusText}`;
        try {
          const body = (await res.json()) as { error?: string };
          if (body.error) message = body.error;
        } catch {
          /* not JSON: keep the status line */
        }
        throw new Error(`query ${name}: ${message}`);
      }
      return (await res.json()) as QueryResult<K>;
    },
    onChange(listener) {
      changeListeners.add(listener);
      ensureConnected();
      return () => {
        changeListeners.delete(listener);
        maybeDisconnect();
      };
    },
    onLink(listener) {
      linkListeners.add(listener);
      listener(up);
      ensureConnected();
      return () => {
        linkListeners.delete(listener);
        maybeDisconnect();
      };
    },
  };
}
