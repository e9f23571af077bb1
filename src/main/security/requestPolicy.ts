import { APP_ORIGIN, APP_SCHEME } from './appProtocol';

/**
 * Which URLs a page may load (session.webRequest) and navigate to (will-navigate, …).
 * `trustedOrigins` is app://cockpit, plus the dev server's origin in an unpackaged dev run.
 */

/** Any request a page makes: our origin, inline data, DevTools; in development the dev server and its HMR socket. */
export function isAllowedRequest(url: string, trustedOrigins: readonly string[]): boolean {
  if (url.startsWith(`${APP_SCHEME}:`)) return url.startsWith(`${APP_ORIGIN}/`);
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools://')) return true;
  for (const origin of trustedOrigins) {
    if (url.startsWith(`${origin}/`)) return true;
    // Vite's hot-reload socket on the dev server (http://localhost:5173 → ws://localhost:5173/).
    if (/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin) && url.startsWith(`ws${origin.slice(4)}/`)) return true;
  }
  return false;
}

/** Navigation stays inside the app: nothing else may replace the cockpit page. */
export function isInAppNavigation(url: string, trustedOrigins: readonly string[]): boolean {
  return trustedOrigins.some((origin) => url.startsWith(`${origin}/`));
}
