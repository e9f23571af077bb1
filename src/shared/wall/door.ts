/**
 * What a wall sends to the core, beside its queries: an acknowledgement of the alert on its
 * screen, and reports of what it shows (for its history). Both doors validate these bodies
 * with the schemas here, once; anything else is refused.
 *
 * The hub serves them as `POST /api/wall/<id>/ack` and `POST /api/wall/<id>/report`. When the
 * core-owned wall state (`POST /api/wall/<id>/act`, action `alert.ack`) lands, the renderer's
 * acknowledgement moves there; the core's `walls.acknowledge` stays the one place it is done.
 */
import { z } from 'zod';
import { ACK_VIAS, type AckVia, type AlertView } from '../alerts/types';
import type { WallReport } from './history';

export const alertAckBodySchema = z.strictObject({
  alertId: z.string().regex(/^[0-9a-zA-Z-]{1,64}$/, 'an alert id'),
  via: z.enum(ACK_VIAS),
});
export type AlertAckBody = z.infer<typeof alertAckBodySchema>;

/** The core's side: what either door hands these bodies to. */
export interface WallDoor {
  acknowledge(wall: string, alertId: string, via: AckVia): AlertView;
  report(report: WallReport): void;
}

/** `/api/wall/<id>/<what>` → its parts, or null for any other path. */
export function parseWallPath(path: string): { wall: string; what: 'ack' | 'report' } | null {
  const m = /^\/api\/wall\/([a-z0-9][a-z0-9-]{0,39})\/(ack|report)$/.exec(path);
  return m ? { wall: m[1], what: m[2] as 'ack' | 'report' } : null;
}

/** Largest body either endpoint reads. */
export const WALL_BODY_MAX = 4096;
