import type { Level } from '../../../shared/contract';
import type { MapModel } from '../../../shared/readModel';
import type { SafeHtml } from './escapeHtml';
import { DEFAULT_LEVEL_DISPLAY, LEVEL_COLORS, levelDecal, NO_DATA_COLOR, type LevelDisplay } from './levels';
import { CHART_FONT, FS, INK, tooltipBase, MOTION } from './chartStyle';
import { isolate, srcHtml } from '../text/sourceText';
import { MapChart } from 'echarts/charts';
import { TitleComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { echarts, type ChartOption } from './echarts';

// The chart types these builders draw, registered where they are used (see echarts.ts).
echarts.use([MapChart, TitleComponent, LabelLayout]);

/** One town as a map draws it. `tooltip` is markup built with html`` (already escaped). */
export interface MapTown {
  code: string;
  name: string;
  level: Level | null;
  value?: number | null;
  tooltip?: SafeHtml;
}

/**
 * Lon/lat degrees are not square away from the equator: a degree of longitude is cos(lat)
 * as long as a degree of latitude. ECharts' default (0.75) would squash Linping (30.4° N).
 */
export function aspectScaleFor(model: Pick<MapModel, 'geojson'>): number {
  let min = Infinity;
  let max = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      min = Math.min(min, c[1]);
      max = Math.max(max, c[1]);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of model.geojson.features) visit(f.geometry.coordinates);
  if (!Number.isFinite(min)) return 0.86;
  return Math.cos((((min + max) / 2) * Math.PI) / 180);
}

function regionData(towns: MapTown[], selected: string | null | undefined, display: LevelDisplay = DEFAULT_LEVEL_DISPLAY) {
  return towns.map((t) => {
    const color = t.level ? LEVEL_COLORS[t.level] : NO_DATA_COLOR;
    const isSelected = t.code === selected;
    const decal = levelDecal(t.level, display);
    const itemStyle = {
      areaColor: color,
      borderColor: isSelected || display.highContrast ? '#FFFFFF' : '#0A1424',
      borderWidth: isSelected ? 4 : display.highContrast ? 2.5 : 1.5,
      ...(decal ? { decal } : {}),
    };
    return {
      name: t.code,
      value: t.value ?? null,
      townName: t.name,
      level: t.level,
      tooltip: t.tooltip?.__html,
      itemStyle,
      // Hovering must not repaint a red town in ECharts' default highlight yellow.
      emphasis: { itemStyle: { ...itemStyle, areaColor: color, borderColor: '#FFFFFF', borderWidth: 3 } },
    };
  });
}

interface RegionParam {
  name: string;
  data?: { townName?: string; tooltip?: string } | null;
}

function tooltipFormatter(p: unknown): string {
  const { name, data } = p as RegionParam;
  return data?.tooltip ?? srcHtml(data?.townName ?? name).__html;
}

function labelFormatter(p: unknown): string {
  const { name, data } = p as RegionParam;
  // Canvas text, not HTML; strip rich-text braces so a name cannot restyle the label.
  return isolate(String(data?.townName ?? name).replace(/[{}|]/g, ''));
}

/** The main five-colour map: every town filled with its level colour and labelled. */
export function buildRiskMapOption(input: {
  mapName: string;
  aspectScale: number;
  towns: MapTown[];
  selected?: string | null;
  labelSize?: number;
  /** Patterns and contrast besides the colours (the wall profile's `levels`). */
  display?: LevelDisplay;
}): ChartOption {
  return {
    ...MOTION,
    tooltip: { ...tooltipBase, formatter: tooltipFormatter },
    series: [
      {
        type: 'map',
        map: input.mapName,
        nameProperty: 'code',
        aspectScale: input.aspectScale,
        // Fit the box without stretching: a wide wall must not widen the district.
        preserveAspect: 'contain',
        roam: false,
        selectedMode: false,
        // Room at the top for the provenance label and at the bottom for the legend.
        left: '4%',
        right: '4%',
        top: '9%',
        bottom: '11%',
        label: {
          show: true,
          formatter: labelFormatter,
          color: '#FFFFFF',
          fontSize: input.labelSize ?? FS.label,
          fontWeight: 'bold',
          fontFamily: CHART_FONT,
          textBorderColor: 'rgba(0,0,0,0.85)',
          textBorderWidth: 4,
        },
        // Labels that would overlap (small towns, narrow walls) are hidden, never stacked.
        labelLayout: { hideOverlap: true },
        emphasis: { label: { show: true, color: '#FFFFFF' } },
        data: regionData(input.towns, input.selected, input.display),
      },
    ],
  };
}

/** One small map of a grid: a title and the towns coloured by that measure's level. */
export interface SmallMultiple {
  title: string;
  towns: MapTown[];
}

/**
 * Many small maps in ONE chart instance (one canvas, one GeoJSON): the five dimension maps
 * and the twelve indicator maps (分图) side by side. `mapNames[i]` must be distinct per map
 * (see registerMapVariants), else ECharts would draw them all as one.
 */
export function buildSmallMultiplesOption(input: {
  mapNames: string[];
  aspectScale: number;
  maps: SmallMultiple[];
  columns: number;
  selected?: string | null;
  /** Width of one cell in px, when known: longer titles are cut with … instead of overlapping. */
  cellWidthPx?: number;
  display?: LevelDisplay;
}): ChartOption {
  const cols = Math.max(1, input.columns);
  const rows = Math.max(1, Math.ceil(input.maps.length / cols));
  const cellW = 100 / cols;
  const cellH = 100 / rows;
  const titleShare = 0.2; // top band of each cell holds its title
  return {
    animation: false,
    tooltip: { ...tooltipBase, formatter: tooltipFormatter },
    title: input.maps.map((m, i) => ({
      text: m.title.replace(/[{}|]/g, ''),
      left: `${(i % cols) * cellW + cellW / 2}%`,
      top: `${Math.floor(i / cols) * cellH + 0.5}%`,
      textAlign: 'center',
      textStyle: {
        color: INK.text,
        fontSize: FS.small,
        fontWeight: 'normal',
        fontFamily: CHART_FONT,
        ...(input.cellWidthPx ? { width: Math.max(40, input.cellWidthPx - 10), overflow: 'truncate' } : {}),
      },
    })),
    series: input.maps.map((m, i) => {
      const col = i % cols;
      const row = Math.floor(i / cols);
      return {
        type: 'map',
        name: m.title,
        map: input.mapNames[i] ?? input.mapNames[0],
        nameProperty: 'code',
        aspectScale: input.aspectScale,
        preserveAspect: 'contain',
        roam: false,
        selectedMode: false,
        left: `${col * cellW + cellW * 0.06}%`,
        width: `${cellW * 0.88}%`,
        top: `${row * cellH + cellH * titleShare}%`,
        height: `${cellH * (1 - titleShare - 0.04)}%`,
        label: { show: false },
        emphasis: { label: { show: false } },
        data: regionData(m.towns, input.selected, input.display),
      };
    }),
  };
}
