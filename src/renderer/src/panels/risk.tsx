import type { Level } from '../../../shared/contract';
import type { Explanation, TownRisk } from '../../../shared/readModel';
import { LEVEL_COLORS, LEVEL_INK, levelKey, LEVELS } from '../charts/levels';
import { fmtNumber, useT, usePick } from '../i18n';
import { countUnit } from '../i18n/units';
import { useCockpit } from '../store/cockpit';
import { LevelBadge } from './bits';
import { useFitChildren } from './fit';
import { fmtIndicator } from './format';
import { EmptyNote } from './QueryGate';
import { dimensionOf, indicatorOf, useVocabulary } from './vocabulary';
import { Src, isolate } from '../text/sourceText';

/** How many towns are at each level this week: five coloured counters. */
export function LevelCounts(props: { counts: Record<Level, number> }) {
  const t = useT();
  return (
    <div className="level-counts">
      {LEVELS.map((lv) => (
        <div key={lv} className="level-count" data-level={lv} style={{ background: LEVEL_COLORS[lv], color: LEVEL_INK[lv] }}>
          <span className="level-count-n">{props.counts[lv] ?? 0}</span>
          <span className="level-count-unit">{t('unit.count')}</span>
          <span className="level-count-name">{t(levelKey(lv, 'short'))}</span>
        </div>
      ))}
    </div>
  );
}

/** "临平街道" → "临平" where a column is narrow; short names and 镇 stay whole. */
export function shortTownName(name: string): string {
  return name.length > 3 ? name.replace(/街道$/, '') : name;
}

/**
 * Town × indicator table, indicators as rows (their names are long, town names short, so
 * this way round it fits a wall panel): each cell the week's value, coloured by the level of
 * that indicator in that town. Clicking a town's column head or cell opens the town.
 */
export function TownIndicatorTable(props: { towns: TownRisk[] }) {
  const t = useT();
  const pick = usePick();
  const en = t.locale === 'en';
  const vocab = useVocabulary();
  const selected = useCockpit((s) => s.selectedTown);
  const selectTown = useCockpit((s) => s.selectTown);
  if (!props.towns.length) return <EmptyNote>{t('risk.noTownIndicators')}</EmptyNote>;
  return (
    <table className={`town-table${en ? ' town-table-en' : ''}`}>
      <thead>
        <tr>
          <th className="ind-col">{t('risk.indicatorUnit')}</th>
          {props.towns.map((t) => (
            <th
              key={t.code}
              data-town={t.code}
              className={t.code === selected ? 'selected' : ''}
              title={isolate(t.name)}
              onClick={() => selectTown(t.code)}
              style={{ boxShadow: `inset 0 -6px 0 ${LEVEL_COLORS[t.level]}` }}
            >
              <Src>{shortTownName(t.name)}</Src>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {vocab.indicators.map((i) => (
          <tr key={i.id} data-indicator={i.id}>
            <th className="ind-col">
              {pick(i.zh, i.en)}
              <small>{en ? i.unitEn : i.unitZh}</small>
            </th>
            {props.towns.map((t) => {
              const lv = t.indicatorLevels[i.id];
              const v = t.indicators[i.id];
              return (
                <td
                  key={t.code}
                  onClick={() => selectTown(t.code)}
                  style={lv ? { background: LEVEL_COLORS[lv], color: LEVEL_INK[lv] } : undefined}
                  data-level={lv}
                >
                  {v == null ? '—' : fmtNumber(v, Number.isInteger(v) ? 0 : 1)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * "Why this colour": the indicators that push the town's score up most, each with its value
 * against the town's baseline and the points it adds.
 */
export function ExplanationView(props: { explanation: Explanation; townName: string; limit: number }) {
  const t = useT();
  const pick = usePick();
  const vocab = useVocabulary();
  const e = props.explanation;
  const top = [...e.contributors].sort((a, b) => b.contribution - a.contribution).slice(0, props.limit);
  const maxC = Math.max(1, ...top.map((c) => c.contribution));
  const fitRef = useFitChildren<HTMLOListElement>([e, props.limit]);
  return (
    <div className="explanation" data-explain={e.townCode}>
      <div className="explanation-head">
        <b>{props.townName}</b>
        <LevelBadge level={e.level} />
        <span>
          {t('risk.score')} <b className="num">{fmtNumber(e.score, 0)}</b> {countUnit(e.score, t('unit.points'), 0)} · {t('common.week')} {e.weekStart}
        </span>
      </div>
      {top.length === 0 ? (
        <EmptyNote>{t('risk.noneAboveBaseline')}</EmptyNote>
      ) : (
        <ol className="contributors fit" ref={fitRef}>
          {top.map((c) => {
            const ind = indicatorOf(vocab, c.indicator);
            const dim = dimensionOf(vocab, c.dimension);
            return (
              <li key={c.indicator} data-indicator={c.indicator}>
                <div className="contrib-name">
                  {pick(ind.zh, ind.en)} <small>{pick(dim.zh, dim.en)}</small>
                </div>
                <div className="contrib-bar">
                  <i style={{ width: `${(100 * c.contribution) / maxC}%` }} />
                  <span>+{fmtNumber(c.contribution, 1)} {countUnit(c.contribution, t('unit.points'), 1)}</span>
                </div>
                <div className="contrib-vs">
                  {fmtIndicator(c.value, ind, t)} {t('risk.vsBaseline')} {fmtIndicator(c.baseline, ind, t)}
                  <b className={c.ratio > 1 ? 'delta-worse' : 'delta-better'}> ×{fmtNumber(c.ratio, 2)}</b>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
