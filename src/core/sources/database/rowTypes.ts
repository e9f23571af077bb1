/**
 * How PostgreSQL values reach a mapping: times as ISO 8601 text with their offset (a timestamp
 * without a time zone is read at the source's offset, never at this machine's), dates as
 * YYYY-MM-DD, bigint and numeric as numbers (counts and rates, far below 2^53). The rest as
 * node-postgres parses it (booleans, arrays, JSON).
 */
import type pg from 'pg';

const OID = { int8: 20, numeric: 1700, date: 1082, timestamp: 1114, timestamptz: 1184 } as const;

/** "2026-11-01 08:00:00.123456+08" → "2026-11-01T08:00:00.123456+08:00". */
export function pgTimeToIso(text: string, fallbackOffset: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d+)?([+-]\d{2})?(?::?(\d{2}))?(?::\d{2})?$/.exec(text);
  if (!m) return text; // infinity, BC dates: left for the schema to refuse
  const [, date, time, frac = '', hours, minutes = '00'] = m;
  const offset = hours ? `${hours}:${minutes}` : fallbackOffset;
  return `${date}T${time}${frac.slice(0, 4)}${offset}`;
}

/** `fallback` is node-postgres's own parser table (pg.types), passed in so pg loads only when a database source connects. */
export function rowTypes(offset: string, fallback: typeof pg.types): pg.CustomTypesConfig {
  return {
    getTypeParser(oid: number, format?: string) {
      switch (oid) {
        case OID.int8:
        case OID.numeric:
          return (v: string) => Number(v);
        case OID.date:
          return (v: string) => v;
        case OID.timestamp:
        case OID.timestamptz:
          return (v: string) => pgTimeToIso(v, offset);
        default:
          return fallback.getTypeParser(oid, format as 'text');
      }
    },
  } as pg.CustomTypesConfig;
}
