import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Encrypts with the OS keyring (Electron's safeStorage in the app; any cipher in tests). */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

interface SecretFile {
  version: 1;
  /** name → base64 of the encrypted bytes. Never the plain value. */
  secrets: Record<string, string>;
}

const NAME = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Source tokens named in the configuration (sources[].tokenSecret), kept encrypted in one
 * file in the app's data folder. The configuration file holds only the name, so it can be
 * shared and versioned; the value never leaves this machine's keyring unencrypted on disk.
 */
export class SecretStore {
  constructor(
    readonly filePath: string,
    private readonly cipher: SecretCipher,
  ) {}

  names(): string[] {
    return Object.keys(this.read().secrets).sort();
  }

  get(name: string): string | undefined {
    const stored = this.read().secrets[name];
    return stored === undefined ? undefined : this.cipher.decrypt(Buffer.from(stored, 'base64'));
  }

  set(name: string, value: string): void {
    if (!NAME.test(name)) throw new Error(`secret name "${name}": use 1–100 letters, digits, dot, dash or underscore`);
    if (value.length === 0) throw new Error(`secret "${name}": empty value`);
    const file = this.read();
    file.secrets[name] = this.cipher.encrypt(value).toString('base64');
    this.write(file);
  }

  delete(name: string): boolean {
    const file = this.read();
    if (!(name in file.secrets)) return false;
    delete file.secrets[name];
    this.write(file);
    return true;
  }

  /** Values for the given names; names without a stored value are reported, not thrown. */
  resolve(names: readonly string[]): { values: Record<string, string>; missing: string[]; failed: string[] } {
    const values: Record<string, string> = {};
    const missing: string[] = [];
    const failed: string[] = [];
    for (const name of new Set(names)) {
      try {
        const v = this.get(name);
        if (v === undefined) missing.push(name);
        else values[name] = v;
      } catch {
        failed.push(name); // e.g. encrypted under another user's keyring
      }
    }
    return { values, missing, failed };
  }

  private read(): SecretFile {
    let text: string;
    try {
      text = readFileSync(this.filePath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, secrets: {} };
      throw err;
    }
    const parsed = JSON.parse(text) as Partial<SecretFile>;
    if (parsed.version !== 1 || typeof parsed.secrets !== 'object' || parsed.secrets === null) {
      throw new Error(`${this.filePath}: not a secrets file of version 1`);
    }
    return { version: 1, secrets: { ...parsed.secrets } };
  }

  private write(file: SecretFile): void {
    mkdirSync(dirname(this.filePath), { recursive: true });
    // Write then rename, so a crash never leaves half a file; readable by this user only.
    const tmp = `${this.filePath}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.filePath);
    try {
      chmodSync(this.filePath, 0o600);
    } catch {
      /* not supported on every file system (e.g. FAT on Windows); the content is encrypted anyway */
    }
  }
}

/**
 * Why the OS secure storage must not be used, or null when it may. On Linux without a
 * keyring (no GNOME Keyring / KWallet), Electron falls back to 'basic_text': a hard-coded
 * key, i.e. obfuscation, not encryption. We refuse that rather than pretend.
 */
export function secureStorageProblem(platform: string, encryptionAvailable: boolean, linuxBackend: string | null): string | null {
  if (!encryptionAvailable) return 'the OS secure storage is not available';
  if (platform === 'linux' && (linuxBackend === 'basic_text' || linuxBackend === 'unknown')) {
    return `no keyring on this Linux session (backend "${linuxBackend}"): install and unlock GNOME Keyring or KWallet, or use tokenEnv`;
  }
  return null;
}
