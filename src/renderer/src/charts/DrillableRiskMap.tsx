import { useState } from 'react';
import type { TownRisk, WarningView } from '../../../shared/readModel';
import { useQuery } from '../data/useQuery';
import { useT } from '../i18n';
import { CityMap } from './CityMap';
import { RiskMap } from './RiskMap';
import './mapDrill.css';

/**
 * The five-colour map with drill-down when a city boundary file is configured:
 * city (districts) → district (towns) → town detail (a click on a town), and back through
 * the breadcrumb. Without a city file it is just the district map.
 */
export function DrillableRiskMap(props: { towns: TownRisk[]; warnings?: WarningView[]; labelSize?: number }) {
  const t = useT();
  const config = useQuery('config', {});
  const meta = useQuery('meta', {});
  const [level, setLevel] = useState<'city' | 'district'>('district');
  if (!config.data?.map.city) return <RiskMap {...props} />;

  const district = meta.data?.district ?? null;
  return (
    <div className="map-drill">
      <nav className="map-breadcrumb" aria-label={t('map.level')} data-testid="map-breadcrumb">
        <button type="button" aria-current={level === 'city' ? 'page' : undefined} onClick={() => setLevel('city')}>
          {t('map.city')}
        </button>
        <span aria-hidden="true">›</span>
        <button type="button" aria-current={level === 'district' ? 'page' : undefined} onClick={() => setLevel('district')}>
          {district?.name ?? t('map.district')}
        </button>
      </nav>
      {level === 'city' ? (
        <CityMap towns={props.towns} districtCode={district?.code ?? null} onEnter={() => setLevel('district')} />
      ) : (
        <RiskMap {...props} />
      )}
    </div>
  );
}
