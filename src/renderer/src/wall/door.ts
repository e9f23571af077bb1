import type { AckVia } from '../../../shared/alerts/types';
import type { WallReport } from '../../../shared/wall/history';
import { getTransport } from '../transport';

/**
 * What this wall tells the core beside its queries. The one place the renderer acknowledges an
 * alert: when the core-owned wall state lands (`alert.ack` on /api/wall/<id>/act, IPC
 * `wall/act`), only this file changes.
 */
async function post(wall: string, what: 'ack' | 'report', body: unknown): Promise<void> {
  if (getTransport().kind !== 'hub') throw new Error(`wall ${what}: not available through this door yet`);
  const res = await fetch(`/api/wall/${encodeURIComponent(wall)}/${what}`, {
    method: 'POST',
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      message = ((await res.json()) as { error?: string }).error ?? message;
    } catch {
      /* keep the status line */
    }
    throw new Error(`wall ${what}: ${message}`);
  }
}

export function acknowledgeAlert(wall: string, alertId: string, via: AckVia): Promise<void> {
  return post(wall, 'ack', { alertId, via });
}

export function reportWall(report: WallReport): Promise<void> {
  return post(report.wall, 'report', report);
}
