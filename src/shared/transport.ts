import type { QueryName, QueryParams, QueryResult } from './queries';
import type { ChangeNotice } from './readModel';

/**
 * What the renderer depends on to get data — never on Electron or HTTP directly.
 * Implemented by the Electron bridge (IPC) and the hub client (HTTP + Server-Sent Events).
 */
export interface RendererTransport {
  readonly kind: 'electron' | 'hub';
  query<K extends QueryName>(name: K, params: QueryParams<K>): Promise<QueryResult<K>>;
  /** Change notices pushed by the core. Returns an unsubscribe function. */
  onChange(listener: (notice: ChangeNotice) => void): () => void;
  /** Whether the link to the core itself is up (SSE connected / utility process alive). */
  onLink(listener: (up: boolean) => void): () => void;
}

/** The core's side of both doors: the hub and the Electron utility process both expose this. */
export interface CoreApi {
  query<K extends QueryName>(name: K, params: QueryParams<K>): QueryResult<K> | Promise<QueryResult<K>>;
  onChange(listener: (notice: ChangeNotice) => void): () => void;
  close(): Promise<void>;
}
