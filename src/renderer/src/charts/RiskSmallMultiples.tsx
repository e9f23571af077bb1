import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Level } from '../../../shared/contract';
import type { TownRisk } from '../../../shared/readModel';
import { useL } from '../i18n';
import { useVocabulary } from '../panels/vocabulary';
import { useCockpit } from '../store/cockpit';
import { EChart } from './EChart';
import { html } from './escapeHtml';
import { LEVEL_COLORS, LEVEL_NAMES } from './levels';
import { buildSmallMultiplesOption, type SmallMultiple } from './mapOptions';
import { registerMapVariants, useMapModel } from './mapRegistry';
import { useSelectTownOnClick } from './RiskMap';
import { srcHtml } from '../text/sourceText';

/**
 * 总图 + the five dimension maps + the twelve indicator maps (分图), as small multiples in
 * one chart sharing one registered map. Each town is coloured by its level in that measure.
 */
export function RiskSmallMultiples(props: { towns: TownRisk[]; columns: number }) {
  const l = useL();
  const vocab = useVocabulary();
  const map = useMapModel();
  const selected = useCockpit((s) => s.selectedTown);
  const onClick = useSelectTownOnClick();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);

  const option = useMemo(() => {
    if (!map.ready) return null;
    const byCode = new Map(props.towns.map((t) => [t.code, t]));
    const features = map.ready.model.geojson.features;
    const multiple = (title: string, pick: (t: TownRisk) => { level: Level | undefined; text: string }): SmallMultiple => ({
      title,
      towns: features.map((f) => {
        const risk = byCode.get(f.properties.code);
        const picked = risk ? pick(risk) : null;
        const level = picked?.level ?? null;
        const name = risk?.name ?? f.properties.name;
        const levelText = level ? l(LEVEL_NAMES[level].riskZh, LEVEL_NAMES[level].riskEn) : l('未评级', 'unrated');
        return {
          code: f.properties.code,
          name,
          level,
          tooltip: html`<b>${srcHtml(name)}</b> · ${title}<div><span style="color:${level ? LEVEL_COLORS[level] : '#fff'}">${levelText}</span>${picked ? html` · ${picked.text}` : ''}</div>`,
        };
      }),
    });
    const maps: SmallMultiple[] = [
      multiple(l('总图', 'Overall'), (t) => ({ level: t.level, text: `${t.score.toFixed(0)} ${l('分', 'pts')}` })),
      ...vocab.dimensions.map((d) =>
        multiple(l(d.zh, d.en), (t) => ({ level: t.dimensionLevels[d.id], text: `${t.dimensionScores[d.id]?.toFixed(0) ?? '—'} ${l('分', 'pts')}` })),
      ),
      ...vocab.indicators.map((i) =>
        multiple(l(i.zh, i.en), (t) => {
          const v = t.indicators[i.id];
          const unit = l(i.unitZh, i.unitEn);
          return { level: t.indicatorLevels[i.id], text: v == null ? '—' : unit === '%' ? `${v}%` : `${v} ${unit}` };
        }),
      ),
    ];
    const mapNames = registerMapVariants(map.ready.model, maps.length);
    const cellWidthPx = width ? width / props.columns : undefined;
    return buildSmallMultiplesOption({ mapNames, aspectScale: map.ready.aspectScale, maps, columns: props.columns, selected, cellWidthPx });
  }, [map.ready, props.towns, props.columns, selected, vocab, l, width]);

  return (
    <div className="small-multiples" data-map-kind={map.data?.kind} ref={box}>
      <EChart option={option} onClick={onClick} label={l('分图', 'Indicator maps')} />
      {map.error && !map.data && <div className="state state-error">{l('地图数据无法载入：', 'Map data failed to load: ')}{map.error}</div>}
    </div>
  );
}

/** The map's provenance (示意图 / 近似边界 / 官方边界) as a tag, for a panel header over small maps. */
export function MapKindTag() {
  const l = useL();
  const map = useMapModel();
  if (!map.data) return null;
  return (
    <span className={`map-kind map-kind-inline map-kind-${map.data.kind}`} data-testid="map-kind">
      {l(map.data.labelZh, map.data.labelEn)}
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
