/**
 * The core's dispatch: one answer for every query in the registry (src/shared/queries.ts) —
 * the read model's, the map (src/core/geo) and the UI config. The type asks for all of them,
 * so a new registry entry does not type-check until the core can answer it. Params arrive
 * validated by the front door that received them.
 */
import type { QueryName, QueryParams, QueryResult } from '../shared/queries';
import type { UiConfigModel } from '../shared/readModel';
import type { MapProvider } from './geo';
import type { ReadModel } from './readModel';
import type { WallDuty } from './walls/wallDuty';

export type QueryAnswers = { [K in QueryName]: (params: QueryParams<K>) => QueryResult<K> };

export function createQueryAnswers(parts: { readModel: ReadModel; map: MapProvider; ui: UiConfigModel; walls: WallDuty }): QueryAnswers {
  const { readModel, map, ui, walls } = parts;
  return {
    ...readModel.answers,
    config: () => ui,
    map: ({ level }) => {
      const towns = readModel.answers.meta({}).towns.map((t) => ({ code: t.code, name: t.name, seat: t.seat }));
      return map.get(level ?? 'district', towns);
    },
    wallProfile: ({ wall }) => walls.profile(wall ?? walls.defaultWall),
    alerts: ({ wall }) => walls.alerts(wall),
    wallHistory: ({ wall, at }) => walls.moment(wall, Date.parse(at)),
  };
}

export function answerQuery<K extends QueryName>(answers: QueryAnswers, name: K, params: QueryParams<K>): QueryResult<K> {
  if (!Object.hasOwn(answers, name)) throw new Error(`unknown query "${String(name).slice(0, 40)}"`);
  return (answers[name] as (p: QueryParams<K>) => QueryResult<K>)(params);
}
