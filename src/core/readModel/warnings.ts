/**
 * Source warnings (预警) as WarningView: open and rectifying first, each with its whole status
 * story — the record's own history merged with every status the cache has seen
 * (warning_status_history keeps steps a source later drops).
 */
import type { Warning, WarningStatus } from '../../shared/contract';
import type { WarningView } from '../../shared/readModel';
import type { ReadContext } from './context';
import { SOURCE_FILTER } from './sources';
import { isoTime } from '../../shared/districtTime';

export const OVERVIEW_WARNINGS = 20;

export function createWarningsReader(ctx: ReadContext) {
  const order = `ORDER BY (status = 'closed'), issued_at DESC, id LIMIT :limit`;
  const all = ctx.db.prepare(`SELECT source_id, json FROM warnings WHERE ${SOURCE_FILTER} ${order}`);
  const ofTown = ctx.db.prepare(
    `SELECT source_id, json FROM warnings WHERE town_code = :town AND ${SOURCE_FILTER} ${order}`,
  );
  const seen = ctx.db.prepare(
    `SELECT status, at, note FROM warning_status_history WHERE source_id = ? AND warning_id = ? AND at <= ? ORDER BY at`,
  );
  // As of an instant (migration 041): each warning's latest version by then, or, for one the
  // cache first saw later (a backfill), its earliest version, cut back to what had happened.
  const versionsAt = ctx.db.prepare(
    `SELECT source_id, json, updated_at FROM warning_versions
     WHERE ${SOURCE_FILTER} AND (source_id, id, updated_at) IN (
       SELECT source_id, id, coalesce(max(CASE WHEN updated_at <= :at THEN updated_at END), min(updated_at))
       FROM warning_versions WHERE ${SOURCE_FILTER} AND (:town IS NULL OR town_code = :town) GROUP BY source_id, id)`,
  );

  function toView(sourceId: string, w: Warning, at = Number.MAX_SAFE_INTEGER): WarningView {
    const steps = new Map<string, { status: WarningStatus; atMs: number; note: string }>();
    for (const h of w.history) {
      const atMs = Date.parse(h.at);
      steps.set(`${h.status}@${atMs}`, { status: h.status, atMs, note: h.note });
    }
    for (const h of seen.all(sourceId, w.id, at) as Array<{ status: WarningStatus; at: number; note: string }>) {
      const key = `${h.status}@${h.at}`;
      if (!steps.get(key)?.note) steps.set(key, { status: h.status, atMs: h.at, note: h.note });
    }
    return {
      id: w.id,
      town: ctx.townRef(w.townCode),
      level: w.level,
      kind: w.kind,
      dimension: w.dimension,
      indicator: w.indicator ?? null,
      title: w.title,
      issuedAt: isoTime(Date.parse(w.issuedAt)),
      causeAnalysis: w.causeAnalysis,
      rectification: w.rectification,
      communities: w.communities ?? [],
      status: w.status,
      history: [...steps.values()]
        .sort((a, b) => a.atMs - b.atMs)
        .map((s) => ({ status: s.status, at: isoTime(s.atMs), note: s.note })),
      jointSupervision: w.jointSupervision
        ? {
            departments: w.jointSupervision.departments,
            startedAt: isoTime(Date.parse(w.jointSupervision.startedAt)),
            ...(w.jointSupervision.note !== undefined ? { note: w.jointSupervision.note } : {}),
          }
        : null,
      fromEngine: false,
    };
  }

  // The cache stores only validated records; a row that still fails to parse (a damaged file,
  // a hand edit) is left out and logged rather than taking the whole screen down.
  const read = (rows: unknown[]) =>
    (rows as Array<{ source_id: string; json: string }>).flatMap((r) => {
      try {
        return [toView(r.source_id, JSON.parse(r.json) as Warning)];
      } catch (err) {
        ctx.logger.warn('read model: unreadable warning row skipped', { sourceId: r.source_id, error: (err as Error).message });
        return [];
      }
    });

  /** Warnings as they stood at `at`, in the order of the live statements. */
  function readAt(at: number, town: string | null, limit: number): WarningView[] {
    const rows = versionsAt.all({ sources: ctx.sources, at, town }) as Array<{ source_id: string; json: string; updated_at: number }>;
    const views = rows.flatMap((r) => {
      try {
        const w = asOf(JSON.parse(r.json) as Warning, r.updated_at, at);
        return w ? [{ view: toView(r.source_id, w, at), issuedAt: Date.parse(w.issuedAt) }] : [];
      } catch (err) {
        ctx.logger.warn('read model: unreadable warning row skipped', { sourceId: r.source_id, error: (err as Error).message });
        return [];
      }
    });
    views.sort(
      (a, b) =>
        Number(a.view.status === 'closed') - Number(b.view.status === 'closed') ||
        b.issuedAt - a.issuedAt ||
        (a.view.id < b.view.id ? -1 : a.view.id > b.view.id ? 1 : 0),
    );
    return views.slice(0, limit).map((v) => v.view);
  }

  return {
    /** Open/rectifying first, then the most recent closed ones, up to `limit`; as of `at` (ms) when given. */
    list: (limit = OVERVIEW_WARNINGS, at?: number) =>
      at === undefined ? read(all.all({ sources: ctx.sources, limit })) : readAt(at, null, limit),
    ofTown: (town: string, limit = 100, at?: number) =>
      at === undefined ? read(ofTown.all({ sources: ctx.sources, town, limit })) : readAt(at, town, limit),
  };
}

/**
 * A warning as it stood at `at`, from a version made at `versionAt`. A version made by then is
 * the answer; a later one (the cache first saw the warning after `at`) is cut back to the steps
 * its own history dates by then — null when none had happened, the warning not issued yet.
 */
export function asOf(w: Warning, versionAt: number, at: number): Warning | null {
  if (versionAt <= at) return w;
  const history = w.history.filter((h) => Date.parse(h.at) <= at);
  if (history.length === 0 || Date.parse(w.issuedAt) > at) return null;
  const { jointSupervision, ...rest } = w;
  return {
    ...rest,
    status: history[history.length - 1].status,
    history,
    ...(jointSupervision && Date.parse(jointSupervision.startedAt) <= at ? { jointSupervision } : {}),
    updatedAt: history[history.length - 1].at,
  };
}

export type WarningsReader = ReturnType<typeof createWarningsReader>;
