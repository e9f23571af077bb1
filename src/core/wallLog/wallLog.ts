/**
 * What each wall showed, when (table wall_log, migration 040): the wall's own reports (page,
 * town, look-back time, playlist slot, reloads) and the alerts the core gave it, kept for
 * `care.historyDays`. Answers "what was on the lobby wall at 03:12?".
 */
import { DAY_MS } from '../../shared/districtTime';
import type { Database } from 'better-sqlite3';
import type { WallLogEntry, WallMomentModel, WallReport } from '../../shared/wall/history';

const PRUNE_EVERY_MS = 3_600_000;
/** How many entries either side of the asked time the answer lists. */
const AROUND = 15;

type EntryBody = WallLogEntry extends infer E ? (E extends WallLogEntry ? Omit<E, 'at'> : never) : never;

export interface WallLogOptions {
  now: () => number;
  historyDays: number;
  /** The alert a wall had on screen at an instant (from the alert records). */
  alertAt(wall: string, at: number): WallMomentModel['alert'];
}

interface LogRow {
  at: number;
  kind: string;
  detail: string;
}

export function createWallLog(db: Database, opts: WallLogOptions) {
  const insert = db.prepare<[string, number, string, string]>('INSERT INTO wall_log (wall, at, kind, detail) VALUES (?, ?, ?, ?)');
  const lastReport = db.prepare<[string, number], LogRow>(
    `SELECT at, kind, detail FROM wall_log WHERE wall = ? AND at <= ? AND kind IN ('start', 'state') ORDER BY at DESC, id DESC LIMIT 1`,
  );
  const lastAny = db.prepare<[string, number], { at: number }>(
    `SELECT at FROM wall_log WHERE wall = ? AND at <= ? AND kind IN ('start', 'state', 'reload') ORDER BY at DESC, id DESC LIMIT 1`,
  );
  const before = db.prepare<[string, number, number], LogRow>('SELECT at, kind, detail FROM wall_log WHERE wall = ? AND at <= ? ORDER BY at DESC, id DESC LIMIT ?');
  const after = db.prepare<[string, number, number], LogRow>('SELECT at, kind, detail FROM wall_log WHERE wall = ? AND at > ? ORDER BY at, id LIMIT ?');
  const prune = db.prepare<[number]>('DELETE FROM wall_log WHERE at < ?');
  let lastPrune = 0;

  const toEntry = (r: LogRow): WallLogEntry => ({ at: new Date(r.at).toISOString(), ...(JSON.parse(r.detail) as EntryBody) }) as WallLogEntry;

  const maybePrune = (now: number): void => {
    if (now - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = now;
    prune.run(now - opts.historyDays * DAY_MS);
  };

  return {
    /** Records what a wall reports it shows, stamped with the core's clock. */
    report(report: WallReport): void {
      const { wall, ...body } = report;
      this.record(wall, body);
    },
    record(wall: string, entry: EntryBody, at = opts.now()): void {
      insert.run(wall, at, entry.kind, JSON.stringify(entry));
      maybePrune(at);
    },
    moment(wall: string, at: number): WallMomentModel {
      const shownRow = lastReport.get(wall, at);
      const shown = shownRow ? (JSON.parse(shownRow.detail) as Omit<WallReport, 'wall'>) : null;
      const lastSeen = lastAny.get(wall, at)?.at ?? null;
      const entries = [...before.all(wall, at, AROUND).reverse(), ...after.all(wall, at, AROUND)].map(toEntry);
      return {
        wall,
        at: new Date(at).toISOString(),
        shown:
          shown && shownRow
            ? { page: shown.page, town: shown.town, asOf: shown.asOf, slot: shown.slot, dim: shown.dim, playing: shown.playing, since: new Date(shownRow.at).toISOString() }
            : null,
        alert: opts.alertAt(wall, at),
        silentMin: lastSeen === null ? null : Math.floor((at - lastSeen) / 60_000),
        entries,
      };
    },
  };
}

export type WallLog = ReturnType<typeof createWallLog>;
