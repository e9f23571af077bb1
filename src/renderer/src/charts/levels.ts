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
