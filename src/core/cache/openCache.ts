/**
 * Opening the cache file: pragmas, an integrity check, numbered migrations. A file that is
 * corrupt, not SQLite at all, or from a newer app is moved aside and a fresh cache created —
 * the cache only holds what the sources can resend, so a resync rebuilds it and the wall keeps
 * running instead of refusing to start.
 */
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { silentLogger, type Logger } from '../log/logger';
import { createCache } from './cache';
import { describeSqliteError } from './errors';
import { readModelSchema } from '../readModel/schema';
import { latestVersion, mergeMigrations, migrate, SchemaTooNewError, shippedMigrations, type Migration } from './migrations';
import type { Cache, SchemaPart } from './types';

export interface OpenCacheOptions {
  logger?: Logger;
  /** Keep events, disputes and KPI history this many days (config cache.retentionDays). */
  retentionDays?: number;
  /** Clock, ms; tests pass a fake one. */
  now?: () => number;
  /** How long a write waits for another connection's lock, ms. */
  busyTimeoutMs?: number;
  /**
   * The schema the read model owns, run with the cache's (default: the read model's, for
   * `timeZone`); null leaves it out (the cache's own tables only, for benches and cache tests).
   */
  schema?: SchemaPart | null;
  /** The district's time zone for the read model's tallies (config district.timeZone). */
  timeZone?: string;
  /** Default: the cache's shipped migrations and the schema part's. */
  migrations?: Migration[];
}

/**
 * Above this size `quick_check` replaces `integrity_check`: the full check also cross-checks
 * every index against its table (O(N log N)) and takes seconds on a large cache, delaying the
 * wall's first picture on every start; quick_check still reads every page and catches the
 * damage a crash or a bad disk leaves (broken b-trees, malformed records, freelist errors).
 */
export const FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024;

class UnusableCacheError extends Error {}

export function openCache(path: string, opts: OpenCacheOptions = {}): Cache {
  const logger = opts.logger ?? silentLogger;
  const now = opts.now ?? Date.now;
  const schema = opts.schema === undefined ? readModelSchema({ timeZone: opts.timeZone }) : opts.schema;
  const migrations = opts.migrations ?? mergeMigrations(shippedMigrations(), schema?.migrations ?? []);
  const open = (file: string) => openChecked(file, opts, migrations, schema);

  let rebuiltFrom: string | null = null;
  let unavailable: string | null = null;
  let db: Opened;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = open(path);
  } catch (err) {
    if (path === ':memory:') throw err;
    const reason = err instanceof Error ? err.message : String(err);
    if (isUnusable(err)) {
      rebuiltFrom = moveAside(path, now());
      logger.warn(`cache: ${path} is unusable (${reason}); moved it to ${rebuiltFrom} and started a fresh cache — the next sync rebuilds it`);
      db = open(path);
    } else {
      // Cannot create or write the file at all (read-only disk, a directory in the way, no
      // permission): keep the wall running on a cache in memory, and say so.
      unavailable = describeSqliteError(err);
      logger.error(`cache: cannot open ${path} (${reason}); running on an in-memory cache until this is fixed and the app restarts`);
      db = open(':memory:');
    }
  }
  return createCache(db.db, {
    eventPages: db.eventPages,
    path,
    unavailable,
    rebuiltFrom,
    schemaVersion: latestVersion(migrations),
    logger,
    now,
    retentionDays: opts.retentionDays ?? 400,
  });
}

interface Opened {
  db: Database.Database;
  eventPages: ReturnType<SchemaPart['install']>['eventPages'];
}

function openChecked(path: string, opts: OpenCacheOptions, migrations: Migration[], schema: SchemaPart | null): Opened {
  const db = new Database(path, { timeout: opts.busyTimeoutMs ?? 5000 });
  try {
    // The first statement that reads the header fails on a non-SQLite file (SQLITE_NOTADB).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Statement journals (every write that fires a trigger) and the screens' GROUP BY b-trees
    // stay in memory instead of temp files: event writes measured 1.8× faster. Scratch space
    // only; no data or durability changes.
    db.pragma('temp_store = MEMORY');
    const size = path === ':memory:' || !existsSync(path) ? 0 : statSync(path).size;
    const check = size > FULL_CHECK_MAX_BYTES ? 'quick_check' : 'integrity_check';
    const result = db.pragma(`${check}(1)`, { simple: true });
    if (result !== 'ok') throw new UnusableCacheError(`${check}: ${String(result)}`);
    migrate(db, migrations);
    const installed = schema?.install(db) ?? { eventPages: null };
    return { db, eventPages: installed.eventPages };
  } catch (err) {
    db.close();
    throw err;
  }
}

function isUnusable(err: unknown): boolean {
  if (err instanceof UnusableCacheError || err instanceof SchemaTooNewError) return true;
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'));
}

/** Renames the file and its WAL/SHM companions to `<path>.corrupt-<timestamp>`; returns the new path. */
function moveAside(path: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let target = `${path}.corrupt-${stamp}`;
  for (let n = 2; existsSync(target); n++) target = `${path}.corrupt-${stamp}-${n}`;
  renameSync(path, target);
  // A WAL left beside a fresh file would be replayed into it: move it with its database.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
  }
  return target;
}
