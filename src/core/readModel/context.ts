/**
 * What every screen module shares: the database, the source filter, the clock, and small
 * lookups (town names, asOf per endpoint) that several screens need.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { IsoTime, TownRef } from '../../shared/readModel';
import type { DistrictTime } from '../../shared/districtTime';
import type { Logger } from '../log/logger';
import { SOURCE_FILTER, sourcesParam } from './sources';
import { isoTimeOrNull } from '../../shared/districtTime';

export interface TownRow {
  code: string;
  name: string;
  kind: string;
  lon: number;
  lat: number;
  population: number;
}

export interface ReadContext {
  db: Database;
  /** JSON list of source ids, or null for all: bind as :sources. */
  sources: string | null;
  now(): number;
  /** The district's days and weeks (its time zone, from config). */
  time: DistrictTime;
  logger: Logger;
  towns(): TownRow[];
  townRef(code: string): TownRef;
  /**
   * Oldest last success among these endpoints (all selected sources): the data is at least this
   * fresh. Looking back, the instant looked back to, unless the cache stopped hearing earlier.
   */
  asOf(endpoints: readonly string[], point?: { live: boolean; at: number }): IsoTime | null;
  /** Start of a query: forget per-query lookups so a resync's new names show. */
  beginQuery(): void;
  /**
   * Stored rows a screen left out because they break the contract's bounds (stored before a
   * bound existed), by what they are ("riskPeriods 330113001 9999-12-27") with the reason:
   * the screens answer without them and health says why.
   */
  readonly leftOut: Map<string, string>;
}

/** Rows named in health as left out, at most (the rest are still left out, and logged). */
export const LEFT_OUT_MAX = 50;

export function createContext(db: Database, sourceIds: string[] | undefined, now: () => number, time: DistrictTime, logger: Logger): ReadContext {
  const sources = sourcesParam(sourceIds);
  const townsStmt: Statement = db.prepare(
    `SELECT code, name, kind, lon, lat, population FROM towns WHERE ${SOURCE_FILTER} ORDER BY code`,
  );
  const asOfStmt: Statement = db.prepare(
    `SELECT min(last_success_at) AS at FROM endpoint_state
     WHERE ${SOURCE_FILTER} AND endpoint IN (SELECT value FROM json_each(:endpoints))`,
  );
  // Town rows change only with the divisions snapshot; re-read once per query (8–30 rows)
  // rather than caching across queries and risking a stale name after a resync.
  let townsCache: { rows: TownRow[]; byCode: Map<string, TownRow> } | null = null;
  const load = () => {
    if (!townsCache) {
      const rows = townsStmt.all({ sources }) as TownRow[];
      townsCache = { rows, byCode: new Map(rows.map((t) => [t.code, t])) };
    }
    return townsCache;
  };
  return {
    leftOut: new Map(),
    db,
    sources,
    now,
    time,
    logger,
    towns: () => load().rows,
    townRef: (code) => ({ code, name: load().byCode.get(code)?.name ?? code }),
    asOf: (endpoints, point) => {
      const row = asOfStmt.get({ sources, endpoints: JSON.stringify(endpoints) }) as { at: number | null };
      if (!point || point.live || row.at === null) return isoTimeOrNull(row.at);
      return isoTimeOrNull(Math.min(row.at, point.at));
    },
    beginQuery: () => {
      townsCache = null;
    },
  };
}

/** Parse a JSON column that should hold an array; tolerate junk rather than fail a whole screen. */
export function jsonArray<T = string>(text: string | null): T[] {
  if (!text) return [];
  try {
    const v = JSON.parse(text);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}
