import { printMode } from '../control/print';
import type { AckVia } from '../../../shared/alerts/types';
import type { WallReport } from '../../../shared/wall/history';
import { electronWallLink } from '../control/link';
import { getBridge, getTransport } from '../transport';

/**
 * What this wall tells the core beside its queries; the one place the renderer acknowledges an
 * alert. The desktop app acts on its core-owned wall state (`alert.ack` over IPC `wall/act`,
 * src/shared/control); a browser wall posts to /api/wall/<id>/ack, which needs no pairing, so a
 * wall on another machine behind the hub's token can still acknowledge what it shows. Both end
 * in the core's `walls.acknowledge`.
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

export async function acknowledgeAlert(wall: string, alertId: string, via: AckVia): Promise<void> {
  const desktop = electronWallLink(wall);
  if (desktop) {
    await desktop.act({ type: 'alert.ack', alertId }, via);
    return;
  }
  await post(wall, 'ack', { alertId, via });
}

export function reportWall(report: WallReport): Promise<void> {
  // A page printed for a briefing pack is not a wall: it leaves the wall history alone.
  if (printMode()) return Promise.resolve();
  const bridge = getBridge();
  if (bridge) return bridge.wallReport(report);
  return post(report.wall, 'report', report);
}
