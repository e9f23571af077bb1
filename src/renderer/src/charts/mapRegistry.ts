import { useMemo } from 'react';
import type { MapModel } from '../../../shared/readModel';
import { useQuery } from '../data/useQuery';
import { echarts } from './echarts';
import { aspectScaleFor } from './mapOptions';

/** FNV-1a: a cheap content key, so refetching the same map does not register it again. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

const registered = new Set<string>();

function register(name: string, model: MapModel): string {
  if (!registered.has(name)) {
    echarts.registerMap(name, model.geojson as unknown as Parameters<typeof echarts.registerMap>[1]);
    registered.add(name);
  }
  return name;
}

/** Registers the model's GeoJSON with ECharts once per distinct content; returns its map name. */
export function registerMapModel(model: MapModel): string {
  return register(`cockpit-${model.kind}-${fnv1a(JSON.stringify(model.geojson))}`, model);
}

/**
 * `count` names for the same shapes. ECharts folds every map series of one map name into a
 * single geo (one layout, values merged), so small multiples need a name each; the GeoJSON
 * object itself is shared, and the set of names is bounded by the number of cells.
 */
export function registerMapVariants(model: MapModel, count: number): string[] {
  const base = registerMapModel(model);
  return Array.from({ length: count }, (_, i) => (i === 0 ? base : register(`${base}~${i}`, model)));
}

/** The `map` query, registered and ready to draw: every map on every page shares it. */
export function useMapModel() {
  const q = useQuery('map', {});
  const ready = useMemo(() => {
    if (!q.data) return null;
    return { model: q.data, mapName: registerMapModel(q.data), aspectScale: aspectScaleFor(q.data) };
  }, [q.data]);
  return { ...q, ready };
}
