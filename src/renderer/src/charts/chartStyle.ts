/**
 * Wall typography and colours for canvas charts. Sizes are CSS px on the 1920×1080 design
 * canvas; nothing smaller than 18 px so a leader can read it from the back of the room.
 */
import { FONT_STACK } from '../styles/fonts';

export const CHART_FONT = FONT_STACK;
/**
 * Charts animate changes, not arrival: a page (first load, a clicker switch, the rotation)
 * appears complete at once, and a value that moves while it is shown moves visibly.
 */
export const MOTION = { animationDuration: 0, animationDurationUpdate: 400 } as const;
export const FS = { small: 18, body: 20, label: 22, title: 24 } as const;
export const INK = { text: '#E6EEF8', muted: '#9FB3CB', axis: '#4A5E78', grid: '#22324A', bg: 'transparent' } as const;
/** Categorical series colours (towns, categories) kept apart from the five level colours. */
export const SERIES_COLORS = ['#4FC3F7', '#B39DDB', '#80CBC4', '#FFAB91', '#CE93D8', '#A5D6A7', '#90CAF9', '#FFE082', '#F48FB1', '#BCAAA4'];

export const tooltipBase = {
  trigger: 'item' as const,
  confine: true,
  backgroundColor: 'rgba(8,16,30,0.94)',
  borderColor: '#3A5578',
  textStyle: { color: INK.text, fontSize: FS.body, fontFamily: CHART_FONT },
  extraCssText: 'max-width:640px;white-space:normal;line-height:1.45;',
};

export const axisLabel = { color: INK.muted, fontSize: FS.small, fontFamily: CHART_FONT };
export const axisLine = { lineStyle: { color: INK.axis } };
export const splitLine = { lineStyle: { color: INK.grid } };
export const textStyle = { color: INK.text, fontSize: FS.body, fontFamily: CHART_FONT };
