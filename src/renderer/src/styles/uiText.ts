import { CONSULTATION_CATEGORY_NAMES, EVENT_TYPE_NAMES, PERSONNEL_ROLE_NAMES, STANDARD_VOCABULARY } from '../../../shared/contract';
import { en } from '../i18n/messages/en';
import { zhCN } from '../i18n/messages/zh-CN';

/** Every string inside a small value (a vocabulary, a catalogue): its names and units. */
export function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

/**
 * What the wall draws, known before any data: the catalogue's texts (both languages), the
 * contract's names for event types, roles and categories, the standard vocabulary, figures.
 * Its glyphs load at start-up (styles/fonts.ts), and the build preloads the font subsets
 * that hold them from the page itself (electron.vite.config.ts), before any code runs.
 */
export const UI_TEXT =
  '0123456789.,:%+−-—·/()（）：、ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz' +
  stringsOf([zhCN, en, EVENT_TYPE_NAMES, PERSONNEL_ROLE_NAMES, CONSULTATION_CATEGORY_NAMES, STANDARD_VOCABULARY]).join('');
