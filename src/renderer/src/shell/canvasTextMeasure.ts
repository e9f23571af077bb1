import { setPlatformAPI } from 'echarts/core';

/** Measurements on one canvas before it is replaced (its text caches go with it). */
export const MEASUREMENTS_PER_CANVAS = 2_000;

/**
 * ECharts measures label widths on one hidden canvas for the life of the page. Chromium keeps
 * a shaping cache per canvas that is trimmed only when that canvas presents a frame — which a
 * hidden canvas never does — so every distinct string ever measured (each new count, each new
 * time on an axis) stays cached: ~4.5 kB per live update on the events page, tens of MB a day
 * on a wall. Measuring on a canvas that is replaced every MEASUREMENTS_PER_CANVAS calls lets
 * the old one, and its cache, be collected. (ECharts keeps its own small LRU of widths, so
 * this runs only for strings it has not seen recently.)
 *
 * Every text ECharts draws is measured here first, so this is also where text whose glyphs
 * are not loaded yet is noticed: `onMissingGlyphs` gets it (to load them and redraw).
 */
export function installCanvasTextMeasure(onMissingGlyphs: (text: string, font: string) => void): void {
  let ctx: CanvasRenderingContext2D | null = null;
  let font = '';
  let uses = 0;
  setPlatformAPI({
    measureText(text: string, textFont?: string) {
      if (!ctx || uses >= MEASUREMENTS_PER_CANVAS) {
        ctx = document.createElement('canvas').getContext('2d');
        font = '';
        uses = 0;
      }
      uses++;
      const wanted = textFont || '12px sans-serif';
      if (ctx && font !== wanted) ctx.font = font = wanted;
      if (text && !document.fonts.check(wanted, text)) onMissingGlyphs(text, wanted);
      return ctx ? ctx.measureText(text ?? '') : ({ width: 0 } as TextMetrics);
    },
  });
}
