/**
 * The map the core serves to the 'map' query. Priority: official town boundaries from
 * configuration → towns approximated inside a configured district outline → the built-in
 * schematic from seat points. Files are validated on load; a rejected reload keeps the
 * previous map in use and says why in the model's notices.
 */
import polygonClipping from 'polygon-clipping';
import type { CockpitConfig } from '../../shared/config';
import type { MapModel } from '../../shared/readModel';
import { approximateTowns, asGeometry } from '../../shared/geo/approximate';
import { canonicalCode } from '../../shared/geo/codes';
import { distanceMetres } from '../../shared/geo/crs';
import { nearestBoundaryPoint, pointInMultiPolygon } from '../../shared/geo/geometry';
import { MAP_LABELS } from '../../shared/geo/labels';
import { schematicTowns } from '../../shared/geo/schematic';
import { polygonsOf, type DivisionShape, type MultiPolygonCoords, type TownSeat } from '../../shared/geo/types';
import { silentLogger, type Logger } from '../log/logger';
import { DEFAULT_MAX_BOUNDARY_BYTES, loadBoundaryFile, resolveBoundaryPath } from './loadBoundaryFile';

export type MapConfig = CockpitConfig['map'];
type Slot = 'towns' | 'outline' | 'city';
const SLOTS: Slot[] = ['towns', 'outline', 'city'];

export interface MapProviderOptions {
  logger?: Logger;
  /** Largest boundary file accepted, bytes (default 50 MB). Checked before reading. */
  maxBytes?: number;
  /** Folder relative boundary paths are resolved against (default: the working directory). */
  baseDir?: string;
}

export interface MapProvider {
  get(level: 'city' | 'district', towns: TownSeat[]): MapModel;
  reload(newMapConfig: MapConfig): { ok: true } | { ok: false; errors: string[] };
}

/** The validated contents of the configured files. */
interface LoadedMap {
  towns: DivisionShape[] | null;
  outline: MultiPolygonCoords | null;
  city: DivisionShape[] | null;
}

type FeatureOut = MapModel['geojson']['features'][number];

/**
 * A town's seat should lie inside its official shape. When it does not, the usual cause is a
 * wrong `crs` setting (GCJ-02 vs WGS84 differ by ~500 m here), so say that.
 */
function checkSeat(town: TownSeat, shape: DivisionShape, notices: string[]): void {
  const polygons = polygonsOf(shape.geometry);
  if (pointInMultiPolygon(town.seat, polygons)) return;
  const metres = Math.round(distanceMetres(town.seat, nearestBoundaryPoint(town.seat, polygons)));
  notices.push(`${town.name} (${town.code}): its seat lies ${metres} m outside its shape in the towns file — check the file's crs setting (gcj02 or wgs84)`);
}

function collection(features: FeatureOut[]): MapModel['geojson'] {
  return { type: 'FeatureCollection', features };
}

function unionOf(shapes: DivisionShape[]): MultiPolygonCoords {
  const polys = shapes.flatMap((s) => polygonsOf(s.geometry));
  return polys.length ? (polygonClipping.union(polys[0], ...polys.slice(1)) as MultiPolygonCoords) : [];
}

/** Loads every configured file; per slot either its data or its errors. */
function loadAll(config: MapConfig, opts: Required<Omit<MapProviderOptions, 'logger'>>) {
  const loaded: LoadedMap = { towns: null, outline: null, city: null };
  const errors: Partial<Record<Slot, string[]>> = {};
  for (const slot of SLOTS) {
    const file = config[slot];
    if (!file) continue;
    const result = loadBoundaryFile(file, { maxBytes: opts.maxBytes, baseDir: opts.baseDir, requireCode: slot !== 'outline' });
    if (!result.ok) {
      const path = resolveBoundaryPath(file, opts.baseDir);
      errors[slot] = result.errors.map((e) => `map.${slot} (${path}): ${e}`);
      continue;
    }
    if (slot === 'outline') loaded.outline = unionOf(result.shapes);
    else loaded[slot] = result.shapes;
  }
  return { loaded, errors };
}

