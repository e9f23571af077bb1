import { LEVELS, type Level } from '../../../shared/contract';
import type { MapModel, TownRisk } from '../../../shared/readModel';
import type { T } from '../i18n';
import { html } from './escapeHtml';
import { levelKey, levelRank } from './levels';
import type { MapTown } from './mapOptions';

/** A district is as red as its reddest town: the city view must not average a red town away. */
export function districtLevel(towns: readonly TownRisk[]): Level | null {
  let worst: Level | null = null;
  for (const town of towns) if (worst === null || levelRank(town.level) < levelRank(worst)) worst = town.level;
  return worst;
}

/** Each district of the city file: ours coloured by its worst town, the others marked 未接入. */
export function cityMapTowns(
  model: Pick<MapModel, 'geojson'>,
  districtCode: string | null,
  towns: readonly TownRisk[],
  t: T,
): MapTown[] {
  const level = districtLevel(towns);
  return model.geojson.features.map((f) => {
    const { code, name } = f.properties;
    if (code !== districtCode) {
      return { code, name, level: null, tooltip: html`<b>${name}</b><br/>${t('cityMap.notConnected')}` };
    }
    const counts = LEVELS.map((lv) => [lv, towns.filter((town) => town.level === lv).length] as const).filter(([, n]) => n > 0);
    const summary = counts.map(([lv, n]) => `${t(levelKey(lv, 'count'))} ${n}`).join(' · ');
    return {
      code,
      name,
      level,
      tooltip: html`<b>${name}</b><br/>${t('cityMap.towns')}${summary}<br/>${t('cityMap.clickToOpen')}`,
    };
  });
}
