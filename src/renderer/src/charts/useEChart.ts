import { useEffect, useRef, useState } from 'react';
import { useWallLayout } from '../shell/layout';
import { canvasGlyphsReady } from '../styles/fonts';
import { echarts, type ChartOption, type EChartsType } from './echarts';

export interface ChartClick {
  componentType: string;
  seriesIndex?: number;
  seriesId?: string;
  seriesName?: string;
  name: string;
  dataIndex: number;
  data: unknown;
}

/**
 * What an option draws, as text: everything but its functions. Builders put every data value a
 * formatter shows into the option's data, so equal signatures mean an identical picture.
 */
export function optionSignature(option: ChartOption): string {
  return JSON.stringify(option);
}

const LIVE_CHARTS = new Set<EChartsType>();

/**
 * Draw every chart again, for glyphs that arrived after a chart drew boxes in their place
 * (text outside what canvasGlyphsReady covers). Resizing re-lays and repaints without replaying
 * the opening animation.
 */
function redrawCharts(): void {
  for (const chart of LIVE_CHARTS) if (!chart.isDisposed()) chart.resize();
}

let awaitedGlyphs: Array<Promise<unknown>> = [];

/** Load the faces `font` needs for `text`, then redraw the charts (once for all texts asked for in one pass). */
export function redrawChartsWhenLoaded(font: string, text: string): void {
  awaitedGlyphs.push(document.fonts.load(font, text).catch(() => []));
  if (awaitedGlyphs.length > 1) return;
  queueMicrotask(() => {
    const all = awaitedGlyphs;
    awaitedGlyphs = [];
    void Promise.all(all).then(redrawCharts);
  });
}

/** Canvas pixels per design px: sharp on a 7680-px wall whose canvas is scaled up 4×. */
export function chartPixelRatio(windowDpr: number, layoutScale: number): number {
  return Math.min(6, Math.max(1, (windowDpr || 1) * layoutScale));
}

/**
 * Owns one ECharts instance for the lifetime of an element: created once (after the glyphs
 * of the UI and the district have loaded, or canvas text would be drawn as boxes), given each new option
 * whole (`notMerge`, so removed series really go away), resized with its box, and disposed
 * on unmount so switching pages all day leaks neither canvases nor listeners. The instance
 * is recreated only when the wall's scale changes the pixel ratio.
 */
export function useEChart(option: ChartOption | null, onClick?: (p: ChartClick) => void) {
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const optionRef = useRef(option);
  const clickRef = useRef(onClick);
  const seq = useRef(0);
  const applied = useRef<string | null>(null);
  optionRef.current = option;
  clickRef.current = onClick;
  const layout = useWallLayout();
  const dpr = chartPixelRatio(typeof window !== 'undefined' ? window.devicePixelRatio : 1, layout.scale);

  // Apply an option once the glyphs canvas text needs are loaded; a newer option overtakes an
  // older one. A refetch that changed nothing this chart shows is skipped: redrawing would
  // replay the animation and close a tooltip a leader is reading.
  const apply = (opt: ChartOption | null): void => {
    if (!opt) return;
    const signature = optionSignature(opt);
    if (signature === applied.current) return;
    const mine = ++seq.current;
    void canvasGlyphsReady().then(() => {
      if (mine === seq.current && chartRef.current && !chartRef.current.isDisposed()) {
        chartRef.current.setOption(opt, { notMerge: true });
        applied.current = signature;
        // Tests and benchmarks wait for this: the chart has drawn its data, not just its frame.
        chartRef.current.getDom().dataset.drawn = 'true';
      }
    });
  };

  useEffect(() => {
    if (!el) return;
    let cancelled = false;
    let chart: EChartsType | null = null;
    let observer: ResizeObserver | null = null;
    void canvasGlyphsReady().then(() => {
      if (cancelled) return;
      chart = echarts.init(el, null, { renderer: 'canvas', devicePixelRatio: dpr });
      chartRef.current = chart;
      LIVE_CHARTS.add(chart);
      applied.current = null;
      chart.on('click', (p) => clickRef.current?.(p as unknown as ChartClick));
      observer = new ResizeObserver(() => chart?.resize());
      observer.observe(el);
      apply(optionRef.current);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      if (chart) LIVE_CHARTS.delete(chart);
      chart?.dispose();
      chartRef.current = null;
    };
  }, [el, dpr]);

  useEffect(() => {
    if (chartRef.current) apply(option);
  }, [option]);

  return { ref: setEl, chart: chartRef };
}
