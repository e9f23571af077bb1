/**
 * The read model's part of the cache's schema: its tables and indexes (migrations/, numbered in
 * the one sequence the cache keeps), the tally triggers derived from eventTallies.ts for the
 * district's time zone, and the writer for big pages of events. openCache runs it with its own.
 */
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { DEFAULT_TIME_ZONE, districtTime } from '../../../shared/districtTime';
import { loadMigrations, migrationsFromFiles, type Migration } from '../../cache/migrations';
import type { SchemaPart } from '../../cache/types';
import { createBulkEventWriter } from './bulkTallies';
import { rebuildTallies, TALLY_TRIGGERS, tallyTriggers } from './eventTallies';

const ZONE_KEY = 'readModel.timeZone';

type ViteImportMeta = { glob(pattern: string, options: object): Record<string, string> };

/** This folder's migrations: inlined by a Vite build, read from disk under plain Node (as the cache's). */
export function readModelMigrations(): Migration[] {
  let inlined: Record<string, string> | undefined;
  try {
    inlined = (import.meta as unknown as ViteImportMeta).glob('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });
  } catch {
    inlined = undefined; // not under Vite
  }
  return inlined ? migrationsFromFiles(inlined) : loadMigrations(fileURLToPath(new URL('./migrations/', import.meta.url)));
}

export interface ReadModelSchemaOptions {
  /** The district's time zone (config district.timeZone); default: the one the tallies were counted in. */
  timeZone?: string;
}

export function readModelSchema(opts: ReadModelSchemaOptions = {}): SchemaPart {
  return {
    migrations: readModelMigrations(),
    install(db: Database.Database) {
      // Caches from before the zone was configurable were counted in China Standard Time.
      const counted = (db.prepare('SELECT value FROM cache_meta WHERE key = ?').pluck().get(ZONE_KEY) as string | undefined) ?? DEFAULT_TIME_ZONE;
      const time = districtTime(opts.timeZone ?? counted);
      const wanted = tallyTriggers(time);
      const installed = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events' ORDER BY name`).all() as Array<{ name: string; sql: string }>;
      const same = installed.length === wanted.length && wanted.every((w) => installed.some((t) => t.name === w.name && t.sql === w.sql));
      const rezoned = districtTime(counted).offsetMs !== time.offsetMs;
      if (!same || rezoned) {
        db.transaction(() => {
          for (const name of Object.values(TALLY_TRIGGERS)) db.exec(`DROP TRIGGER IF EXISTS ${name}`);
          for (const t of wanted) db.exec(t.sql);
          // Days are counted in the district's zone: another zone means every day-keyed tally moves.
          if (rezoned) rebuildTallies(db, time);
          db.prepare('INSERT INTO cache_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(ZONE_KEY, time.timeZone);
        })();
      }
      return { eventPages: (upsert) => createBulkEventWriter(db, upsert, time) };
    },
  };
}
