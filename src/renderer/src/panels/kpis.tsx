import type { ConsultationKpis, EventKpis } from '../../../shared/readModel';
import { fmtNumber, fmtPct, useL } from '../i18n';
import { countUnit } from '../i18n/units';
import { Kpi } from './bits';

/** 四平台 headline figures: 下沉人员, 受理事件, 受理超时率, 满意率 (+ today and open). */
export function EventKpiTiles(props: { kpis: EventKpis; extended?: boolean }) {
  const l = useL();
  const k = props.kpis;
  return (
    <div className="kpi-row">
      <Kpi testId="dispatchedPersonnel" label={l('下沉人员', 'Dispatched staff')} value={fmtNumber(k.dispatchedPersonnel)} unit={countUnit(k.dispatchedPersonnel, l('人', 'people'))} />
      <Kpi testId="accepted" label={l('受理事件', 'Events accepted')} value={fmtNumber(k.accepted)} unit={countUnit(k.accepted, l('件', 'events'))} />
      <Kpi testId="acceptOverdueRate" label={l('受理超时率', 'Accept overdue')} value={fmtPct(k.acceptOverdueRatePct, k.acceptOverdueRatePct % 1 ? 1 : 0)} tone={k.acceptOverdueRatePct === 0 ? 'good' : 'bad'} />
      <Kpi testId="satisfactionRate" label={l('满意率', 'Satisfaction')} value={fmtPct(k.satisfactionRatePct, k.satisfactionRatePct % 1 ? 1 : 0)} tone={k.satisfactionRatePct >= 95 ? 'good' : undefined} />
      {props.extended && (
        <>
          <Kpi testId="reportedToday" label={l('今日上报', 'Reported today')} value={fmtNumber(k.reportedToday)} unit={countUnit(k.reportedToday, l('件', 'events'))} />
          <Kpi testId="open" label={l('办理中', 'Open')} value={fmtNumber(k.open)} unit={countUnit(k.open, l('件', 'events'))} />
        </>
      )}
    </div>
  );
}

/** 云上板凳 headline figures: 关注人数, 协商次数, 成功率 (+ live and upcoming). */
export function ConsultationKpiTiles(props: { kpis: ConsultationKpis; extended?: boolean; withLive?: boolean }) {
  const l = useL();
  const k = props.kpis;
  return (
    <div className="kpi-row">
      <Kpi testId="followers" label={l('线上关注', 'Followers')} value={fmtNumber(k.followers)} unit={countUnit(k.followers, l('人', 'people'))} />
      <Kpi testId="held" label={l('累计协商', 'Consultations')} value={fmtNumber(k.held)} unit={countUnit(k.held, l('次', 'sessions'))} />
      <Kpi testId="successRate" label={l('协商成功率', 'Success rate')} value={fmtPct(k.successRatePct, k.successRatePct % 1 ? 1 : 0)} tone={k.successRatePct >= 90 ? 'good' : undefined} />
      {(props.extended || props.withLive) && <Kpi testId="live" label={l('直播中', 'Live now')} value={fmtNumber(k.live)} unit={countUnit(k.live, l('场', 'sessions'))} />}
      {props.extended && (
        <>
          <Kpi testId="upcoming" label={l('预告', 'Upcoming')} value={fmtNumber(k.upcoming)} unit={countUnit(k.upcoming, l('场', 'sessions'))} />
        </>
      )}
    </div>
  );
}
