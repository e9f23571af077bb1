import type { OverviewModel } from '../../../shared/readModel';
import { useL } from '../i18n';
import { fmtIndicator, weekDelta } from './format';
import { indicatorOf, useVocabulary } from './vocabulary';
import { Src } from '../text/sourceText';

/** The 12 indicators at a glance: district value with unit, change on last week, worst town. */
export function IndicatorGrid(props: { indicators: OverviewModel['indicators']; columns: number }) {
  const l = useL();
  const en = l('zh', 'en') === 'en';
  const vocab = useVocabulary();
  return (
    <div className="indicator-grid" style={{ gridTemplateColumns: `repeat(${props.columns}, 1fr)` }}>
      {props.indicators.map((row) => {
        const ind = indicatorOf(vocab, row.id);
        const delta = weekDelta(row.value, row.previous, ind, en);
        return (
          <div className="indicator-tile" key={row.id} data-indicator={row.id}>
            <div className="indicator-name">{l(ind.zh, ind.en)}</div>
            <div className="indicator-value">
              {fmtIndicator(row.value, ind, en)}
              {row.worstTown && (
                <span className="worst" title={l('本周该指标最高的镇街', 'Town with the highest value this week')}>
                  {l('最高', 'top')} <Src>{row.worstTown.name}</Src>
                </span>
              )}
            </div>
            <div className="indicator-foot">
              {delta ? (
                <span className={`delta delta-${delta.tone}`}>
                  {l('较上周', 'vs last wk')} {delta.text}
                </span>
              ) : (
                <span className="delta">{l('无上周数据', 'no last week')}</span>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
