/**
 * GCJ-02 ("Mars coordinates", used by AMap/Tencent and most Chinese map data) ↔ WGS84.
 * WGS84 → GCJ-02 is the published obfuscation formula (as in eviltransform); there is no
 * closed inverse, so GCJ-02 → WGS84 iterates the forward formula until the residual is
 * below 1e-7° (≈ 1 cm), far inside the 1e-6° target.
 */
import type { Crs, Position } from './types';

const A = 6378245.0; // Krasovsky 1940 semi-major axis used by the formula
const EE = 0.006693421622965943; // its first eccentricity squared (the formula's 0.00669342162296594323 as a double)

/** GCJ-02 is only applied inside (roughly) mainland China; outside, both systems agree. */
export function outOfChina(lon: number, lat: number): boolean {
  return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function transformLon(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/** The GCJ-02 offset (dLon, dLat) in degrees at a WGS84 point. */
function offset(lon: number, lat: number): [number, number] {
  let dLat = transformLat(lon - 105.0, lat - 35.0);
  let dLon = transformLon(lon - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [dLon, dLat];
}

export function wgs84ToGcj02([lon, lat]: Position): Position {
  if (outOfChina(lon, lat)) return [lon, lat];
  const [dLon, dLat] = offset(lon, lat);
  return [lon + dLon, lat + dLat];
}

export function gcj02ToWgs84([lon, lat]: Position): Position {
  if (outOfChina(lon, lat)) return [lon, lat];
  // Fixed-point iteration: w ← w + (g − f(w)). Converges in a handful of steps because the
  // offset changes slowly with position.
  let wLon = lon;
  let wLat = lat;
  for (let i = 0; i < 30; i++) {
    const [gLon, gLat] = wgs84ToGcj02([wLon, wLat]);
    const eLon = lon - gLon;
    const eLat = lat - gLat;
    wLon += eLon;
    wLat += eLat;
    if (Math.abs(eLon) < 1e-7 && Math.abs(eLat) < 1e-7) break;
  }
  return [wLon, wLat];
}

/** A converter from the given CRS to WGS84. */
export function toWgs84(crs: Crs): (p: Position) => Position {
  return crs === 'gcj02' ? gcj02ToWgs84 : (p) => [p[0], p[1]];
}

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceMetres(a: Position, b: Position): number {
  const R = 6371008.8;
  const toRad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * toRad;
  const dLon = (b[0] - a[0]) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * toRad) * Math.cos(b[1] * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}
