/**
 * Electron main's own texts (menus, the window title, the login entry) in both languages.
 * Keys and parameters as in the renderer's catalogue; see src/shared/i18n.ts.
 */
import { translator, type Locale, type Translate, type Translation } from '../../shared/i18n';

export const zhCN = {
  'app.name': '区域平安驾驶舱',
  /** The window title when the config names the wall ("临平区 · 区域平安驾驶舱"). */
  'app.titled': '{title} · 区域平安驾驶舱',
  'menu.app': '驾驶舱',
  'menu.view': '视图',
  'menu.reload': '重新加载',
  'menu.fullscreen': '全屏',
  'menu.quit': '退出',
} as const;

export const en: Translation<typeof zhCN> = {
  'app.name': 'District Cockpit',
  'app.titled': '{title} · District Cockpit',
  'menu.app': 'Cockpit',
  'menu.view': 'View',
  'menu.reload': 'Reload',
  'menu.fullscreen': 'Full screen',
  'menu.quit': 'Quit',
};

export const MAIN_MESSAGES = { 'zh-CN': zhCN, en } as const;

export type MainT = Translate<typeof zhCN>;

const TRANSLATORS: Record<Locale, MainT> = { 'zh-CN': translator<typeof zhCN>('zh-CN', zhCN), en: translator<typeof zhCN>('en', en) };

export function mainText(locale: Locale): MainT {
  return TRANSLATORS[locale];
}
