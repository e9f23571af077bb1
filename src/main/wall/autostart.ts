/**
 * Start at login. Windows and macOS have app.setLoginItemSettings; on Linux Electron does not
 * implement it, so we write an XDG autostart entry (~/.config/autostart/<id>.desktop) instead.
 */
export const AUTOSTART_FILE_NAME = 'district-cockpit.desktop';

/** The .desktop file that starts `exec` with `args` at login. */
export function linuxAutostartEntry(exec: string, args: readonly string[], name = 'District Cockpit 区域平安驾驶舱'): string {
  const line = [exec, ...args].map(quoteExecArg).join(' ');
  return ['[Desktop Entry]', 'Type=Application', `Name=${name}`, `Exec=${line}`, 'X-GNOME-Autostart-enabled=true', 'Terminal=false', ''].join('\n');
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
