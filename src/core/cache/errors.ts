/**
 * A write the cache could not make (disk full, read-only, locked, I/O error). The sync engine
 * turns it into health ('down', lastError = message) instead of crashing; the transaction was
 * rolled back, so the last good data stays.
 */
export class CacheWriteError extends Error {
  constructor(
    message: string,
    /** SQLite's extended code, e.g. SQLITE_FULL. */
    readonly sqliteCode: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CacheWriteError';
  }
}

/** A short, operator-readable reason for an SQLite failure, prefixed with 'cache: '. */
export function describeSqliteError(err: unknown): string {
  const code = sqliteCode(err) ?? '';
  if (code.startsWith('SQLITE_FULL')) return 'cache: disk full';
  if (code.startsWith('SQLITE_READONLY')) return 'cache: read-only';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'cache: locked by another process';
  if (code.startsWith('SQLITE_IOERR')) return `cache: I/O error (${code})`;
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return 'cache: database corrupt';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'cache: cannot open the database file';
  const message = err instanceof Error ? err.message : String(err);
  return `cache: ${message}`;
}

export function sqliteCode(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** Runs a write; SQLite failures come out as CacheWriteError, anything else as is. */
export function guardWrite<T>(write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (sqliteCode(err)) throw new CacheWriteError(describeSqliteError(err), sqliteCode(err), { cause: err });
    throw err;
  }
}
