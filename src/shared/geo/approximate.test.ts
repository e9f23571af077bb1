import polygonClipping from 'polygon-clipping';
import { describe, expect, it } from 'vitest';
import { approximateTowns } from './approximate';
import { areaSquareMetres, pointInMultiPolygon } from './geometry';
import { polygonsOf, type MultiPolygonCoords } from './types';

// A concave L-shaped district (~ 20 × 20 km with a quarter missing): Voronoi cells clipped to
// it may split into pieces, and must still cover it exactly.
const L: MultiPolygonCoords = [[[[120, 30], [120.2, 30], [120.2, 30.1], [120.1, 30.1], [120.1, 30.2], [120, 30.2], [120, 30]]]];
const towns = [
  { code: 'a', name: 'A', seat: [120.05, 30.05] as [number, number] },
  { code: 'b', name: 'B', seat: [120.15, 30.05] as [number, number] },
  { code: 'c', name: 'C', seat: [120.05, 30.15] as [number, number] },
];

describe('approximateTowns', () => {
  it('fills a concave outline with one cell per town, each holding its seat', () => {
    const r = approximateTowns(L, towns);
    expect(r.notices).toEqual([]);
    const cells = r.features.map((f) => polygonsOf(f.geometry));
    cells.forEach((c, i) => expect(pointInMultiPolygon(towns[i].seat, c)).toBe(true));
    const sum = cells.reduce((s, c) => s + areaSquareMetres(c), 0);
    // Area uses each shape's own mean latitude, so cells differ from the whole by ~1e-4.
    expect(sum / areaSquareMetres(L)).toBeCloseTo(1, 3);
    const overlap = polygonClipping.intersection(cells[0], cells[1]) as MultiPolygonCoords;
    expect(overlap.length ? areaSquareMetres(overlap) : 0).toBeLessThan(1);
  });

  it('moves a seat in the missing quarter inside and a duplicate seat off its twin, saying so', () => {
    const r = approximateTowns(L, [...towns.slice(0, 2), { code: 'c', name: 'C', seat: [120.16, 30.16] }, { code: 'd', name: 'D', seat: [120.05, 30.05] }]);
    expect(r.notices).toHaveLength(2);
    expect(r.notices[0]).toMatch(/^C \(c\): seat \[120\.16000, 30\.16000\] is outside the district outline; moved \d+\.\d km to/);
    expect(r.notices[1]).toMatch(/^D \(d\): seat .* coincides with another town's/);
    expect(r.features).toHaveLength(4);
    r.features.forEach((f) => {
      expect(pointInMultiPolygon(f.properties.seat, L)).toBe(true);
      expect(pointInMultiPolygon(f.properties.seat, polygonsOf(f.geometry))).toBe(true);
    });
  });
});
