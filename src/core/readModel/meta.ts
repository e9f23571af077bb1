/** Meta: the district, its towns with seats, the vocabulary and the weeks that have risk data (by then, looking back). */
import type { MetaModel } from '../../shared/readModel';
import type { ReadContext } from './context';
import { SOURCE_FILTER } from './sources';
import type { Vocabulary } from '../../shared/contract';
import { datedBy, type QueryParams } from '../../shared/queries';
import type { AsOfPoint } from './asOf';

export function createMetaQuery(ctx: ReadContext, vocabulary: (sources: string | null) => Vocabulary) {
  const district = ctx.db.prepare(
    `SELECT json_extract(json, '$.district.code') AS code, json_extract(json, '$.district.name') AS name
     FROM snapshots WHERE name = 'divisions' AND ${SOURCE_FILTER} ORDER BY fetched_at DESC LIMIT 1`,
  );
  const weeks = ctx.db.prepare(
    `SELECT DISTINCT week_start FROM risk_periods WHERE ${SOURCE_FILTER} ORDER BY week_start`,
  );
  const weeksAt = ctx.db.prepare(
    `SELECT DISTINCT week_start FROM risk_period_versions WHERE updated_at <= :at AND ${SOURCE_FILTER} ORDER BY week_start`,
  );
  return (_params: QueryParams<'meta'>, point: AsOfPoint): MetaModel => {
    const d = district.get({ sources: ctx.sources }) as { code: string | null; name: string | null } | undefined;
    return {
      asOf: ctx.asOf(datedBy('meta')),
      district: d?.code && d.name ? { code: d.code, name: d.name } : null,
      towns: ctx.towns().map((t) => ({
        code: t.code,
        name: t.name,
        kind: t.kind,
        seat: [t.lon, t.lat] as [number, number],
        population: t.population,
      })),
      vocabulary: vocabulary(ctx.sources),
      weeks: (point.live ? weeks.pluck().all({ sources: ctx.sources }) : weeksAt.pluck().all({ sources: ctx.sources, at: point.at })) as string[],
    };
  };
}
