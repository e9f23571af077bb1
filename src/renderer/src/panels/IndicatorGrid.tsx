import type { OverviewModel } from '../../../shared/readModel';
import { useT, usePick } from '../i18n';
import { fmtIndicator, weekDelta } from './format';
import { indicatorOf, useVocabulary } from './vocabulary';
import { Src } from '../text/sourceText';

/** The 12 indicators at a glance: district value with unit, change on last week, worst town. */
export function IndicatorGrid(props: { indicators: OverviewModel['indicators']; columns: number }) {
  const t = useT();
  const pick = usePick();
  const vocab = useVocabulary();
  return (
    <div className="indicator-grid" style={{ gridTemplateColumns: `repeat(${props.columns}, 1fr)` }}>
      {props.indicators.map((row) => {
        const ind = indicatorOf(vocab, row.id);
        const delta = weekDelta(row.value, row.previous, ind, t);
        return (
          <div className="indicator-tile" key={row.id} data-indicator={row.id}>
            <div className="indicator-name">{pick(ind.zh, ind.en)}</div>
            <div className="indicator-value">
              {fmtIndicator(row.value, ind, t)}
              {row.worstTown && (
                <span className="worst" title={t('ind.topTownHint')}>
                  {t('ind.top')} <Src>{row.worstTown.name}</Src>
                </span>
              )}
            </div>
            <div className="indicator-foot">
              {delta ? (
                <span className={`delta delta-${delta.tone}`}>
                  {t('ind.vsLastWeek')} {delta.text}
                </span>
              ) : (
                <span className="delta">{t('ind.noLastWeek')}</span>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
