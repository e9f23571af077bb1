import type { Level } from '../../shared/contract';

/** The five-colour map's colours (红 橙 黄 蓝 绿), tuned to stay distinct on a dark wall. */
export const LEVEL_COLORS: Record<Level, string> = {
  red: '#e8362f',
  orange: '#f5871f',
  yellow: '#f2cf1d',
  blue: '#2f7fe0',
  green: '#2fa84f',
};

/** Towns the map has no risk data for. */
export const NO_DATA_COLOR = '#4a5568';
