import { protocol, type Session } from 'electron';
import type { Logger } from '../../core/log/logger';
import { APP_SCHEME } from '../security/appProtocol';
import { createAppRequestHandler } from '../security/serveAppRequest';

/**
 * app:// must be declared privileged before the app is ready: `standard` gives it real
 * origins and relative URLs, `secure` makes it a secure context like https. `corsEnabled` only
 * so that the sandboxed 3D frame (an opaque origin) can load /assets/*: the handler sends
 * Access-Control-Allow-Origin on those files alone, never on pages or data.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, corsEnabled: true } },
  ]);
}

/** Serves out/renderer on app://cockpit/ for `session`, with the CSP header on every page. */
export function serveRenderer(session: Session, rendererDir: string, logger: Logger): void {
  session.protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir, logger));
}
