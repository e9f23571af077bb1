/**
 * Request headers for a source: its configured headers plus `Authorization: Bearer <token>`
 * from an environment variable or the app's secret store. The token only ever lives in the
 * returned headers; `secrets` lets callers scrub it from any text before it is logged or stored.
 */
import type { DistrictApiSourceConfig } from '../../shared/config';

export interface SourceHeaders {
  headers: Record<string, string>;
  /** Values that must never appear in logs, errors or health. */
  secrets: string[];
}

export class TokenUnavailableError extends Error {}

export async function sourceHeaders(
  source: DistrictApiSourceConfig,
  resolveSecret?: (name: string) => Promise<string | undefined>,
): Promise<SourceHeaders> {
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const [k, v] of Object.entries(source.headers)) headers[k.toLowerCase()] = v;
  // Configured headers may carry credentials too (e.g. X-Api-Key): treat their values as secret.
  const secrets = Object.values(source.headers).filter((v) => v.length >= 8);
  let token: string | undefined;
  if (source.tokenEnv) {
    token = process.env[source.tokenEnv];
    if (!token) throw new TokenUnavailableError(`token: environment variable ${source.tokenEnv} is not set`);
  } else if (source.tokenSecret) {
    token = resolveSecret ? await resolveSecret(source.tokenSecret) : undefined;
    if (!token) throw new TokenUnavailableError(`token: secret "${source.tokenSecret}" is not stored`);
  }
  if (token) {
    headers.authorization = `Bearer ${token}`;
    secrets.push(token);
  }
  return { headers, secrets };
}

/** Replaces every secret in `text` with ***. */
export function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join('***');
  return out;
}
