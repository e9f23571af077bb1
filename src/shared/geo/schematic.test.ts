import polygonClipping from 'polygon-clipping';
import { describe, expect, it } from 'vitest';
import { areaSquareMetres, pointInMultiPolygon } from './geometry';
import { schematicTowns } from './schematic';
import { polygonsOf, type MultiPolygonCoords } from './types';

describe('schematic map from seats only', () => {
  // The public seat points listed in PRODUCT.md (WGS84).
  const seats = ([
    ['330113001', '临平街道', 120.2985, 30.422], ['330113002', '南苑街道', 120.3045, 30.4084],
    ['330113003', '东湖街道', 120.3045, 30.4431], ['330113004', '星桥街道', 120.2525, 30.3969],
    ['330113006', '乔司街道', 120.2819, 30.3518], ['330113007', '运河街道', 120.2951, 30.4892],
    ['330113008', '崇贤街道', 120.1702, 30.3899], ['330113102', '塘栖镇', 120.1838, 30.4758],
  ] as const).map(([code, name, lon, lat]) => ({ code, name, seat: [lon, lat] as [number, number] }));
  const { features, hull } = schematicTowns(seats);

  it('gives each town a cell holding its seat, filling the rounded hull without overlaps', () => {
    expect(features).toHaveLength(8);
    const cells = features.map((f) => polygonsOf(f.geometry));
    features.forEach((f, i) => {
      expect(f.properties.schematic).toBe(true);
      expect(pointInMultiPolygon(seats[i].seat, cells[i]), f.properties.name).toBe(true);
    });
    const total = cells.reduce((s, c) => s + areaSquareMetres(c), 0);
    expect(Math.abs(total - areaSquareMetres(hull)) / areaSquareMetres(hull)).toBeLessThan(0.001);
    const overlap = polygonClipping.intersection(cells[0], cells[1]) as MultiPolygonCoords;
    expect(overlap.length ? areaSquareMetres(overlap) : 0).toBeLessThan(1);
  });

  it('is roughly district-sized (a schematic, not a dot)', () => {
    const km2 = areaSquareMetres(hull) / 1e6;
    expect(km2).toBeGreaterThan(150);
    expect(km2).toBeLessThan(600);
  });

  it('handles one town and no towns', () => {
    expect(schematicTowns([]).features).toEqual([]);
    const one = schematicTowns([seats[0]]);
    expect(one.features).toHaveLength(1);
    expect(pointInMultiPolygon(seats[0].seat, polygonsOf(one.features[0].geometry))).toBe(true);
  });
});
