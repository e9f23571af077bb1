import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretStore, secureStorageProblem, type SecretCipher } from './secretStore';

/** A real AES-GCM cipher standing in for the OS keyring, which only exists inside Electron. */
function aesCipher(key = randomBytes(32)): SecretCipher {
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(data) {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

describe('SecretStore', () => {
  it('stores values encrypted, never in plain text, readable by this user only', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cockpit-secrets-')), 'secrets.json');
    const store = new SecretStore(file, aesCipher());
    store.set('linping-token', 'tok_9f8e7d6c5b4a');
    expect(store.get('linping-token')).toBe('tok_9f8e7d6c5b4a');
    expect(readFileSync(file, 'utf8')).not.toContain('tok_9f8e7d6c5b4a');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(store.names()).toEqual(['linping-token']);
    expect(store.delete('linping-token')).toBe(true);
    expect(store.get('linping-token')).toBeUndefined();
  });

  it('resolves the names a configuration asks for, reporting missing and undecryptable ones', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cockpit-secrets-')), 'secrets.json');
    new SecretStore(file, aesCipher()).set('other-user', 'x'); // encrypted with another key
    const store = new SecretStore(file, aesCipher());
    store.set('a', '1');
    expect(store.resolve(['a', 'b', 'other-user', 'a'])).toEqual({ values: { a: '1' }, missing: ['b'], failed: ['other-user'] });
  });

  it('rejects bad names and empty values', () => {
    const store = new SecretStore(join(mkdtempSync(join(tmpdir(), 'cockpit-secrets-')), 's.json'), aesCipher());
    expect(() => store.set('has space', 'v')).toThrow(/secret name "has space"/);
    expect(() => store.set('ok', '')).toThrow(/empty value/);
  });
});

describe('secureStorageProblem', () => {
  it("refuses Linux's basic_text fallback and an unavailable store", () => {
    expect(secureStorageProblem('linux', true, 'basic_text')).toMatch(/no keyring/);
    expect(secureStorageProblem('linux', true, 'gnome_libsecret')).toBeNull();
    expect(secureStorageProblem('linux', true, 'kwallet5')).toBeNull();
    expect(secureStorageProblem('win32', true, null)).toBeNull();
    expect(secureStorageProblem('darwin', false, null)).toMatch(/not available/);
  });
});
