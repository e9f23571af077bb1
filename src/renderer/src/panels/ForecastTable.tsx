import type { RiskModel } from '../../../shared/readModel';
import { levelRank } from '../charts/levels';
import { fmtNumber, useL } from '../i18n';
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
  const l = useL();
  const selectTown = useCockpit((s) => s.selectTown);
  const rows = props.trends
    .filter((t) => t.forecast && t.series.length)
    .map((t) => ({ t, now: t.series[t.series.length - 1], f: t.forecast! }))
    .sort((a, b) => levelRank(a.f.level) - levelRank(b.f.level) || b.f.score - b.now.score - (a.f.score - a.now.score));
  const ref = useFitChildren<HTMLDivElement>([rows.length], 'tbody tr');
  if (!rows.length) return <EmptyNote>{l('尚无下周预测', 'No forecast for next week yet')}</EmptyNote>;
  return (
    <div className="fit" ref={ref}>
      <table className="forecast-table">
        <thead>
          <tr>
            <th>{l('镇街', 'Town')}</th>
            <th>{l('本周', 'Now')}</th>
            <th>{l('下周预测', 'Next week')}</th>
            <th className="num">{l('分值变化', 'Change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ t, now, f }) => {
            const d = f.score - now.score;
            return (
              <tr key={t.town.code} data-forecast={t.town.code} onClick={() => selectTown(t.town.code)}>
                <td><Src>{t.town.name}</Src></td>
                <td>
                  <LevelBadge level={now.level} short />
                </td>
                <td>
                  <LevelBadge level={f.level} short /> {fmtNumber(f.score, 0)} {countUnit(f.score, l('分', 'pts'), 0)}
                </td>
                <td className={`num ${d > 0.5 ? 'delta-worse' : d < -0.5 ? 'delta-better' : ''}`}>
                  {d > 0 ? '+' : d < 0 ? '−' : ''}
                  {fmtNumber(Math.abs(d), 1)} {countUnit(Math.abs(d), l('分', 'pts'), 1)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
