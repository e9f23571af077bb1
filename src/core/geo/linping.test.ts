/** Geo code against the real Linping files in testdata/geo. */
import polygonClipping from 'polygon-clipping';
import { describe, expect, it } from 'vitest';
import { approximateTowns } from '../../shared/geo/approximate';
import { areaSquareMetres, pointInMultiPolygon } from '../../shared/geo/geometry';
import { distanceMetres, gcj02ToWgs84, wgs84ToGcj02 } from '../../shared/geo/crs';
import { parseBoundary } from '../../shared/geo/parse';
import { findSelfIntersections } from '../../shared/geo/selfIntersection';
import { linpingSeats, readOutlineText, readTownRecords } from './testing/linping';
import { polygonsOf, type MultiPolygonCoords, type Position, type Ring } from '../../shared/geo/types';

function realOutline(): MultiPolygonCoords {
  const parsed = parseBoundary(readOutlineText(), { crs: 'gcj02' });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return polygonsOf(parsed.shapes[0].geometry);
}

describe('approximate towns inside the real Linping outline', () => {
  const outline = realOutline();
  const seats = linpingSeats();
  const result = approximateTowns(outline, seats);
  const cells = result.features.map((f) => polygonsOf(f.geometry));
  const outlineArea = areaSquareMetres(outline);

  it('reads the outline as about 285 km² in the published WGS84 bbox', () => {
    expect(outlineArea / 1e6).toBeGreaterThan(280);
    expect(outlineArea / 1e6).toBeLessThan(290);
  });

  it('gives each of the 8 towns a cell, labelled approximate, that contains its own seat', () => {
    expect(result.features.map((f) => f.properties.code)).toEqual(seats.map((s) => s.code));
    expect(result.notices).toEqual([]);
    result.features.forEach((f, i) => {
      expect(f.properties.approximate).toBe(true);
      expect(pointInMultiPolygon(seats[i].seat, cells[i]), f.properties.name).toBe(true);
      // ...and no other town's seat.
      seats.forEach((s, j) => { if (j !== i) expect(pointInMultiPolygon(s.seat, cells[i])).toBe(false); });
    });
  });

  it('covers the outline: the cells add up to its area within 0.5%', () => {
    const sum = cells.reduce((s, c) => s + areaSquareMetres(c), 0);
    expect(Math.abs(sum - outlineArea) / outlineArea).toBeLessThan(0.005);
    const union = polygonClipping.union(cells[0], ...cells.slice(1)) as MultiPolygonCoords;
    const uncovered = polygonClipping.difference(outline, union) as MultiPolygonCoords;
    expect(uncovered.length ? areaSquareMetres(uncovered) : 0).toBeLessThan(outlineArea * 0.005);
  });

  it('has no overlapping cells', () => {
    for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++) {
        const overlap = polygonClipping.intersection(cells[i], cells[j]) as MultiPolygonCoords;
        const area = overlap.length ? areaSquareMetres(overlap) : 0;
        expect(area, `${seats[i].name} × ${seats[j].name}`).toBeLessThan(1); // m²: shared edges only
      }
    }
  });

  it('moves a seat that lies outside the outline inside it and says so', () => {
    const moved = seats.map((s) => (s.code === '330113102' ? { ...s, seat: [120.05, 30.5] as [number, number] } : s));
    const r = approximateTowns(outline, moved);
    const tangqi = r.features.find((f) => f.properties.code === '330113102')!;
    expect(r.notices.some((n) => n.includes('塘栖镇') && n.includes('outside the district outline'))).toBe(true);
    expect(pointInMultiPolygon(tangqi.properties.seat, outline)).toBe(true);
    expect(pointInMultiPolygon(tangqi.properties.seat, polygonsOf(tangqi.geometry))).toBe(true);
    const sum = r.features.reduce((s, f) => s + areaSquareMetres(polygonsOf(f.geometry)), 0);
    expect(Math.abs(sum - outlineArea) / outlineArea).toBeLessThan(0.005);
  });
});

describe('GCJ-02 ↔ WGS84 against the published Linping points', () => {
  const towns = readTownRecords();

  it('matches the published seat pairs to within centimetres (6-decimal rounding)', () => {
    const seats = towns.filter((t) => t.seat_wgs84 && t.seat_gcj02);
    expect(seats.length).toBe(7);
    for (const t of seats) {
      expect(distanceMetres(wgs84ToGcj02(t.seat_wgs84!), t.seat_gcj02!), `${t.name} forward`).toBeLessThan(0.2);
      expect(distanceMetres(gcj02ToWgs84(t.seat_gcj02!), t.seat_wgs84!), `${t.name} inverse`).toBeLessThan(0.2);
    }
  });

  it('matches the community means to within the 5-decimal rounding of the data (< 2 m)', () => {
    for (const t of towns) {
      expect(distanceMetres(wgs84ToGcj02(t.community_mean_wgs84), t.community_mean_gcj02), t.name).toBeLessThan(2);
      expect(distanceMetres(gcj02ToWgs84(t.community_mean_gcj02), t.community_mean_wgs84), t.name).toBeLessThan(2);
    }
  });

});

describe('the real outline file', () => {
  it('reads the real Linping outline (bare GCJ-02 MultiPolygon) and converts it to WGS84', () => {
    const r = parseBoundary(readOutlineText(), { crs: 'gcj02' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.shapes).toHaveLength(1);
    expect(r.shapes[0].geometry.type).toBe('MultiPolygon');
    const raw = JSON.parse(readOutlineText()).coordinates[0][0][0] as Position;
    const conv = (r.shapes[0].geometry.coordinates as Position[][][])[0][0][0];
    expect(conv[0]).toBeLessThan(raw[0]); // WGS84 is ~0.0045° west of GCJ-02 here
    expect(conv[1]).toBeGreaterThan(raw[1]);
  });

  it('accepts the real outline and finds a crossing planted in it', () => {
    const ring = JSON.parse(readOutlineText()).coordinates[0][0] as Ring;
    expect(findSelfIntersections(ring)).toEqual([]);
    const broken = ring.map((p) => [...p] as Position);
    // Pull vertex 300 across to the far side of the district: its two edges must cross others.
    broken[300] = [broken[600][0] + 0.001, broken[600][1]];
    const found = findSelfIntersections(broken);
    expect(found.length).toBeGreaterThan(0);
    expect([found[0].edgeA, found[0].edgeB].some((e) => e === 299 || e === 300)).toBe(true);
  });

});
