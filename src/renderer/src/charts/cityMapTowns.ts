import { LEVELS, type Level } from '../../../shared/contract';
import type { MapModel, TownRisk } from '../../../shared/readModel';
import { html } from './escapeHtml';
import { LEVEL_NAMES, levelRank } from './levels';
import type { MapTown } from './mapOptions';

/** A district is as red as its reddest town: the city view must not average a red town away. */
export function districtLevel(towns: readonly TownRisk[]): Level | null {
  let worst: Level | null = null;
  for (const t of towns) if (worst === null || levelRank(t.level) < levelRank(worst)) worst = t.level;
  return worst;
}

/** Each district of the city file: ours coloured by its worst town, the others marked 未接入. */
export function cityMapTowns(
  model: Pick<MapModel, 'geojson'>,
  districtCode: string | null,
  towns: readonly TownRisk[],
  l: (zh: string, en: string) => string,
): MapTown[] {
  const level = districtLevel(towns);
  return model.geojson.features.map((f) => {
    const { code, name } = f.properties;
    if (code !== districtCode) {
      return { code, name, level: null, tooltip: html`<b>${name}</b><br/>${l('未接入本驾驶舱', 'Not connected to this cockpit')}` };
    }
    const counts = LEVELS.map((lv) => [lv, towns.filter((t) => t.level === lv).length] as const).filter(([, n]) => n > 0);
    const summary = counts.map(([lv, n]) => `${l(LEVEL_NAMES[lv].colourZh, LEVEL_NAMES[lv].shortEn)} ${n}`).join(' · ');
    return {
      code,
      name,
      level,
      tooltip: html`<b>${name}</b><br/>${l('镇街风险：', 'Towns: ')}${summary}<br/>${l('点击进入', 'Click to open')}`,
    };
  });
}
