import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useLevelDisplay } from '../wall/wallStore';
import type { Level } from '../../../shared/contract';
import type { TownRisk } from '../../../shared/readModel';
import { useT, usePick } from '../i18n';
import { useVocabulary } from '../panels/vocabulary';
import { useCockpit } from '../store/cockpit';
import { EChart } from './EChart';
import { html } from './escapeHtml';
import { LEVEL_COLORS, levelKey } from './levels';
import { buildSmallMultiplesOption, type SmallMultiple } from './mapOptions';
import { registerMapVariants, useMapModel } from './mapRegistry';
import { useSelectTownOnClick } from './RiskMap';
import { srcHtml } from '../text/sourceText';

/**
 * 总图 + the five dimension maps + the twelve indicator maps (分图), as small multiples in
 * one chart sharing one registered map. Each town is coloured by its level in that measure.
 */
export function RiskSmallMultiples(props: { towns: TownRisk[]; columns: number }) {
  const t = useT();
  const pick = usePick();
  const vocab = useVocabulary();
  const map = useMapModel();
  const selected = useCockpit((s) => s.selectedTown);
  const onClick = useSelectTownOnClick();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);

  const display = useLevelDisplay();
  const option = useMemo(() => {
    if (!map.ready) return null;
    const byCode = new Map(props.towns.map((town) => [town.code, town]));
    const features = map.ready.model.geojson.features;
    const multiple = (title: string, measure: (town: TownRisk) => { level: Level | undefined; text: string }): SmallMultiple => ({
      title,
      towns: features.map((f) => {
        const risk = byCode.get(f.properties.code);
        const picked = risk ? measure(risk) : null;
        const level = picked?.level ?? null;
        const name = risk?.name ?? f.properties.name;
        const levelText = level ? t(levelKey(level, 'risk')) : t('level.unratedLower');
        return {
          code: f.properties.code,
          name,
          level,
          tooltip: html`<b>${srcHtml(name)}</b> · ${title}<div><span style="color:${level ? LEVEL_COLORS[level] : '#fff'}">${levelText}</span>${picked ? html` · ${picked.text}` : ''}</div>`,
        };
      }),
    });
    const maps: SmallMultiple[] = [
      multiple(t('smallMaps.overall'), (town) => ({ level: town.level, text: `${town.score.toFixed(0)} ${t('unit.points')}` })),
      ...vocab.dimensions.map((d) =>
        multiple(pick(d.zh, d.en), (town) => ({ level: town.dimensionLevels[d.id], text: `${town.dimensionScores[d.id]?.toFixed(0) ?? '—'} ${t('unit.points')}` })),
      ),
      ...vocab.indicators.map((i) =>
        multiple(pick(i.zh, i.en), (town) => {
          const v = town.indicators[i.id];
          const unit = pick(i.unitZh, i.unitEn);
          return { level: town.indicatorLevels[i.id], text: v == null ? '—' : unit === '%' ? `${v}%` : `${v} ${unit}` };
        }),
      ),
    ];
    const mapNames = registerMapVariants(map.ready.model, maps.length);
    const cellWidthPx = width ? width / props.columns : undefined;
    return buildSmallMultiplesOption({ mapNames, aspectScale: map.ready.aspectScale, maps, columns: props.columns, selected, cellWidthPx, display });
  }, [map.ready, props.towns, props.columns, selected, vocab, t, pick, width, display]);

  return (
    <div className="small-multiples" data-map-kind={map.data?.kind} ref={box}>
      <EChart option={option} onClick={onClick} label={t('smallMaps.indicatorMaps')} />
      {map.error && !map.data && <div className="state state-error">{t('map.failed')}{map.error}</div>}
    </div>
  );
}

/** The map's provenance (示意图 / 近似边界 / 官方边界) as a tag, for a panel header over small maps. */
export function MapKindTag() {
  const pick = usePick();
  const map = useMapModel();
  if (!map.data) return null;
  return (
    <span className={`map-kind map-kind-inline map-kind-${map.data.kind}`} data-testid="map-kind">
      {pick(map.data.labelZh, map.data.labelEn)}
    </span>
  );
}

/** The element's width in CSS px, kept current (rounded, so sub-pixel jitter does not redraw). */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.round(el.clientWidth));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}
