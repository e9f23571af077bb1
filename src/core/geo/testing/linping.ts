/** Test helpers: the real Linping files in testdata/geo (licence and provenance in its README). */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TownSeat } from '../../../shared/geo/types';

export const GEO_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../testdata/geo');
export const OUTLINE_PATH = resolve(GEO_DATA_DIR, 'linping-330113-outline.gcj02.geojson');

export interface TownRecord {
  code: string;
  name: string;
  seat_gcj02: [number, number] | null;
  seat_wgs84: [number, number] | null;
  community_mean_gcj02: [number, number];
  community_mean_wgs84: [number, number];
}

export function readTownRecords(): TownRecord[] {
  return JSON.parse(readFileSync(resolve(GEO_DATA_DIR, 'linping-towns.json'), 'utf8'));
}

/** Town seats in WGS84; 运河街道 has no seat, so its communities' mean stands in. */
export function linpingSeats(): TownSeat[] {
  return readTownRecords().map((t) => ({ code: t.code, name: t.name, seat: t.seat_wgs84 ?? t.community_mean_wgs84 }));
}

export function readOutlineText(): string {
  return readFileSync(OUTLINE_PATH, 'utf8');
}
