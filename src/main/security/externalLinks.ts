/**
 * Which links may leave the app for the system browser. shell.openExternal hands a URL to the
 * OS, which will happily run file:, smb: or custom-scheme handlers; so only https:// to hosts
 * the operator listed in the configuration (links.allowedHosts) gets through.
 */
export type ExternalCheck = { ok: true; url: string } | { ok: false; reason: string };

export function checkExternalUrl(candidate: unknown, allowedHosts: readonly string[]): ExternalCheck {
  if (typeof candidate !== 'string' || candidate.length === 0) return { ok: false, reason: 'no URL given' };
  if (candidate.length > 2048) return { ok: false, reason: 'URL longer than 2048 characters' };
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: `scheme ${url.protocol} is not allowed (https only)` };
  if (url.username || url.password) return { ok: false, reason: 'URLs with credentials are not opened' };
  const host = url.hostname.toLowerCase();
  if (!allowedHosts.some((pattern) => hostMatches(host, pattern.toLowerCase()))) {
    return { ok: false, reason: `host ${host} is not in links.allowedHosts` };
  }
  // Hand the OS the URL as parsed and re-serialised, never the raw input.
  return { ok: true, url: url.href };
}

/** "example.org" matches itself only; "*.example.org" matches its subdomains, not itself. */
export function hostMatches(host: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1); // ".example.org"
    return host.endsWith(suffix) && host.length > suffix.length;
  }
  return host === pattern;
}
