import { app, type Session, type WebContents } from 'electron';
import type { Logger } from '../../core/log/logger';
import { isAllowedRequest, isInAppNavigation } from '../security/requestPolicy';
import { openExternalChecked } from './external';

/**
 * Session-wide rules from Electron's security checklist: no permission is ever granted, and
 * no request leaves the app: pages load only from app://cockpit (and the dev server while
 * developing). The cockpit talks to district services from the core process, never from a page.
 */
export function hardenSession(session: Session, trustedOrigins: readonly string[], logger: Logger): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    logger.warn('permission request denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));

  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, trustedOrigins);
    if (!allowed) logger.warn('request blocked (no remote content)', { url: details.url.slice(0, 200) });
    callback({ cancel: !allowed });
  });
}

/**
 * Per-page rules, applied to every webContents the app creates: no navigation away, no new
 * windows (an allow-listed https link goes to the system browser instead), no <webview>.
 */
export function hardenAllWebContents(getAllowedHosts: () => readonly string[], trustedOrigins: readonly string[], logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, getAllowedHosts, trustedOrigins, logger));
}

function hardenContents(contents: WebContents, getAllowedHosts: () => readonly string[], trustedOrigins: readonly string[], logger: Logger): void {
  const stayInApp = (event: { preventDefault(): void }, url: string): void => {
    if (!isInAppNavigation(url, trustedOrigins)) {
      event.preventDefault();
      logger.warn('navigation denied', { url: url.slice(0, 200) });
    }
  };
  contents.on('will-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-frame-navigate', (event) => stayInApp(event, event.url));
  contents.on('will-redirect', (event) => stayInApp(event, event.url));

  contents.setWindowOpenHandler(({ url }) => {
    // Never a new Electron window; an allow-listed https link opens in the system browser.
    void openExternalChecked(url, getAllowedHosts(), logger);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('webview denied');
  });
}
