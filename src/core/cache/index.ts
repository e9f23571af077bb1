export { openCache, FULL_CHECK_MAX_BYTES, type OpenCacheOptions } from './openCache';
export { CACHE_TABLES, QUARANTINE_PER_ENDPOINT_MAX, QUARANTINE_TOTAL_MAX } from './cache';
export { CacheWriteError, describeSqliteError } from './errors';
export { loadMigrations, migrationsFromFiles, shippedMigrations, MIGRATIONS_DIR, type Migration } from './migrations';
export { FEED_TABLES, type FeedRecord } from './feedRows';
export type * from './types';
export { BULK_PAGE_MIN_ROWS } from './cache';
