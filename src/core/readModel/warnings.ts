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
    `SELECT status, at, note FROM warning_status_history WHERE source_id = ? AND warning_id = ? ORDER BY at`,
  );

  function toView(sourceId: string, w: Warning): WarningView {
    const steps = new Map<string, { status: WarningStatus; atMs: number; note: string }>();
    for (const h of w.history) {
      const atMs = Date.parse(h.at);
      steps.set(`${h.status}@${atMs}`, { status: h.status, atMs, note: h.note });
    }
    for (const h of seen.all(sourceId, w.id) as Array<{ status: WarningStatus; at: number; note: string }>) {
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

  return {
    /** Open/rectifying first, then the most recent closed ones, up to `limit`. */
    list: (limit = OVERVIEW_WARNINGS) => read(all.all({ sources: ctx.sources, limit })),
    ofTown: (town: string, limit = 100) => read(ofTown.all({ sources: ctx.sources, town, limit })),
  };
}

export type WarningsReader = ReturnType<typeof createWarningsReader>;
