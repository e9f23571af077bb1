/**
 * Incremental reading by a growing field: the largest updatedAt (or id) seen, remembered in the
 * feed's cursor, asked for again next time. Comparison follows the value's kind: times as
 * instants, numeric ids as numbers, other ids as text.
 */
import { isoMs } from '../../shared/contract/isoMs';

export function compareWatermarks(by: 'updatedAt' | 'id', a: string, b: string): number {
  if (by === 'updatedAt') return isoMs(a) - isoMs(b);
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The larger of a running maximum and a record's value (a record without one changes nothing). */
export function maxWatermark(by: 'updatedAt' | 'id', current: string | null, value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return current;
  const v = String(value);
  if (by === 'updatedAt' && Number.isNaN(isoMs(v))) return current;
  return current === null || compareWatermarks(by, v, current) > 0 ? v : current;
}
