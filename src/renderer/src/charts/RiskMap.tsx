import { useCallback, useMemo } from 'react';
import { useLevelDisplay } from '../wall/wallStore';
import type { TownRisk, WarningView } from '../../../shared/readModel';
import { useT, usePick } from '../i18n';
import { useVocabulary } from '../panels/vocabulary';
import { LevelLegend } from '../panels/bits';
import { useCockpit } from '../store/cockpit';
import { EChart } from './EChart';
import { buildRiskMapOption, type MapTown } from './mapOptions';
import { useMapModel } from './mapRegistry';
import { townRiskTooltip } from './tooltips';
import type { ChartClick } from './useEChart';
import { SrcList } from '../text/sourceText';

/** Clicking a region selects its town (region names are town codes: nameProperty 'code'). */
export function useSelectTownOnClick() {
  const selectTown = useCockpit((s) => s.selectTown);
  return useCallback((p: ChartClick) => {
    if (p.componentType === 'series' && /^\d{9}$/.test(p.name)) selectTown(p.name);
  }, [selectTown]);
}

/**
 * The five-colour map (五色图总图): towns filled with their level colour, labelled, with the
 * legend and the map's provenance (示意图 / 近似边界 / 官方边界) always on it.
 */
export function RiskMap(props: { towns: TownRisk[]; warnings?: WarningView[]; labelSize?: number }) {
  const t = useT();
  const pick = usePick();
  const vocab = useVocabulary();
  const map = useMapModel();
  const selected = useCockpit((s) => s.selectedTown);
  const onClick = useSelectTownOnClick();

  const display = useLevelDisplay();
  const option = useMemo(() => {
    if (!map.ready) return null;
    const byCode = new Map(props.towns.map((t) => [t.code, t]));
    const towns: MapTown[] = map.ready.model.geojson.features.map((f) => {
      const risk = byCode.get(f.properties.code);
      return {
        code: f.properties.code,
        name: risk?.name ?? f.properties.name,
        level: risk?.level ?? null,
        value: risk?.score ?? null,
        tooltip: risk ? townRiskTooltip(risk, vocab, t, props.warnings) : undefined,
      };
    });
    return buildRiskMapOption({ ...map.ready, towns, selected, labelSize: props.labelSize, display });
  }, [map.ready, props.towns, props.warnings, selected, vocab, t, props.labelSize, display]);

  const unmapped = map.ready
    ? props.towns.filter((t) => !map.ready!.model.geojson.features.some((f) => f.properties.code === t.code))
    : [];

  return (
    <div
      className="risk-map"
      data-map-kind={map.data?.kind}
      data-levels={props.towns.map((t) => `${t.code}:${t.level}`).join(' ')}
      data-coloured-towns={option ? map.ready!.model.geojson.features.filter((f) => props.towns.some((t) => t.code === f.properties.code)).length : 0}
    >
      {map.error && !map.data && (
        <div className="state state-error" role="alert">
          {t('map.failed')}
          {map.error}
        </div>
      )}
      <EChart option={option} onClick={onClick} label={t('map.title')} />
      {map.data && (
        <div className={`map-kind map-kind-${map.data.kind}`} data-testid="map-kind">
          {pick(map.data.labelZh, map.data.labelEn)}
        </div>
      )}
      <div className="map-legend">
        <LevelLegend />
      </div>
      {(unmapped.length > 0 || (map.data?.notices.length ?? 0) > 0) && (
        <div className="map-notices" role="status">
          {unmapped.length > 0 && (
            <div>
              {t('map.missing')}
              <SrcList items={unmapped.map((t) => t.name)} />
            </div>
          )}
          {map.data?.notices.slice(0, 2).map((n) => <div key={n}>{n}</div>)}
        </div>
      )}
    </div>
  );
}
