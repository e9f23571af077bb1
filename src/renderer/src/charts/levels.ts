import type { Level } from '../../../shared/contract';
import { LEVELS } from '../../../shared/contract';

// The palette itself lives in one module shared with the 3D frame; re-exported for the charts.
export { LEVEL_COLORS, LEVEL_INK, NO_DATA_COLOR } from '../../theme/levelColors';

/** The colour word and the risk it stands for: 红 = 高风险 … 绿 = 低风险. */
export const LEVEL_NAMES: Record<Level, { colourZh: string; colourEn: string; riskZh: string; riskEn: string; shortEn: string }> = {
  red: { colourZh: '红', colourEn: 'Red', riskZh: '高风险', riskEn: 'High risk', shortEn: 'High' },
  orange: { colourZh: '橙', colourEn: 'Orange', riskZh: '较高风险', riskEn: 'Relatively high', shortEn: 'Rel. high' },
  yellow: { colourZh: '黄', colourEn: 'Yellow', riskZh: '中风险', riskEn: 'Medium', shortEn: 'Medium' },
  blue: { colourZh: '蓝', colourEn: 'Blue', riskZh: '较低风险', riskEn: 'Relatively low', shortEn: 'Rel. low' },
  green: { colourZh: '绿', colourEn: 'Green', riskZh: '低风险', riskEn: 'Low', shortEn: 'Low' },
};

export { LEVELS };

/** Lower is riskier: red = 0. Used to pick "the worst" town. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}
