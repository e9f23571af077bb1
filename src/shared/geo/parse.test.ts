import { describe, expect, it } from 'vitest';
import { wgs84ToGcj02 } from './crs';
import { parseBoundary, parseBoundaryValue } from './parse';
import { findSelfIntersections } from './selfIntersection';
import type { Ring } from './types';

/** A closed square ring around (x, y) with half-size r, counter-clockwise. */
const square = (x: number, y: number, r: number): Ring => [[x - r, y - r], [x + r, y - r], [x + r, y + r], [x - r, y + r], [x - r, y - r]];
const feature = (properties: Record<string, unknown>, coordinates: unknown, type = 'Polygon') => ({ type: 'Feature', properties, geometry: { type, coordinates } });
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const errorsOf = (value: unknown, opts: Partial<Parameters<typeof parseBoundaryValue>[1]> = {}) => {
  const r = parseBoundaryValue(value, { crs: 'wgs84', requireCode: true, ...opts });
  return r.ok ? [] : r.errors;
};

describe('accepted inputs', () => {
  it('reads a FeatureCollection with code/name auto-detected, numeric codes and 12-digit codes as text', () => {
    const r = parseBoundaryValue(fc(feature({ adcode: 330113001, name: '临平街道' }, [square(120.3, 30.42, 0.01)])), { crs: 'wgs84', requireCode: true });
    expect(r.ok && r.shapes[0]).toMatchObject({ code: '330113001', name: '临平街道', index: 0 });
  });

  it('uses configured property names', () => {
    const r = parseBoundaryValue(fc(feature({ XZQDM: '330113004', MC: '星桥街道' }, [square(120.25, 30.39, 0.01)])), {
      crs: 'wgs84', requireCode: true, codeProperty: 'XZQDM', nameProperty: 'MC',
    });
    expect(r.ok && r.shapes[0]).toMatchObject({ code: '330113004', name: '星桥街道' });
  });

  it('reads a single Feature and a bare Polygon', () => {
    expect(parseBoundaryValue(feature({ code: 'a' }, [square(120, 30, 0.1)]), { crs: 'wgs84' }).ok).toBe(true);
    expect(parseBoundaryValue({ type: 'Polygon', coordinates: [square(120, 30, 0.1), square(120, 30, 0.05)] }, { crs: 'wgs84' }).ok).toBe(true);
  });

  it('reads TopoJSON (the named object, or the first)', () => {
    const topo = {
      type: 'Topology',
      objects: { towns: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], properties: { code: '330113001', name: '临平街道' } }] } },
      arcs: [[[120.29, 30.41], [120.31, 30.41], [120.31, 30.43], [120.29, 30.43], [120.29, 30.41]]],
    };
    const r = parseBoundaryValue(topo, { crs: 'wgs84', requireCode: true });
    expect(r.ok && r.shapes[0]).toMatchObject({ code: '330113001', name: '临平街道' });
    expect(parseBoundaryValue(topo, { crs: 'wgs84', object: 'towns' }).ok).toBe(true);
  });

  it('converts GCJ-02 coordinates to WGS84', () => {
    const g = wgs84ToGcj02([120.3, 30.42]);
    const r = parseBoundaryValue({ type: 'Polygon', coordinates: [square(g[0], g[1], 0.01)] }, { crs: 'gcj02' });
    const ring = r.ok ? (r.shapes[0].geometry.coordinates as Ring[])[0] : [];
    expect((ring[0][0] + ring[1][0]) / 2).toBeCloseTo(120.3, 5);
    expect((ring[0][1] + ring[2][1]) / 2).toBeCloseTo(30.42, 4);
  });
});

