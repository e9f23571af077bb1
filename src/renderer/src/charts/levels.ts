import type { Level } from '../../../shared/contract';
import { LEVELS } from '../../../shared/contract';

// The palette itself lives in one module shared with the 3D frame; re-exported for the charts.
export { LEVEL_COLORS, LEVEL_INK, NO_DATA_COLOR } from '../../palette/levelColors';

export type LevelText = 'colour' | 'risk' | 'short' | 'count';

/**
 * The catalogue key of one of a level's names: its colour word (红 / Red), the risk it stands
 * for (高风险 / High risk), the risk in few letters (English "Rel. high"), and its word in a
 * count summary (红 3 / High 3).
 */
export function levelKey<W extends LevelText>(level: Level, what: W): `level.${Level}.${W}` {
  return `level.${level}.${what}`;
}

export { LEVELS };

/** Lower is riskier: red = 0. Used to pick "the worst" town. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** How levels are drawn besides their colour: a wall profile's `levels` (config `levels`). */
export interface LevelDisplay {
  /** Each level also carries a pattern on maps (ECharts decals) and on legend swatches. */
  patterns: boolean;
  /** White borders, stronger patterns, outlined text. */
  highContrast: boolean;
}

export const DEFAULT_LEVEL_DISPLAY: LevelDisplay = { patterns: true, highContrast: false };

/** An ECharts decal (see https://echarts.apache.org/en/option.html#aria.decal.decals). */
export interface LevelDecal {
  symbol: 'rect' | 'circle' | 'triangle' | 'none';
  symbolSize: number;
  dashArrayX: number[] | number[][];
  dashArrayY: number[];
  rotation: number;
  color?: string;
}

/**
 * One pattern per level, so a reader who cannot tell the colours apart can tell the areas
 * apart: red dense diagonal stripes, orange dots, yellow sparse horizontal lines, blue a grid
 * of squares, green plain (the quietest level carries the quietest texture). The CSS
 * swatches in wall/duty.css draw the same patterns for legends.
 */
export const LEVEL_DECALS: Readonly<Record<Level, LevelDecal | null>> = {
  red: { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [4, 3], rotation: Math.PI / 4 },
  orange: { symbol: 'circle', symbolSize: 0.8, dashArrayX: [[6, 4]], dashArrayY: [6, 4], rotation: 0 },
  yellow: { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 9], rotation: 0 },
  blue: { symbol: 'rect', symbolSize: 1, dashArrayX: [[4, 4]], dashArrayY: [4, 4], rotation: 0 },
  green: null,
};

/** The decal a map area of `level` carries under `display`, or undefined (plain). */
export function levelDecal(level: Level | null, display: LevelDisplay): (LevelDecal & { color: string }) | undefined {
  const d = level && display.patterns ? LEVEL_DECALS[level] : null;
  if (!d) return undefined;
  return { ...d, color: display.highContrast ? 'rgba(0, 0, 0, 0.6)' : 'rgba(4, 10, 20, 0.42)' };
}
