import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { configSchema } from '../../shared/config';
import { approximateTowns } from '../../shared/geo/approximate';
import { wgs84ToGcj02 } from '../../shared/geo/crs';
import { parseBoundary } from '../../shared/geo/parse';
import { OUTLINE_PATH, linpingSeats, readOutlineText } from './testing/linping';
import { polygonsOf, type AreaGeometry, type Position } from '../../shared/geo/types';
import { createMapProvider, type MapConfig } from './index';

const dir = mkdtempSync(join(tmpdir(), 'cockpit-geo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const mapConfig = (map: unknown): MapConfig => configSchema.parse({ map }).map;
const towns = linpingSeats();
const square = (x: number, y: number, r: number): Position[] => [[x - r, y - r], [x + r, y - r], [x + r, y + r], [x - r, y + r], [x - r, y - r]];
const fc = (features: Array<{ properties: Record<string, unknown>; coordinates: unknown }>) => ({
  type: 'FeatureCollection',
  features: features.map((f) => ({ type: 'Feature', properties: f.properties, geometry: { type: 'Polygon', coordinates: f.coordinates } })),
});

/** "Official" town boundaries for tests: the approximate cells, written as a GIS export would (GCJ-02, 12-digit codes). */
function officialTownsFile(): string {
  const parsed = parseBoundary(readOutlineText(), { crs: 'gcj02' });
  if (!parsed.ok) throw new Error('outline');
  const cells = approximateTowns(polygonsOf(parsed.shapes[0].geometry), towns).features;
  const toGcj = (g: AreaGeometry) => ({ type: 'MultiPolygon', coordinates: polygonsOf(g).map((p) => p.map((r) => r.map(wgs84ToGcj02))) });
  const features = cells
    .filter((c) => c.properties.name !== '运河街道')
    .map((c) => ({ type: 'Feature', properties: { XZQDM: `${c.properties.code}000`, XZQMC: c.properties.name }, geometry: toGcj(c.geometry) }));
  features.push({ type: 'Feature', properties: { XZQDM: '330113999000', XZQMC: '测试镇' }, geometry: { type: 'MultiPolygon', coordinates: [[square(120.5, 30.5, 0.01)]] } });
  return write('towns-official.geojson', { type: 'FeatureCollection', features });
}

describe('map priority', () => {
  it('shows the schematic (示意图) when nothing is configured', () => {
    const m = createMapProvider(mapConfig({})).get('district', towns);
    expect(m).toMatchObject({ kind: 'schematic', level: 'district', outline: null, notices: [] });
    expect(m.labelZh).toContain('示意图');
    expect(m.geojson.features.map((f) => f.properties.code)).toEqual(towns.map((t) => t.code));
  });

  it('approximates towns inside a configured outline (近似)', () => {
    const m = createMapProvider(mapConfig({ outline: { path: OUTLINE_PATH, crs: 'gcj02' } })).get('district', towns);
    expect(m.kind).toBe('approximate');
    expect(m.labelZh).toContain('近似');
    expect(m.outline?.type).toBe('Polygon');
    expect(m.geojson.features).toHaveLength(8);
    expect(m.notices).toEqual([]);
  });

  it('prefers official town boundaries, matching 12-digit codes, and lists mismatches', () => {
    const provider = createMapProvider(mapConfig({
      towns: { path: officialTownsFile(), crs: 'gcj02', codeProperty: 'XZQDM', nameProperty: 'XZQMC' },
      outline: { path: OUTLINE_PATH, crs: 'gcj02' },
    }));
    const m = provider.get('district', towns);
    expect(m.kind).toBe('official');
    expect(m.geojson.features.map((f) => f.properties.code)).toContain('330113004');
    expect(m.notices).toEqual([
      'shape 330113999000 (测试镇) in the towns file matches no town in the data',
      '运河街道 (330113007) has no shape in the towns file',
    ]);
  });

  it('flags seats outside their official shape, the sign of a wrong crs setting', () => {
    // Small shapes (~600 m across) around each seat, written in WGS84 but configured as
    // GCJ-02: the ~500 m shift moves every shape off its seat.
    const features = towns.map((t) => ({ properties: { code: t.code, name: t.name }, coordinates: [square(t.seat[0], t.seat[1], 0.003)] }));
    const path = write('towns-wrong-crs.geojson', fc(features));
    const right = createMapProvider(mapConfig({ towns: { path, crs: 'wgs84' } })).get('district', towns);
    expect(right.notices).toEqual([]);
    const wrong = createMapProvider(mapConfig({ towns: { path, crs: 'gcj02' } })).get('district', towns);
    expect(wrong.kind).toBe('official');
    expect(wrong.notices).toHaveLength(8);
    expect(wrong.notices[0]).toMatch(/^临平街道 \(330113001\): its seat lies \d+ m outside its shape in the towns file — check the file's crs setting/);
  });

  it('resolves relative paths against baseDir', () => {
    write('outline.geojson', readOutlineText());
    const m = createMapProvider(mapConfig({ outline: { path: 'outline.geojson', crs: 'gcj02' } }), { baseDir: dir }).get('district', towns);
    expect(m.kind).toBe('approximate');
  });
});

describe('a bad file keeps the previous map, and says why', () => {
  const bowtie = [[120.2, 30.4], [120.3, 30.5], [120.3, 30.4], [120.2, 30.5], [120.2, 30.4]];
  const badFiles: Array<{ what: string; file: () => Record<string, unknown>; error: RegExp }> = [
    {
      what: 'self-intersecting ring',
      file: () => ({ path: write('bowtie.json', fc([{ properties: { code: '330113004', name: '星桥街道' }, coordinates: [bowtie] }])), crs: 'wgs84' }),
      error: /feature 0 \(星桥街道\), ring 0: self-intersection between edges 0 and 2/,
    },
    {
      what: 'hole outside its shell',
      file: () => ({ path: write('nesting.json', fc([{ properties: { code: '330113004' }, coordinates: [square(120.25, 30.4, 0.02), square(120.4, 30.4, 0.01)] }])), crs: 'wgs84' }),
      error: /feature 0, ring 1: hole is not inside the outer ring/,
    },
    {
      what: 'non-numeric coordinates',
      file: () => ({ path: write('nan.json', fc([{ properties: { code: '330113004' }, coordinates: [[[120.2, 30.4], [120.3, 'x'], [120.3, 30.5], [120.2, 30.4]]] }])), crs: 'wgs84' }),
      error: /feature 0, ring 0, vertex 1: coordinate \[120.3,"x"\] is not a number pair/,
    },
    {
      what: 'unknown CRS',
      file: () => ({ path: write('ok.json', fc([{ properties: { code: '330113004' }, coordinates: [square(120.25, 30.4, 0.02)] }])), crs: 'EPSG:3857' }),
      error: /unknown CRS 'EPSG:3857' \(expected gcj02 or wgs84\)/,
    },
    {
      what: 'malformed JSON',
      file: () => ({ path: write('broken.json', '{"type": "FeatureCollection", "features": [\n{"type": "Feature",'), crs: 'wgs84' }),
      error: /malformed JSON: Expected double-quoted property name .*\(line 2 column 20\)/,
    },
    {
      what: 'TopoJSON with a missing object',
      file: () => ({
        path: write('topo.json', { type: 'Topology', objects: { districts: { type: 'GeometryCollection', geometries: [] } }, arcs: [] }),
        crs: 'wgs84', object: 'towns',
      }),
      error: /TopoJSON object 'towns' not found \(objects in the file: districts\)/,
    },
    {
      what: 'a town without a code',
      file: () => ({
        path: write('nocode.json', fc([
          { properties: { code: '330113004', name: '星桥街道' }, coordinates: [square(120.25, 30.4, 0.01)] },
          { properties: { name: '乔司街道' }, coordinates: [square(120.28, 30.35, 0.01)] },
        ])),
        crs: 'wgs84', codeProperty: 'code',
      }),
      error: /feature 1 \(乔司街道\): property 'code' missing or empty \(properties present: name\)/,
    },
    { what: 'a missing file', file: () => ({ path: join(dir, 'nope.geojson'), crs: 'wgs84' }), error: /file not found: .*nope\.geojson/ },
  ];

  for (const bad of badFiles) {
    it(bad.what, () => {
      const provider = createMapProvider(mapConfig({ outline: { path: OUTLINE_PATH, crs: 'gcj02' } }));
      const before = provider.get('district', towns);
      // The outline in the new config is fine: the reload is all or nothing.
      const result = provider.reload({ ...mapConfig({ outline: { path: OUTLINE_PATH, crs: 'gcj02' } }), towns: bad.file() as never });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors.join('\n')).toMatch(bad.error);
      expect(result.errors[0]).toMatch(/^map\.towns \(.+\): /);
      const after = provider.get('district', towns);
      expect(after.kind).toBe('approximate');
      expect(after.geojson).toEqual(before.geojson);
      expect(after.notices.join('\n')).toMatch(bad.error);
      expect(after.notices.at(-1)).toMatch(/previous map stays in use/);
    });
  }

  it('a file over the size cap (50 MB) is refused before it is read', () => {
    const big = join(dir, 'big.geojson');
    // A valid GeoJSON padded with whitespace past 50 MB: only the size can reject it.
    writeFileSync(big, `{"type":"Polygon","coordinates":[${JSON.stringify(square(120.25, 30.4, 0.02))}]${' '.repeat(51 * 1024 * 1024)}}`);
    const provider = createMapProvider(mapConfig({ outline: { path: OUTLINE_PATH, crs: 'gcj02' } }));
    const parse = vi.spyOn(JSON, 'parse');
    const result = provider.reload(mapConfig({ outline: { path: big, crs: 'wgs84' } }));
    const parsedBig = parse.mock.calls.some(([text]) => typeof text === 'string' && text.length > 50 * 1024 * 1024);
    parse.mockRestore();
    expect(parsedBig).toBe(false);
    expect(result).toEqual({ ok: false, errors: [`map.outline (${big}): file is 51.0 MB, over the 50.0 MB limit; simplify the boundaries (e.g. mapshaper -simplify) or raise the limit`] });
    expect(provider.get('district', towns).kind).toBe('approximate');
    // The same file is fine with a higher cap.
    expect(createMapProvider(mapConfig({ outline: { path: big, crs: 'wgs84' } }), { maxBytes: 60 * 1024 * 1024 }).get('district', towns).kind).toBe('approximate');
  });

  it('a bad file at start-up falls back to the next map and says why', () => {
    const path = write('startup-bad.json', '{');
    const m = createMapProvider(mapConfig({ towns: { path, crs: 'wgs84' }, outline: { path: OUTLINE_PATH, crs: 'gcj02' } })).get('district', towns);
    expect(m.kind).toBe('approximate');
    expect(m.notices[0]).toMatch(/^map\.towns \(.*startup-bad\.json\): malformed JSON/);
    expect(m.notices.at(-1)).toMatch(/lower-priority map is shown/);
  });

  it('a good reload replaces the map and clears the notices', () => {
    const provider = createMapProvider(mapConfig({}));
    expect(provider.reload(mapConfig({ outline: { path: write('bad2.json', '[]'), crs: 'wgs84' } })).ok).toBe(false);
    expect(provider.get('district', towns).notices).toHaveLength(2);
    expect(provider.reload(mapConfig({ outline: { path: OUTLINE_PATH, crs: 'gcj02' } }))).toEqual({ ok: true });
    const m = provider.get('district', towns);
    expect(m.kind).toBe('approximate');
    expect(m.notices).toEqual([]);
  });
});

describe('city level', () => {
  it('without a city file, shows the district and says so', () => {
    const m = createMapProvider(mapConfig({})).get('city', towns);
    expect(m.level).toBe('district');
    expect(m.notices[0]).toMatch(/no city boundary file/);
  });

  it('with a city file, shows its districts', () => {
    const path = write('city.json', fc([
      { properties: { adcode: 330113, name: '临平区' }, coordinates: [square(120.25, 30.42, 0.1)] },
      { properties: { adcode: 330110, name: '余杭区' }, coordinates: [square(119.9, 30.3, 0.1)] },
    ]));
    const m = createMapProvider(mapConfig({ city: { path, crs: 'wgs84' } })).get('city', towns);
    expect(m).toMatchObject({ kind: 'official', level: 'city' });
    expect(m.geojson.features.map((f) => f.properties)).toEqual([{ code: '330113', name: '临平区' }, { code: '330110', name: '余杭区' }]);
  });
});
