import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { UiLocale } from '../../shared/ipc';

const LABELS = {
  'zh-CN': { app: '驾驶舱', view: '视图', reload: '重新加载', fullscreen: '全屏', quit: '退出' },
  en: { app: 'Cockpit', view: 'View', reload: 'Reload', fullscreen: 'Full screen', quit: 'Quit' },
} as const;

/**
 * A wall shows no menu at all; a desktop window gets a small one in the UI's language.
 * There is deliberately no developer-tools item (packaged builds disable devtools).
 */
export function applyMenu(onWall: boolean, locale: UiLocale): void {
  if (onWall) {
    Menu.setApplicationMenu(null);
    return;
  }
  const t = LABELS[locale];
  const template: MenuItemConstructorOptions[] = [
    { label: t.app, submenu: [{ label: t.quit, role: 'quit' }] },
    { label: t.view, submenu: [{ label: t.reload, role: 'reload' }, { label: t.fullscreen, role: 'togglefullscreen' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
