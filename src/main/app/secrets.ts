import { safeStorage } from 'electron';
import type { CockpitConfig } from '../../shared/config';
import { secretRefsOf } from '../../shared/sources';
import { SecretStore, secureStorageProblem } from '../secrets/secretStore';

export interface SecureStorageState {
  backend: string;
  usable: boolean;
  problem: string | null;
}

/** Call after app 'ready': before it, safeStorage answers 'unknown'. */
export function secureStorageState(): SecureStorageState {
  const available = safeStorage.isEncryptionAvailable();
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform === 'win32' ? 'dpapi' : 'keychain';
  const problem = secureStorageProblem(process.platform, available, process.platform === 'linux' ? backend : null);
  return { backend, usable: problem === null, problem };
}

/** A SecretStore backed by safeStorage; throws when the OS storage is unusable (never basic_text). */
export function openSecretStore(file: string): SecretStore {
  const state = secureStorageState();
  if (!state.usable) throw new Error(`secure storage refused: ${state.problem}`);
  return new SecretStore(file, {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(data),
  });
}

/** Secret names the configuration refers to (a source's tokenSecret, or a {"secret": name} of its auth or password). */
export function secretNames(config: CockpitConfig): string[] {
  return [...new Set(config.sources.flatMap((s) => secretRefsOf(s).flatMap((r) => ('secret' in r ? [r.secret] : []))))];
}
