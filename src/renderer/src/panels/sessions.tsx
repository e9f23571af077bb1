import { CONSULTATION_CATEGORY_NAMES } from '../../../shared/contract';
import type { ConsultationView } from '../../../shared/readModel';
import { fmtDateTime, fmtNumber, useL } from '../i18n';
import { countUnit } from '../i18n/units';
import { useCockpit } from '../store/cockpit';
import { useFitChildren } from './fit';
import { EmptyNote } from './QueryGate';
import { Src, SrcList } from '../text/sourceText';

const OUTCOME = {
  agreed: { zh: '达成一致', en: 'Agreed' },
  partlyAgreed: { zh: '部分达成', en: 'Partly agreed' },
  notAgreed: { zh: '未达成', en: 'Not agreed' },
} as const;

const STATUS = {
  scheduled: { zh: '预告', en: 'Upcoming' },
  live: { zh: '直播中', en: 'Live' },
  ended: { zh: '已结束', en: 'Ended' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
} as const;

/** 云上板凳 sessions: when, topic, where, viewers, experts, outcome. */
export function SessionList(props: { sessions: ConsultationView[]; limit: number; empty: [string, string] }) {
  const l = useL();
  const selectTown = useCockpit((s) => s.selectTown);
  const ref = useFitChildren<HTMLUListElement>([props.sessions, props.limit]);
  if (!props.sessions.length) return <EmptyNote>{l(...props.empty)}</EmptyNote>;
  return (
    <ul className="session-list fit" ref={ref}>
      {props.sessions.slice(0, props.limit).map((s) => {
        const cat = CONSULTATION_CATEGORY_NAMES[s.category];
        return (
          <li key={s.id} data-session={s.id} className={`session-${s.status}`} onClick={() => selectTown(s.town.code)}>
            <div className="session-line">
              <span className={`tag tag-${s.status}`}>{l(STATUS[s.status].zh, STATUS[s.status].en)}</span>
              <span className="session-when">{fmtDateTime(s.scheduledAt)}</span>
              <span className="tag">{l(cat.zh, cat.en)}</span>
              <span className="session-where">
                <Src>{s.town.name}</Src> · <Src>{s.community}</Src>
              </span>
              {s.outcome && <b className={`outcome outcome-${s.outcome}`}>{l(OUTCOME[s.outcome].zh, OUTCOME[s.outcome].en)}</b>}
            </div>
            <div className="session-topic"><Src>{s.topic}</Src></div>
            <div className="session-meta">
              {s.status === 'scheduled' && s.viewers === 0
                ? l('尚未开播', 'not started')
                : `${s.status === 'live' ? l('在线', 'watching') : s.status === 'ended' ? l('观看', 'views') : l('关注', 'interested')} ${fmtNumber(s.viewers)} ${countUnit(s.viewers, l('人', 'people'))}`}
              {s.experts.length > 0 && (
                <>
                  {` · ${l('专家', 'experts')}：`}
                  <SrcList items={s.experts} />
                </>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