describe('errors name what and where', () => {
  it('self-intersection: feature, name, polygon, ring and the two edges', () => {
    const bowtie: Ring = [[120, 30], [120.1, 30.1], [120.1, 30], [120, 30.1], [120, 30]];
    const errors = errorsOf(fc(
      feature({ code: '1', name: '临平街道' }, [square(120.3, 30.4, 0.01)]),
      feature({ code: '2', name: '星桥街道' }, [[square(121, 30, 0.1)], [bowtie]], 'MultiPolygon'),
    ));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^feature 1 \(星桥街道\), polygon 1, ring 0: self-intersection between edges 0 and 2/);
  });

  it('hole outside its shell', () => {
    const errors = errorsOf(fc(feature({ code: '9' }, [square(120, 30, 0.1), square(121, 30, 0.01)])));
    expect(errors).toEqual(['feature 0, ring 1: hole is not inside the outer ring']);
    const crossing = errorsOf(fc(feature({ code: '9' }, [square(120, 30, 0.1), square(120.09, 30, 0.02)])));
    expect(crossing).toEqual(['feature 0, ring 1: hole crosses the outer ring (vertex 1 is outside it)']);
  });

  it('non-numeric coordinate with its vertex', () => {
    const ring: unknown[] = square(120, 30, 0.1);
    ring[2] = ['120.1', 30.1];
    expect(errorsOf(fc(feature({ code: '9', name: 'x' }, [ring])))[0]).toBe('feature 0 (x), ring 0, vertex 2: coordinate ["120.1",30.1] is not a number pair [lon, lat]');
  });

  it('missing code property, with the properties the feature does have', () => {
    const errors = errorsOf(fc(feature({ code: '1' }, [square(120, 30, 0.1)]), feature({ name: '运河街道', level: 'town' }, [square(120.5, 30, 0.1)])), { codeProperty: 'code' });
    expect(errors).toEqual(["feature 1 (运河街道): property 'code' missing or empty (properties present: name, level)"]);
    expect(errorsOf(fc(feature({ name: 'y' }, [square(120, 30, 0.1)])))[0]).toMatch(/^feature 0 \(y\): no code property \(looked for code, adcode/);
  });

  it('duplicate codes', () => {
    expect(errorsOf(fc(feature({ code: '1' }, [square(120, 30, 0.1)]), feature({ code: '1' }, [square(121, 30, 0.1)]))))
      .toEqual(['feature 1: code 1 is also used by feature 0']);
  });

  it('unclosed rings and too few points', () => {
    const open = square(120, 30, 0.1).slice(0, 4);
    expect(errorsOf({ type: 'Polygon', coordinates: [open] }, { requireCode: false })[0]).toMatch(/^geometry, ring 0: ring is not closed \(first vertex \[119.9,29.9\] ≠ last vertex \[119.9,30.1\]/);
    expect(errorsOf({ type: 'Polygon', coordinates: [[[120, 30], [121, 30], [120, 30]]] }, { requireCode: false })[0]).toMatch(/^geometry, ring 0: has 3 positions; a closed ring needs at least 4/);
  });

  it('implausible coordinates: projected metres and swapped lon/lat', () => {
    const metres = square(13_390_000, 3_560_000, 1000);
    expect(errorsOf({ type: 'Polygon', coordinates: [metres] }, { requireCode: false })[0]).toMatch(/vertex 0: coordinate \[13389000,3559000\] is outside plausible lon\/lat; it looks like projected metres/);
    const swapped = square(30, 120, 0.1);
    expect(errorsOf({ type: 'Polygon', coordinates: [swapped] }, { requireCode: false })[0]).toMatch(/swapped/);
  });

  it('unknown CRS, configured or declared in the file', () => {
    expect(parseBoundary('{}', { crs: 'EPSG:3857' }).ok ? [] : (parseBoundary('{}', { crs: 'EPSG:3857' }) as { errors: string[] }).errors)
      .toEqual(["unknown CRS 'EPSG:3857' (expected gcj02 or wgs84)"]);
    const declared = { type: 'Polygon', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } }, coordinates: [square(120, 30, 0.1)] };
    expect(errorsOf(declared)[0]).toMatch(/^unknown CRS 'urn:ogc:def:crs:EPSG::3857' declared in the file/);
    const wgs = { ...declared, crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } };
    expect(errorsOf(wgs, { requireCode: false })).toEqual([]);
  });

  it('malformed JSON with line and column', () => {
    const r = parseBoundary('{\n  "type": "Polygon",\n  "coordinates": [[[120, 30],,]]\n}', { crs: 'wgs84' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toBe("malformed JSON: Unexpected token ',' (near line 3, column 30)");
  });

  it('TopoJSON: a missing object lists the ones present; format mismatch', () => {
    const topo = { type: 'Topology', objects: { districts: { type: 'GeometryCollection', geometries: [] } }, arcs: [] };
    expect(errorsOf(topo, { object: 'towns' })).toEqual(["TopoJSON object 'towns' not found (objects in the file: districts)"]);
    expect(errorsOf(topo, { format: 'geojson' })[0]).toMatch(/format is set to 'geojson' but the file is TopoJSON/);
    expect(errorsOf({ type: 'Topology', objects: {}, arcs: [] })).toEqual(['TopoJSON has no objects']);
  });

  it('wrong geometry types and roots', () => {
    expect(errorsOf(fc(feature({ code: '1' }, [[120, 30], [121, 30]], 'LineString')))).toEqual(['feature 0: geometry type "LineString" is not an area (expected Polygon or MultiPolygon)']);
    expect(errorsOf(fc({ type: 'Feature', properties: { code: '1' }, geometry: null }))).toEqual(['feature 0: has no geometry']);
    expect(errorsOf({ type: 'Point', coordinates: [120, 30] })[0]).toMatch(/^unsupported GeoJSON type "Point"/);
    expect(errorsOf([1, 2])[0]).toMatch(/an array, not a GeoJSON or TopoJSON object/);
  });
});

describe('self-intersection check', () => {
  it('is fast on large rings (grid bucketing, not all pairs)', () => {
    const n = 200_000;
    const ring: Ring = [];
    for (let i = 0; i < n; i++) {
      const a = (i / n) * 2 * Math.PI;
      const r = 1 + 0.01 * Math.sin(a * 50);
      ring.push([120 + r * Math.cos(a), 30 + r * Math.sin(a)]);
    }
    ring.push(ring[0]);
    // All pairs would be 2e10 comparisons and blow the test timeout; bucketing takes < 1 s.
    expect(findSelfIntersections(ring)).toEqual([]);
  });
});
