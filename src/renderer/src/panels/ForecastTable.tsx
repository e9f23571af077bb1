import type { RiskModel } from '../../../shared/readModel';
import { levelRank } from '../charts/levels';
import { fmtNumber, useT } from '../i18n';
import { countUnit } from '../i18n/units';
import { useCockpit } from '../store/cockpit';
import { LevelBadge } from './bits';
import { useFitChildren } from './fit';
import { EmptyNote } from './QueryGate';
import { Src } from '../text/sourceText';

/**
 * Next week's forecast per town (预测): level now → forecast level and score, rising towns
 * first — what the predictive warnings are raised from, shown even when none is raised.
 */
export function ForecastTable(props: { trends: RiskModel['trends'] }) {
  const t = useT();
  const selectTown = useCockpit((s) => s.selectTown);
  const rows = props.trends
    .filter((trend) => trend.forecast && trend.series.length)
    .map((trend) => ({ trend, now: trend.series[trend.series.length - 1], f: trend.forecast! }))
    .sort((a, b) => levelRank(a.f.level) - levelRank(b.f.level) || b.f.score - b.now.score - (a.f.score - a.now.score));
  const ref = useFitChildren<HTMLDivElement>([rows.length], 'tbody tr');
  if (!rows.length) return <EmptyNote>{t('forecast.none')}</EmptyNote>;
  return (
    <div className="fit" ref={ref}>
      <table className="forecast-table">
        <thead>
          <tr>
            <th>{t('forecast.town')}</th>
            <th>{t('forecast.now')}</th>
            <th>{t('forecast.nextWeek')}</th>
            <th className="num">{t('forecast.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ trend, now, f }) => {
            const d = f.score - now.score;
            return (
              <tr key={trend.town.code} data-forecast={trend.town.code} onClick={() => selectTown(trend.town.code)}>
                <td><Src>{trend.town.name}</Src></td>
                <td>
                  <LevelBadge level={now.level} short />
                </td>
                <td>
                  <LevelBadge level={f.level} short /> {fmtNumber(f.score, 0)} {countUnit(f.score, t('unit.points'), 0)}
                </td>
                <td className={`num ${d > 0.5 ? 'delta-worse' : d < -0.5 ? 'delta-better' : ''}`}>
                  {d > 0 ? '+' : d < 0 ? '−' : ''}
                  {fmtNumber(Math.abs(d), 1)} {countUnit(Math.abs(d), t('unit.points'), 1)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
