/**
 * source_health and endpoint_state rows as SQLite returns them, and the one mapping to the
 * cache's types (times stay ms). The cache's own reads and the read model's health screen
 * both map through here.
 */
import type { EndpointState, HealthState, SourceHealthRow } from './types';

/** The columns both tables share. */
interface HealthColumns {
  state: HealthState;
  last_success_at: number | null;
  last_attempt_at: number | null;
  last_error: string | null;
  consecutive_failures: number;
  next_attempt_at: number | null;
}

export interface SourceHealthDbRow extends HealthColumns {
  source_id: string;
  url: string;
}

export interface EndpointStateDbRow extends HealthColumns {
  source_id: string;
  endpoint: string;
  cursor: string | null;
  etag: string | null;
  quarantined_total: number;
}

function health(r: HealthColumns) {
  return {
    state: r.state,
    lastSuccessAt: r.last_success_at,
    lastAttemptAt: r.last_attempt_at,
    lastError: r.last_error,
    consecutiveFailures: r.consecutive_failures,
    nextAttemptAt: r.next_attempt_at,
  };
}

export function toSourceHealthRow(r: SourceHealthDbRow): SourceHealthRow {
  return { sourceId: r.source_id, url: r.url, ...health(r) };
}

export function toEndpointState(r: EndpointStateDbRow): EndpointState {
  return { sourceId: r.source_id, endpoint: r.endpoint, cursor: r.cursor, etag: r.etag, quarantinedTotal: r.quarantined_total, ...health(r) };
}
