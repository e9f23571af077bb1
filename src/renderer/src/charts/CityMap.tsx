import { useMemo } from 'react';
import { useLevelDisplay } from '../wall/wallStore';
import type { TownRisk } from '../../../shared/readModel';
import { useQuery } from '../data/useQuery';
import { useT, usePick } from '../i18n';
import { LevelLegend } from '../panels/bits';
import { EChart } from './EChart';
import { cityMapTowns } from './cityMapTowns';
import { aspectScaleFor, buildRiskMapOption } from './mapOptions';
import { registerMapModel } from './mapRegistry';
import type { ChartClick } from './useEChart';

/**
 * The city view (config map.city): the city's districts, ours coloured by its most severe town
 * level; clicking ours drills down to the district map.
 */
export function CityMap(props: { towns: TownRisk[]; districtCode: string | null; onEnter(): void }) {
  const t = useT();
  const pick = usePick();
  const q = useQuery('map', { level: 'city' });
  const { districtCode, onEnter, towns } = props;
  const display = useLevelDisplay();
  const option = useMemo(() => {
    if (!q.data) return null;
    const mapName = registerMapModel(q.data);
    return buildRiskMapOption({
      mapName,
      aspectScale: aspectScaleFor(q.data),
      towns: cityMapTowns(q.data, districtCode, towns, t),
      selected: districtCode,
      labelSize: 24,
      display,
    });
  }, [q.data, districtCode, towns, t, display]);
  const onClick = (p: ChartClick) => {
    if (p.componentType === 'series' && p.name === districtCode) onEnter();
  };
  return (
    <div className="risk-map" data-map-level="city" data-map-kind={q.data?.kind}>
      {q.error && !q.data && (
        <div className="state state-error" role="alert">
          {t('cityMap.failed')}
          {q.error}
        </div>
      )}
      <EChart option={option} onClick={onClick} label={t('cityMap.title')} />
      {q.data && (
        <div className={`map-kind map-kind-${q.data.kind}`} data-testid="map-kind">
          {pick(q.data.labelZh, q.data.labelEn)}
        </div>
      )}
      <div className="map-legend">
        <LevelLegend />
      </div>
      {(q.data?.notices.length ?? 0) > 0 && (
        <div className="map-notices" role="status">
          {q.data!.notices.slice(0, 2).map((n) => <div key={n}>{n}</div>)}
        </div>
      )}
    </div>
  );
}
