/**
 * Personnel as of an instant (migration 041's personnel_versions): each person's latest version
 * by then. Someone the cache first saw later but registered by then (a backfill) counts as first
 * seen: the source gives no older score. Binds :sources and :at.
 */
import { SOURCE_FILTER } from './sources';

export const PERSONNEL_AT = `SELECT source_id, id, name, role, town_code, department, active, score, events_handled
  FROM personnel_versions WHERE ${SOURCE_FILTER} AND (source_id, id, updated_at) IN (
    SELECT source_id, id, coalesce(max(CASE WHEN updated_at <= :at THEN updated_at END), min(updated_at))
    FROM personnel_versions WHERE ${SOURCE_FILTER} AND registered_at <= :at GROUP BY source_id, id)`;
