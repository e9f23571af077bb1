import { describe, expect, it } from 'vitest';
import { html } from './escapeHtml';
import { LEVEL_COLORS, NO_DATA_COLOR } from './levels';
import { aspectScaleFor, buildRiskMapOption, buildSmallMultiplesOption, type MapTown } from './mapOptions';

interface Region {
  name: string;
  townName: string;
  tooltip?: string;
  itemStyle: { areaColor: string; borderColor: string; borderWidth: number };
  emphasis: { itemStyle: { areaColor: string } };
}
interface MapSeries {
  type: string;
  map: string;
  nameProperty: string;
  labelLayout: { hideOverlap: boolean };
  label: { formatter(p: unknown): string };
  data: Region[];
  left: string;
  top: string;
  width: string;
  height: string;
}
const seriesOf = (o: unknown) => (o as { series: MapSeries[] }).series;
const tooltipOf = (o: unknown) => (o as { tooltip: { formatter(p: unknown): string } }).tooltip.formatter;

const towns: MapTown[] = [
  { code: '330113001', name: '临平街道', level: 'red', value: 82 },
  { code: '330113002', name: '南苑街道', level: 'orange' },
  { code: '330113003', name: '东湖街道', level: 'yellow' },
  { code: '330113004', name: '星桥街道', level: 'blue' },
  { code: '330113006', name: '乔司街道', level: 'green' },
  { code: '330113102', name: '塘栖镇', level: null },
];

describe('buildRiskMapOption', () => {
  it('fills each town with its level colour, keyed by code, unrated towns neutral', () => {
    const [s] = seriesOf(buildRiskMapOption({ mapName: 'm', aspectScale: 0.86, towns }));
    expect(s.type).toBe('map');
    expect(s.map).toBe('m');
    expect(s.nameProperty).toBe('code');
    const colour = Object.fromEntries(s.data.map((d) => [d.name, d.itemStyle.areaColor]));
    expect(colour).toEqual({
      '330113001': LEVEL_COLORS.red,
      '330113002': LEVEL_COLORS.orange,
      '330113003': LEVEL_COLORS.yellow,
      '330113004': LEVEL_COLORS.blue,
      '330113006': LEVEL_COLORS.green,
      '330113102': NO_DATA_COLOR,
    });
    // hovering keeps the level colour (no default yellow highlight on a red town)
    for (const d of s.data) expect(d.emphasis.itemStyle.areaColor).toBe(d.itemStyle.areaColor);
    expect(s.labelLayout.hideOverlap).toBe(true);
    // wide walls fit the map into its box instead of stretching it
    expect((s as unknown as { preserveAspect: string }).preserveAspect).toBe('contain');
  });

  it('outlines the selected town', () => {
    const [s] = seriesOf(buildRiskMapOption({ mapName: 'm', aspectScale: 1, towns, selected: '330113004' }));
    const sel = s.data.find((d) => d.name === '330113004')!;
    const other = s.data.find((d) => d.name === '330113001')!;
    expect(sel.itemStyle.borderColor).toBe('#FFFFFF');
    expect(sel.itemStyle.borderWidth).toBeGreaterThan(other.itemStyle.borderWidth);
  });

  it('labels show town names; tooltips carry only escaped data text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const option = buildRiskMapOption({
      mapName: 'm',
      aspectScale: 1,
      towns: [{ code: '330113001', name: hostile, level: 'red', tooltip: html`<b>${hostile}</b>` }, { code: '330113002', name: '{a|x}', level: 'green' }],
    });
    const [s] = seriesOf(option);
    const tip = tooltipOf(option);
    expect(tip({ name: '330113001', data: s.data[0] })).toBe('<b>&lt;img src=x onerror=alert(1)&gt;</b>');
    // a town without a prepared tooltip falls back to its escaped name
    expect(tip({ name: '330113009', data: { townName: hostile } })).not.toContain('<img');
    expect(s.label.formatter({ name: '330113002', data: s.data[1] })).toBe('\u2068ax\u2069'); // isolated: its direction cannot leak into the next label
    expect(s.label.formatter({ name: '330113001', data: s.data[0] })).toBe(`\u2068${hostile}\u2069`);
  });
});

describe('aspectScaleFor', () => {
  it('uses cos(latitude) of the map centre', () => {
    const model = {
      geojson: {
        type: 'FeatureCollection' as const,
        features: [
          {
            type: 'Feature' as const,
            properties: { code: '1', name: 'a' },
            geometry: { type: 'Polygon' as const, coordinates: [[[120.1, 30.3], [120.3, 30.3], [120.3, 30.5], [120.1, 30.3]]] },
          },
        ],
      },
    };
    expect(aspectScaleFor(model)).toBeCloseTo(Math.cos((30.4 * Math.PI) / 180), 6);
  });
});

describe('buildSmallMultiplesOption', () => {
  it('draws every map under its own map name, each in its own non-overlapping cell', () => {
    const maps = Array.from({ length: 18 }, (_, i) => ({ title: `m${i}`, towns: towns.map((t) => ({ ...t, level: i % 2 ? t.level : null })) }));
    const option = buildSmallMultiplesOption({ mapNames: maps.map((_, i) => `m~${i}`), aspectScale: 0.86, maps, columns: 9 });
    const series = seriesOf(option);
    expect(series).toHaveLength(18);
    // ECharts merges map series sharing a map name into one geo: every cell needs its own
    expect(new Set(series.map((s) => s.map)).size).toBe(18);
    expect((option as { title: unknown[] }).title).toHaveLength(18);
    const boxes = series.map((s) => ({ l: parseFloat(s.left), t: parseFloat(s.top), w: parseFloat(s.width), h: parseFloat(s.height) }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const overlap = a.l < b.l + b.w && b.l < a.l + a.w && a.t < b.t + b.h && b.t < a.t + a.h;
        expect(overlap, `cells ${i} and ${j}`).toBe(false);
      }
      expect(boxes[i].l + boxes[i].w).toBeLessThanOrEqual(100);
      expect(boxes[i].t + boxes[i].h).toBeLessThanOrEqual(100);
    }
    // colours follow each map's own levels
    expect(series[0].data[0].itemStyle.areaColor).toBe(NO_DATA_COLOR);
    expect(series[1].data[0].itemStyle.areaColor).toBe(LEVEL_COLORS.red);
  });
});
