/**
 * One source's health, kept in memory (so it still works when the cache cannot be written)
 * and mirrored into source_health/endpoint_state.
 *
 * Endpoint: 'ok' after a clean poll; 'degraded' after a failure or when records were
 * quarantined; 'down' after `downAfter` consecutive failures or when the cache cannot be written.
 * Source: 'ok' when every endpoint is ok, 'down' when every endpoint is down (or the cache
 * failed), else 'degraded'. Its lastSuccessAt is the last moment every endpoint was confirmed
 * current at once — what a freshness mark should rely on.
 */
import type { SourceHealth } from '../../shared/readModel';
import type { EndpointHealthRow, EndpointState, HealthState, SourceHealthRow } from '../cache';

interface EndpointHealth extends EndpointHealthRow {
  quarantinedTotal: number;
  cacheFailed: boolean;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export class SourceHealthTracker {
  private readonly endpoints = new Map<string, EndpointHealth>();
  private active: Set<string>;
  private lastSuccessAt: number | null;

  constructor(
    readonly sourceId: string,
    readonly url: string,
    endpointNames: string[],
    persisted: { source: SourceHealthRow | null; endpoints: EndpointState[] },
    private readonly downAfter = 3,
  ) {
    const stored = new Map(persisted.endpoints.map((e) => [e.endpoint, e]));
    for (const name of endpointNames) {
      const s = stored.get(name);
      this.endpoints.set(name, {
        endpoint: name,
        state: s?.state ?? 'degraded',
        lastSuccessAt: s?.lastSuccessAt ?? null,
        lastAttemptAt: s?.lastAttemptAt ?? null,
        lastError: s ? s.lastError : 'not synced yet',
        consecutiveFailures: s?.consecutiveFailures ?? 0,
        nextAttemptAt: s?.nextAttemptAt ?? null,
        quarantinedTotal: s?.quarantinedTotal ?? 0,
        cacheFailed: false,
      });
    }
    this.active = new Set(endpointNames);
    this.lastSuccessAt = persisted.source?.lastSuccessAt ?? null;
  }

  /** Endpoints the source does not serve (per /v1/meta) leave the health picture. */
  setActive(names: string[]): void {
    this.active = new Set(names.filter((n) => this.endpoints.has(n)));
  }

  isActive(name: string): boolean {
    return this.active.has(name);
  }

  /** `notice`: what an operator should see although the poll went through (shown as degraded until the next poll). */
  recordSuccess(name: string, at: number, quarantined: { count: number; reason: string | null }, nextAttemptAt: number | null, notice?: string): void {
    const e = this.get(name);
    e.lastAttemptAt = at;
    e.lastSuccessAt = at;
    e.consecutiveFailures = 0;
    e.cacheFailed = false;
    e.nextAttemptAt = nextAttemptAt;
    e.quarantinedTotal += quarantined.count;
    e.state = quarantined.count > 0 || notice ? 'degraded' : 'ok';
    e.lastError = notice ?? (quarantined.count > 0 ? `quarantined ${quarantined.count} invalid record(s): ${quarantined.reason ?? ''}` : null);
    if (this.allCurrent()) this.lastSuccessAt = at;
  }

  recordFailure(name: string, at: number, message: string, nextAttemptAt: number | null, cacheFailed = false): void {
    const e = this.get(name);
    e.lastAttemptAt = at;
    e.consecutiveFailures += 1;
    e.cacheFailed = cacheFailed;
    e.nextAttemptAt = nextAttemptAt;
    e.state = cacheFailed || e.consecutiveFailures >= this.downAfter ? 'down' : 'degraded';
    e.lastError = message;
  }

  /** The poll went through but its health could not be stored: the cache is failing. */
  markCacheFailed(name: string, message: string): void {
    const e = this.get(name);
    e.cacheFailed = true;
    e.state = 'down';
    e.lastError = message;
  }

  /** Counts records quarantined in a poll that failed later (e.g. an earlier page of a backfill). */
  addQuarantined(name: string, count: number): void {
    this.get(name).quarantinedTotal += count;
  }

  endpointRow(name: string): EndpointHealthRow {
    const { cacheFailed: _c, quarantinedTotal: _q, ...row } = this.get(name);
    return row;
  }

  sourceRow(): SourceHealthRow {
    const list = this.activeEndpoints();
    const failing = list.filter((e) => e.state !== 'ok');
    const latestProblem = failing.sort((a, b) => (b.lastAttemptAt ?? 0) - (a.lastAttemptAt ?? 0))[0];
    let state: HealthState = 'ok';
    if (list.some((e) => e.cacheFailed) || (list.length > 0 && list.every((e) => e.state === 'down'))) state = 'down';
    else if (failing.length > 0) state = 'degraded';
    const attempts = list.map((e) => e.lastAttemptAt).filter((t): t is number => t !== null);
    const next = list.map((e) => e.nextAttemptAt).filter((t): t is number => t !== null);
    return {
      sourceId: this.sourceId,
      url: this.url,
      state,
      lastSuccessAt: this.lastSuccessAt,
      lastAttemptAt: attempts.length ? Math.max(...attempts) : null,
      lastError: latestProblem ? `${latestProblem.endpoint}: ${latestProblem.lastError ?? latestProblem.state}` : null,
      consecutiveFailures: Math.max(0, ...list.map((e) => e.consecutiveFailures)),
      nextAttemptAt: next.length ? Math.min(...next) : null,
    };
  }

  toPublic(): SourceHealth {
    const s = this.sourceRow();
    return {
      sourceId: s.sourceId,
      url: s.url,
      state: s.state,
      lastSuccessAt: iso(s.lastSuccessAt),
      lastAttemptAt: iso(s.lastAttemptAt),
      lastError: s.lastError,
      consecutiveFailures: s.consecutiveFailures,
      nextAttemptAt: iso(s.nextAttemptAt),
      endpoints: this.activeEndpoints().map((e) => ({
        name: e.endpoint,
        state: e.state,
        lastSuccessAt: iso(e.lastSuccessAt),
        lastError: e.lastError,
        quarantined: e.quarantinedTotal,
      })),
    };
  }

  /** Changes when anything an operator would notice changes (not mere poll timestamps). */
  signature(): string {
    const s = this.sourceRow();
    return JSON.stringify([
      s.state,
      s.lastError,
      this.activeEndpoints().map((e) => [e.endpoint, e.state, e.lastError, e.consecutiveFailures, e.quarantinedTotal]),
    ]);
  }

  private allCurrent(): boolean {
    return this.activeEndpoints().every((e) => e.consecutiveFailures === 0 && e.lastSuccessAt !== null);
  }

  private activeEndpoints(): EndpointHealth[] {
    return [...this.endpoints.values()].filter((e) => this.active.has(e.endpoint));
  }

  private get(name: string): EndpointHealth {
    const e = this.endpoints.get(name);
    if (!e) throw new Error(`unknown endpoint ${name}`);
    return e;
  }
}
