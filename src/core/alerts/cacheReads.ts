/**
 * The two things the alert engine reads from the sync cache directly, because no screen asks
 * for them: warnings it has not seen yet (a screen only lists the latest 20, a burst can be
 * 50), and which sources have finished their first sync of an endpoint (before that, what
 * arrives is history being backfilled, not news).
 */
import type { Database } from 'better-sqlite3';
import { warningSchema, type Warning } from '../../shared/contract';
import { SOURCE_FILTER, sourcesParam } from '../readModel/sources';

export interface UnseenWarning {
  sourceId: string;
  warning: Warning;
}

export const WARNING_WATCH_PREFIX = 'w:';

export function createAlertCacheReads(db: Database, sourceIds: string[]) {
  const sources = sourcesParam(sourceIds);
  const unseen = db.prepare<{ sources: string | null; prefix: string }, { source_id: string; json: string }>(
    `SELECT source_id, json FROM warnings
     WHERE ${SOURCE_FILTER}
       AND NOT EXISTS (SELECT 1 FROM alert_watch a WHERE a.key = :prefix || source_id || ':' || id)
     ORDER BY issued_at, id`,
  );
  const synced = db.prepare<{ sources: string | null; endpoint: string }, { source_id: string }>(
    `SELECT source_id FROM endpoint_state WHERE ${SOURCE_FILTER} AND endpoint = :endpoint AND last_success_at IS NOT NULL`,
  );
  const pruneWarningWatch = db.prepare<{ prefix: string; before: number }>(
    `DELETE FROM alert_watch
     WHERE key >= :prefix AND key < :prefix || char(65535) AND at < :before
       AND NOT EXISTS (SELECT 1 FROM warnings w WHERE :prefix || w.source_id || ':' || w.id = alert_watch.key)`,
  );

  return {
    /** Warnings the engine has no watch entry for, oldest first. Rows that no longer parse are skipped. */
    unseenWarnings(): UnseenWarning[] {
      const out: UnseenWarning[] = [];
      for (const row of unseen.all({ sources, prefix: WARNING_WATCH_PREFIX })) {
        const parsed = warningSchema.safeParse(JSON.parse(row.json));
        if (parsed.success) out.push({ sourceId: row.source_id, warning: parsed.data });
      }
      return out;
    },
    /** Sources that have completed at least one poll of `endpoint`. */
    syncedSources(endpoint: string): Set<string> {
      return new Set(synced.all({ sources, endpoint }).map((r) => r.source_id));
    },
    /** Forget seen warnings the cache no longer holds (retention removed them). */
    pruneWarningWatch(before: number): void {
      pruneWarningWatch.run({ prefix: WARNING_WATCH_PREFIX, before });
    },
  };
}

export type AlertCacheReads = ReturnType<typeof createAlertCacheReads>;
