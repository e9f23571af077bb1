import { shell } from 'electron';
import type { Logger } from '../../core/log/logger';
import { checkExternalUrl } from '../security/externalLinks';

/**
 * The app's only call to shell.openExternal. The URL handed to the OS is always the output
 * of checkExternalUrl: https, a host from links.allowedHosts, no credentials, re-serialised.
 */
export async function openExternalChecked(url: unknown, allowedHosts: readonly string[], logger: Logger): Promise<{ opened: boolean; reason: string | null }> {
  const check = checkExternalUrl(url, allowedHosts);
  if (!check.ok) {
    logger.warn('external link refused', { reason: check.reason });
    return { opened: false, reason: check.reason };
  }
  await shell.openExternal(check.url);
  return { opened: true, reason: null };
}