export function createMapProvider(mapConfig: MapConfig, opts: MapProviderOptions = {}): MapProvider {
  const logger = opts.logger ?? silentLogger;
  const loadOpts = { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BOUNDARY_BYTES, baseDir: opts.baseDir ?? process.cwd() };

  // At start-up there is no previous map: use every file that loads, fall back for the rest.
  const first = loadAll(mapConfig, loadOpts);
  let current: LoadedMap = first.loaded;
  /** Why the map is not what the configuration asks for; shown until a reload succeeds. */
  let rejection: string[] = Object.values(first.errors).flat();
  for (const e of rejection) logger.warn('boundary file rejected', { error: e });
  if (rejection.length) rejection = [...rejection.slice(0, 20), '↳ a lower-priority map is shown until the file is fixed and reloaded'];
  let officialOutline: MultiPolygonCoords | null = null;
  let memo: { key: string; model: MapModel } | null = null;

  function districtModel(towns: TownSeat[]): MapModel {
    const notices = [...rejection];
    if (current.towns) {
      const byCode = new Map(towns.map((t) => [canonicalCode(t.code), t]));
      const matched = new Set<string>();
      const features: FeatureOut[] = current.towns.map((shape) => {
        const code = canonicalCode(shape.code ?? '');
        const town = byCode.get(code);
        if (town) {
          matched.add(code);
          checkSeat(town, shape, notices);
        } else if (towns.length) notices.push(`shape ${shape.code}${shape.name ? ` (${shape.name})` : ''} in the towns file matches no town in the data`);
        return { type: 'Feature', properties: { code: town?.code ?? code, name: town?.name ?? shape.name ?? code }, geometry: shape.geometry };
      });
      for (const t of towns) if (!matched.has(canonicalCode(t.code))) notices.push(`${t.name} (${t.code}) has no shape in the towns file`);
      officialOutline ??= current.outline ?? unionOf(current.towns);
      return {
        kind: 'official', labelZh: MAP_LABELS.official.zh, labelEn: MAP_LABELS.official.en, level: 'district',
        geojson: collection(features), outline: asGeometry(officialOutline), notices,
      };
    }
    if (current.outline) {
      const approx = approximateTowns(current.outline, towns);
      if (!towns.length) notices.push('no towns in the data yet: only the district outline is drawn');
      return {
        kind: 'approximate', labelZh: MAP_LABELS.approximate.zh, labelEn: MAP_LABELS.approximate.en, level: 'district',
        geojson: collection(approx.features), outline: asGeometry(approx.outline), notices: [...notices, ...approx.notices],
      };
    }
    const schematic = schematicTowns(towns);
    if (!towns.length) notices.push('no towns in the data yet: the schematic map is empty');
    return {
      kind: 'schematic', labelZh: MAP_LABELS.schematic.zh, labelEn: MAP_LABELS.schematic.en, level: 'district',
      geojson: collection(schematic.features), outline: null, notices,
    };
  }

  function cityModel(towns: TownSeat[]): MapModel {
    if (!current.city) {
      const model = districtModel(towns);
      return { ...model, notices: ['no city boundary file (map.city) is configured: showing the district', ...model.notices] };
    }
    const features: FeatureOut[] = current.city.map((shape) => ({
      type: 'Feature',
      properties: { code: shape.code ?? String(shape.index), name: shape.name ?? shape.code ?? `#${shape.index}` },
      geometry: shape.geometry,
    }));
    return {
      kind: 'official', labelZh: MAP_LABELS.official.zh, labelEn: MAP_LABELS.official.en, level: 'city',
      geojson: collection(features), outline: null, notices: [...rejection],
    };
  }

  return {
    get(level, towns) {
      const usable = towns.filter((t) => Array.isArray(t.seat) && Number.isFinite(t.seat[0]) && Number.isFinite(t.seat[1]));
      const key = JSON.stringify([level, usable]);
      if (memo?.key !== key) {
        const model = level === 'city' ? cityModel(usable) : districtModel(usable);
        for (const t of towns) if (!usable.includes(t)) model.notices.push(`${t.name} (${t.code}) has no valid seat point`);
        memo = { key, model };
      }
      return memo.model;
    },
    reload(newMapConfig) {
      const next = loadAll(newMapConfig, loadOpts);
      const errors = Object.values(next.errors).flat();
      if (errors.length) {
        // All or nothing: a half-applied reload would mix two configurations.
        for (const e of errors) logger.warn('boundary reload rejected', { error: e });
        rejection = [...errors.slice(0, 20), '↳ the previous map stays in use until the file is fixed and reloaded'];
        memo = null;
        return { ok: false, errors };
      }
      current = next.loaded;
      rejection = [];
      officialOutline = null;
      memo = null;
      logger.info('boundary files loaded', { towns: !!current.towns, outline: !!current.outline, city: !!current.city });
      return { ok: true };
    },
  };
}
