/**
 * The one definition of the five-colour (五色) palette. The cockpit page (ECharts options,
 * panels, and — through `applyLevelCssVariables` — its CSS) and the isolated 3D map frame
 * both import it, so the 2D map, the 3D map and the legends can never drift apart.
 */
import type { Level } from '../../shared/contract';
import { LEVELS } from '../../shared/contract';

/**
 * The official five colours of 平安建设"五色图", in shades chosen to stay distinct on a dark
 * wall from 5 m away (and for the common red/green colour-vision deficiency, by lightness).
 */
export const LEVEL_COLORS: Readonly<Record<Level, string>> = {
  red: '#E8312B',
  orange: '#F5841F',
  yellow: '#F5D020',
  blue: '#2F86EB',
  green: '#2BB560',
};

/** Text colour that stays readable on top of each level colour. */
export const LEVEL_INK: Readonly<Record<Level, string>> = {
  red: '#FFFFFF',
  orange: '#1A1200',
  yellow: '#1A1600',
  blue: '#FFFFFF',
  green: '#04170B',
};

/** Map area colour when a town has no rating this week (not a level colour on purpose). */
export const NO_DATA_COLOR = '#3A4556';

/** The CSS custom properties the palette defines: --level-red … --level-green, --level-none. */
export function levelCssVariables(): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const level of LEVELS) vars[`--level-${level}`] = LEVEL_COLORS[level];
  vars['--level-none'] = NO_DATA_COLOR;
  return vars;
}

/** Sets the palette's CSS variables on an element (the page root at start-up). */
export function applyLevelCssVariables(style: Pick<CSSStyleDeclaration, 'setProperty'>): void {
  for (const [name, value] of Object.entries(levelCssVariables())) style.setProperty(name, value);
}
