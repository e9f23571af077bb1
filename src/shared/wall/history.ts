/**
 * What a wall showed, when. A wall reports its state whenever it changes (page, town, look-back
 * time, playlist slot, alert on screen) and before it reloads itself; the core stamps each
 * report with its own clock and keeps them with the alerts it raised, for `care.historyDays`.
 * "What was on the lobby wall at 03:12?" is the last report before 03:12.
 */
import { z } from 'zod';
import type { Level } from '../contract';
import type { IsoTime } from '../readModel';
import { pageIdSchema, type PageId } from './pages';
import { WALL_ID_PATTERN } from './config';

export const wallIdSchema = z.string().regex(WALL_ID_PATTERN, 'a wall profile id: lower-case letters, digits and dashes');

/** The state a wall reports; every field bounded, since a renderer is untrusted input. */
export const wallReportSchema = z.strictObject({
  wall: wallIdSchema,
  /** 'start': the page (re)loaded; 'state': something on it changed; 'reload': it is about to reload itself. */
  kind: z.enum(['start', 'state', 'reload']),
  page: pageIdSchema,
  town: z.string().regex(/^[0-9A-Za-z]{1,32}$/).nullable(),
  /** The look-back time or week shown, null when live. */
  asOf: z.string().max(40).nullable(),
  slot: z.strictObject({ index: z.number().int().min(-1).max(49), name: z.string().max(40).nullable() }),
  dim: z.boolean(),
  playing: z.boolean(),
  /** The alert on screen, if any. */
  alertId: z.string().max(64).nullable(),
  /** Why, for 'reload' (e.g. "memory 1100 MB > 1024 MB") and 'start' after one. */
  reason: z.string().max(200).nullable(),
});
export type WallReport = z.infer<typeof wallReportSchema>;

export type WallLogEntry =
  | ({ at: IsoTime } & Omit<WallReport, 'wall'>)
  | { at: IsoTime; kind: 'alert'; alertId: string; level: Level; count: number; subjects: string[] }
  | { at: IsoTime; kind: 'ack'; alertId: string; via: string }
  | { at: IsoTime; kind: 'expired'; alertId: string };

export type WallLogKind = WallLogEntry['kind'];

/** The answer to "what was on this wall at that time". */
export interface WallMomentModel {
  wall: string;
  at: IsoTime;
  /** The wall's last report at or before `at`, or null when it had not reported yet (or that is older than the history kept). */
  shown: { page: PageId; town: string | null; asOf: string | null; slot: WallReport['slot']; dim: boolean; playing: boolean; since: IsoTime } | null;
  /** The alert on screen at `at`, by the core's records. */
  alert: { id: string; level: Level; subjects: string[]; count: number } | null;
  /** Minutes between the wall's last report and `at`: a wall silent for long may have been off. */
  silentMin: number | null;
  /** Log entries around `at` (up to 15 before, 15 after), oldest first. */
  entries: WallLogEntry[];
}
