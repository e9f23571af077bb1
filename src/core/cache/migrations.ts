import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

/** One numbered schema step: migrations/NNN_name.sql → version NNN. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** The migrations folder next to this module (a bundler may pass its own list instead). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Builds the ordered list from file names and their SQL. Numbers may leave gaps (owners of
 * different parts reserve ranges) but never repeat; a new migration must take a number above
 * every existing one, because a database only remembers the highest version it reached.
 */
export function migrationsFromFiles(files: Record<string, string>): Migration[] {
  const list: Migration[] = [];
  for (const [fileName, sql] of Object.entries(files)) {
    const base = fileName.split(/[\\/]/).pop() ?? fileName;
    const m = FILE_NAME.exec(base);
    if (!m) continue;
    list.push({ version: Number(m[1]), name: m[2], sql });
  }
  list.sort((a, b) => a.version - b.version);
  list.forEach((mig, i) => {
    if (mig.version < 1 || (i > 0 && mig.version === list[i - 1].version)) {
      throw new Error(`cache migrations: duplicate or invalid version in ${String(mig.version).padStart(3, '0')}_${mig.name}.sql`);
    }
  });
  return list;
}

/** Several owners' lists as one sequence (each number used once across all of them). */
export function mergeMigrations(...lists: Migration[][]): Migration[] {
  return migrationsFromFiles(Object.fromEntries(lists.flat().map((m) => [`${String(m.version).padStart(3, '0')}_${m.name}.sql`, m.sql])));
}

type ViteImportMeta = { glob(pattern: string, options: object): Record<string, string> };

/**
 * The migrations that ship with this module. A Vite build (the Electron bundle, vitest) inlines
 * the SQL files here at build time, since a bundle has no migrations folder beside it; plain
 * Node (tsx: the CLIs and benches) has no import.meta.glob and reads them from disk instead.
 */
export function shippedMigrations(): Migration[] {
  let inlined: Record<string, string> | undefined;
  try {
    inlined = (import.meta as unknown as ViteImportMeta).glob('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });
  } catch {
    inlined = undefined; // not under Vite
  }
  return inlined ? migrationsFromFiles(inlined) : loadMigrations();
}

/** Reads migrations/NNN_name.sql from a folder (default: the one next to this module). */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    if (FILE_NAME.test(name)) files[name] = readFileSync(`${dir}/${name}`, 'utf8');
  }
  return migrationsFromFiles(files);
}

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`cache schema version ${found} is newer than this app knows (${known})`);
  }
}

/**
 * Applies every migration above PRAGMA user_version, each in its own transaction together with
 * the version bump, so a crash leaves the database at a whole version. Returns the new version.
 */
export function migrate(db: Database.Database, migrations: Migration[]): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(migrations);
  if (current > latest) throw new SchemaTooNewError(current, latest);
  for (const mig of migrations.filter((m) => m.version > current)) {
    db.transaction(() => {
      db.exec(mig.sql);
      db.pragma(`user_version = ${mig.version}`);
    })();
  }
  return latest;
}

export function latestVersion(migrations: Migration[]): number {
  return migrations.length ? migrations[migrations.length - 1].version : 0;
}
