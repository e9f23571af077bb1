/**
 * Start at login. Windows and macOS have app.setLoginItemSettings; on Linux Electron does not
 * implement it, so we write an XDG autostart entry (~/.config/autostart/<id>.desktop) instead.
 */
import type { Locale } from '../../shared/i18n';
import { mainText } from '../i18n/messages';

export const AUTOSTART_FILE_NAME = 'district-cockpit.desktop';

/** The .desktop file that starts `exec` with `args` at login, named in English and (for zh_CN desktops) Chinese. */
export function linuxAutostartEntry(exec: string, args: readonly string[]): string {
  const line = [exec, ...args].map(quoteExecArg).join(' ');
  const name = (locale: Locale) => mainText(locale)('app.name');
  return ['[Desktop Entry]', 'Type=Application', `Name=${name('en')}`, `Name[zh_CN]=${name('zh-CN')}`, `Exec=${line}`, 'X-GNOME-Autostart-enabled=true', 'Terminal=false', ''].join('\n');
}

/**
 * Quoting per the Desktop Entry spec: arguments with reserved characters go in double quotes,
 * with " ` $ \ escaped; a literal % is written %% (field codes start with %).
 */
export function quoteExecArg(arg: string): string {
  const escapedPercent = arg.replace(/%/g, '%%');
  if (!/[\s"'\\><~|&;$*?#()`=]/.test(arg)) return escapedPercent;
  return `"${escapedPercent.replace(/(["`$\\])/g, '\\$1')}"`;
}
