/**
 * Wall control (issue 12 §2): one state per wall id, owned by the core (src/core/control), that
 * every screen of that wall follows and every controller drives — the wall's own keys, a
 * presenter, a paired phone. Both doors carry the same state and the same actions:
 * the hub as `GET /api/wall/<id>/stream` (Server-Sent Events) and `POST /api/wall/<id>/act`,
 * Electron as the IPC calls `wall/state` and `wall/act`.
 */
import { z } from 'zod';
import { ACK_VIAS } from '../alerts/types';
import { pageIdSchema, type PageId } from '../wall/pages';
import { wallIdSchema } from '../wall/history';
import type { IsoDate, IsoTime } from '../readModel';

export { wallIdSchema };

/** Who sent an action: the wall's own keys/clicker, a presenter, a phone, the wall's rotation. */
export const CONTROL_VIAS = [...ACK_VIAS, 'rotation'] as const;
export type ControlVia = (typeof CONTROL_VIAS)[number];

const isoDate = z.iso.date({ error: 'expected a date YYYY-MM-DD that exists' });
/** A town's code, as the registry's `town` query takes it (bounded: input from a phone). */
const townCodeSchema = z.string().regex(/^[0-9A-Za-z]{1,32}$/, 'a town code: 1–32 letters or digits');

/**
 * Every action a controller may send, validated here and nowhere else. Strict objects: an
 * unknown field is refused, not ignored.
 */
export const wallActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('page.next') }),
  z.strictObject({ type: z.literal('page.prev') }),
  z.strictObject({ type: z.literal('page.go'), page: pageIdSchema }),
  /** Hold (pause) or release the rotation; without `held`, toggle. */
  z.strictObject({ type: z.literal('hold'), held: z.boolean().optional() }),
  /** Open a town's detail over the page; null closes it. */
  z.strictObject({ type: z.literal('town.pick'), town: townCodeSchema.nullable() }),
  /** Look back to the end of a local day; today or later is live. */
  z.strictObject({ type: z.literal('asOf.set'), asOf: isoDate }),
  /** Back to live: no look-back. */
  z.strictObject({ type: z.literal('live') }),
  /** Acknowledge the alert on the wall (src/core/alerts). */
  z.strictObject({ type: z.literal('alert.ack'), alertId: z.string().min(1).max(64) }),
]);
export type WallAction = z.infer<typeof wallActionSchema>;
export type WallActionType = WallAction['type'];
export const WALL_ACTION_TYPES = wallActionSchema.options.map((o) => o.shape.type.value) as WallActionType[];

/** An act request, as both doors take it: the action and who sent it. */
export const wallActRequestSchema = z.strictObject({
  action: wallActionSchema,
  via: z.enum(CONTROL_VIAS).default('keyboard'),
});
export type WallActRequest = z.input<typeof wallActRequestSchema>;

/** A pairing request from a phone or a presenter: the code the wall shows. */
export const wallPairRequestSchema = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'the six digits shown on the wall') });

/** What a wall shows, as the core holds it. */
export interface WallState {
  wall: string;
  /** Increases with every change: a screen applies a state only if it is newer than the last it applied. */
  rev: number;
  /** The page on the wall; null until a display or a controller has set one. */
  page: PageId | null;
  /** The wall's rotation order (its profile's pages): what "next" and "back" step through. */
  pages: PageId[];
  /** Rotation paused by a person. */
  held: boolean;
  /** Looking back to the end of this local day; null is live. */
  asOf: IsoDate | null;
  /** The town whose detail is open, or null. */
  town: string | null;
  /** The alert on screen (by the core's alert engine), or null. */
  alert: string | null;
  updatedAt: IsoTime;
  /** Who made the last change. */
  by: ControlVia | null;
}

/** The pairing code a wall shows, for screens allowed to show it (see docs/security.md). */
export interface WallPairing {
  wall: string;
  code: string;
  /** A new code replaces it then (and after each successful pairing). */
  expiresAt: IsoTime;
}

/** Parse an act request body; the error names the field. */
export function parseWallAct(raw: unknown): { ok: true; value: z.output<typeof wallActRequestSchema> } | { ok: false; error: string } {
  const parsed = wallActRequestSchema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: describe(parsed.error) };
}

export function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(request)'}: ${i.message}`)
    .join('; ');
}

/** The page after (or before) `page` in `pages`; a page outside them steps to their first (last). */
export function stepPage(pages: readonly PageId[], page: PageId | null, delta: 1 | -1): PageId {
  const at = page === null ? -1 : pages.indexOf(page);
  if (at < 0) return pages[delta === 1 ? 0 : pages.length - 1];
  return pages[(at + delta + pages.length) % pages.length];
}
