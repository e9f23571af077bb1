import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/i18n';
import { mainText } from '../i18n/messages';

/**
 * A wall shows no menu at all; a desktop window gets a small one in the UI's language.
 * There is deliberately no developer-tools item (packaged builds disable devtools).
 */
export function applyMenu(onWall: boolean, locale: Locale): void {
  if (onWall) {
    Menu.setApplicationMenu(null);
    return;
  }
  const t = mainText(locale);
  const template: MenuItemConstructorOptions[] = [
    { label: t('menu.app'), submenu: [{ label: t('menu.quit'), role: 'quit' }] },
    { label: t('menu.view'), submenu: [{ label: t('menu.reload'), role: 'reload' }, { label: t('menu.fullscreen'), role: 'togglefullscreen' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
