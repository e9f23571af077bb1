/**
 * The isolated 3D map: an extruded map3D (echarts-gl) where height is the risk score and
 * colour the five-colour level. It has no bridge and no network; data arrives only as a
 * validated 'render' message from the parent window.
 */
import '@fontsource/noto-sans-sc/400.css';
import './style.css';
import * as echarts from 'echarts/core';
import { GeoComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
// The whole of echarts-gl on top of echarts/core: importing only 'echarts-gl/charts' lets the
// bundler drop modules that register shaders as a side effect (echarts-gl's sideEffects list
// is incomplete), and map3D then logs missing shaders.
import 'echarts-gl';
import { LEVELS, STANDARD_VOCABULARY } from '../../shared/contract';
import { LEVEL_COLORS, NO_DATA_COLOR } from '../palette/levelColors';
import { isRenderMessage, type Map3DFrameMessage, type Map3DRenderMessage } from './protocol';

// map3D reads region shapes through echarts' geo component: without it, it draws nothing.
echarts.use([CanvasRenderer, GeoComponent]);

const FONT = "'Noto Sans SC', sans-serif";
/** Extrusion for score 0 and the extra for score 100, in echarts-gl's box units (map ≈ 100 wide). */
const BASE_HEIGHT = 1;
const MAX_EXTRA_HEIGHT = 24;
/** Town labels in the 3D scene, design px (≥ 18 like all wall text; smaller than the 2D map's
 *  26 because the tilted view packs the towns closer). */
const LABEL_SIZE = 20;
const LEVEL_NAMES = Object.fromEntries(STANDARD_VOCABULARY.levels.map((l) => [l.id, l.zh]));

function post(message: Map3DFrameMessage): void {
  // The parent's origin cannot be named from an opaque-origin frame; the data is not secret.
  window.parent.postMessage(message, '*');
}

function webglAvailable(): string | null {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl') ?? canvas.getContext('experimental-webgl');
    return gl ? null : 'WebGL context could not be created';
  } catch (e) {
    return `WebGL failed: ${(e as Error).message}`;
  }
}

let chart: echarts.EChartsType | null = null;
/** Region name → code of the town it shows, for the towns the last render message gave. */
let townByRegion = new Map<string, string>();

async function render(msg: Map3DRenderMessage): Promise<void> {
  // Canvas text uses whatever font is loaded when it draws: load the CJK glyphs first.
  const sample = msg.towns.map((t) => t.name).join('') + msg.labels.provenance;
  await document.fonts.load(`${LABEL_SIZE}px ${FONT}`, sample).catch(() => undefined);

  document.getElementById('provenance')!.textContent = msg.labels.provenance;
  const legend = document.getElementById('legend')!;
  legend.replaceChildren(
    ...LEVELS.map((level) => {
      const item = document.createElement('span');
      item.style.setProperty('--c', LEVEL_COLORS[level]);
      item.textContent = msg.labels.levels?.[level] ?? LEVEL_NAMES[level];
      return item;
    }),
  );

  echarts.registerMap('district', msg.geojson as never);
  const byName = new Map(msg.towns.map((t) => [t.name, t]));
  const regions = new Map<string, string>();
  const data = msg.geojson.features.map((f) => {
    const town = byName.get(f.properties.name) ?? msg.towns.find((t) => t.code === f.properties.code);
    if (town) regions.set(f.properties.name, town.code);
    const score = town?.score ?? null;
    return {
      name: f.properties.name,
      value: score ?? '-',
      height: score === null ? BASE_HEIGHT / 2 : BASE_HEIGHT + (score / 100) * MAX_EXTRA_HEIGHT,
      itemStyle: { color: town?.level ? LEVEL_COLORS[town.level] : NO_DATA_COLOR },
    };
  });

  townByRegion = regions;
  const pixelRatio = msg.pixelRatio ?? window.devicePixelRatio;
  if (chart && chart.getDevicePixelRatio() !== pixelRatio) {
    chart.dispose(); // the pixel ratio is fixed at init: a new wall scale needs a new chart
    chart = null;
  }
  if (!chart) {
    chart = echarts.init(document.getElementById('map')!, null, { renderer: 'canvas', devicePixelRatio: pixelRatio });
    // A click on a region selects its town in the cockpit; regions with no town given are inert.
    chart.on('click', (p: { name?: unknown }) => {
      const code = typeof p.name === 'string' ? townByRegion.get(p.name) : undefined;
      if (code) post({ type: 'select', code });
    });
  }
  // Listen before setOption (which may finish a frame at once). echarts-gl keeps redrawing:
  // report only the first finished frame of each render.
  let reported = false;
  chart.off('finished');
  chart.on('finished', () => {
    if (reported) return;
    reported = true;
    post({ type: 'rendered', features: data.length });
  });
  chart.setOption(
    {
      series: [
        {
          type: 'map3D',
          map: 'district',
          data,
          regionHeight: 1,
          shading: 'lambert',
          label: {
            show: true,
            distance: 2,
            formatter: (p: { name: string; value: unknown }) => (typeof p.value === 'number' ? `${p.name}\n${Math.round(p.value)}` : p.name),
            // Design px: the frame is scaled with the wall, and nothing on the wall is under 18 px.
            textStyle: { color: '#ffffff', fontSize: LABEL_SIZE, fontFamily: FONT, backgroundColor: 'rgba(10,20,40,0.6)', padding: [2, 4] },
          },
          itemStyle: { borderColor: '#0b1a33', borderWidth: 1, opacity: 1 },
          emphasis: { label: { show: true }, itemStyle: { color: '#ffffff' } },
          light: { main: { intensity: 1.2, shadow: false, alpha: 40, beta: 30 }, ambient: { intensity: 0.4 } },
          viewControl: { distance: 170, alpha: 32, beta: 0, autoRotate: false, panMouseButton: 'left', rotateMouseButton: 'right' },
        },
      ],
    } as never,
    true,
  );
}

function start(): void {
  const noWebgl = webglAvailable();
  if (noWebgl) {
    post({ type: 'no-webgl', reason: noWebgl });
    return;
  }
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !isRenderMessage(event.data)) return;
    render(event.data).catch((e: Error) => post({ type: 'error', message: e.message }));
  });
  window.addEventListener('resize', () => chart?.resize());
  post({ type: 'ready' });
}

start();
