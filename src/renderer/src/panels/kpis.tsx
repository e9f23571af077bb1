import type { ConsultationKpis, EventKpis } from '../../../shared/readModel';
import { fmtNumber, fmtPct, useT } from '../i18n';
import { countUnit } from '../i18n/units';
import { Kpi } from './bits';

/** 四平台 headline figures: 下沉人员, 受理事件, 受理超时率, 满意率 (+ today and open). */
export function EventKpiTiles(props: { kpis: EventKpis; extended?: boolean }) {
  const t = useT();
  const k = props.kpis;
  return (
    <div className="kpi-row">
      <Kpi testId="dispatchedPersonnel" label={t('kpi.dispatchedPersonnel')} value={fmtNumber(k.dispatchedPersonnel)} unit={countUnit(k.dispatchedPersonnel, t('unit.people'))} />
      <Kpi testId="accepted" label={t('kpi.accepted')} value={fmtNumber(k.accepted)} unit={countUnit(k.accepted, t('unit.events'))} />
      <Kpi testId="acceptOverdueRate" label={t('kpi.acceptOverdueRate')} value={fmtPct(k.acceptOverdueRatePct, k.acceptOverdueRatePct % 1 ? 1 : 0)} tone={k.acceptOverdueRatePct === 0 ? 'good' : 'bad'} />
      <Kpi testId="satisfactionRate" label={t('kpi.satisfactionRate')} value={fmtPct(k.satisfactionRatePct, k.satisfactionRatePct % 1 ? 1 : 0)} tone={k.satisfactionRatePct >= 95 ? 'good' : undefined} />
      {props.extended && (
        <>
          <Kpi testId="reportedToday" label={t('kpi.reportedToday')} value={fmtNumber(k.reportedToday)} unit={countUnit(k.reportedToday, t('unit.events'))} />
          <Kpi testId="open" label={t('kpi.open')} value={fmtNumber(k.open)} unit={countUnit(k.open, t('unit.events'))} />
        </>
      )}
    </div>
  );
}

/** 云上板凳 headline figures: 关注人数, 协商次数, 成功率 (+ live and upcoming). */
export function ConsultationKpiTiles(props: { kpis: ConsultationKpis; extended?: boolean; withLive?: boolean }) {
  const t = useT();
  const k = props.kpis;
  return (
    <div className="kpi-row">
      <Kpi testId="followers" label={t('kpi.followers')} value={fmtNumber(k.followers)} unit={countUnit(k.followers, t('unit.people'))} />
      <Kpi testId="held" label={t('kpi.held')} value={fmtNumber(k.held)} unit={countUnit(k.held, t('unit.times'))} />
      <Kpi testId="successRate" label={t('kpi.successRate')} value={fmtPct(k.successRatePct, k.successRatePct % 1 ? 1 : 0)} tone={k.successRatePct >= 90 ? 'good' : undefined} />
      {(props.extended || props.withLive) && <Kpi testId="live" label={t('kpi.live')} value={fmtNumber(k.live)} unit={countUnit(k.live, t('unit.sessions'))} />}
      {props.extended && (
        <>
          <Kpi testId="upcoming" label={t('kpi.upcoming')} value={fmtNumber(k.upcoming)} unit={countUnit(k.upcoming, t('unit.sessions'))} />
        </>
      )}
    </div>
  );
}
