/** Looking up a secret named in the configuration: an environment variable or the app's secure storage. */
import type { SecretRef } from '../../shared/sources';
import type { ReaderDeps } from '../sync/reader';

export class SecretUnavailableError extends Error {}

export async function resolveSecretRef(ref: SecretRef, deps: ReaderDeps, what: string): Promise<string> {
  if ('env' in ref) {
    const v = process.env[ref.env];
    if (!v) throw new SecretUnavailableError(`${what}: environment variable ${ref.env} is not set`);
    return v;
  }
  const v = deps.resolveSecret ? await deps.resolveSecret(ref.secret) : undefined;
  if (!v) throw new SecretUnavailableError(`${what}: secret "${ref.secret}" is not stored`);
  return v;
}
