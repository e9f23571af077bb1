import type { Level } from '../../../shared/contract';
import { LEVELS } from '../../../shared/contract';

/**
 * The official five colours of 平安建设"五色图", in shades chosen to stay distinct on a dark
 * wall from 5 m away (and for the common red/green colour-vision deficiency, by lightness).
 */
export const LEVEL_COLORS: Record<Level, string> = {
  red: '#E8312B',
  orange: '#F5841F',
  yellow: '#F5D020',
  blue: '#2F86EB',
  green: '#2BB560',
};

/** Text colour that stays readable on top of each level colour. */
export const LEVEL_INK: Record<Level, string> = {
  red: '#FFFFFF',
  orange: '#1A1200',
  yellow: '#1A1600',
  blue: '#FFFFFF',
  green: '#04170B',
};

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

/** Map area colour when a town has no rating this week (not a level colour on purpose). */
export const NO_DATA_COLOR = '#3A4556';
