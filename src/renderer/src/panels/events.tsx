import { EVENT_TYPE_NAMES, PERSONNEL_ROLE_NAMES, type EventStatus } from '../../../shared/contract';
import type { EventsModel, EventView } from '../../../shared/readModel';
import { fmtDateTime, fmtNumber, fmtTime, useL } from '../i18n';
import { countUnit } from '../i18n/units';
import { useCockpit } from '../store/cockpit';
import { useFitChildren } from './fit';
import { EmptyNote } from './QueryGate';
import { Src } from '../text/sourceText';

export const EVENT_STATUS_NAMES: Record<EventStatus, { zh: string; en: string }> = {
  reported: { zh: '上报', en: 'Reported' },
  accepted: { zh: '受理', en: 'Accepted' },
  dispatched: { zh: '流转', en: 'Dispatched' },
  handled: { zh: '处置', en: 'Handled' },
  closed: { zh: '办结', en: 'Closed' },
  rated: { zh: '评价', en: 'Rated' },
};

const DAY_MS = 86_400_000;

/** The latest events: time, type, town · community, title, current step. */
export function EventFeed(props: { events: EventView[]; limit: number }) {
  const l = useL();
  const selectTown = useCockpit((s) => s.selectTown);
  const ref = useFitChildren<HTMLUListElement>([props.events, props.limit]);
  if (!props.events.length) return <EmptyNote>{l('暂无新上报事件', 'No events reported yet')}</EmptyNote>;
  return (
    <ul className="event-feed fit" ref={ref}>
      {props.events.slice(0, props.limit).map((e) => {
        const when = Date.now() - Date.parse(e.reportedAt) > DAY_MS ? fmtDateTime(e.reportedAt) : fmtTime(e.reportedAt);
        const t = EVENT_TYPE_NAMES[e.type];
        const s = EVENT_STATUS_NAMES[e.status];
        return (
          <li key={e.id} data-event={e.id} onClick={() => selectTown(e.town.code)}>
            <span className="feed-time">{when}</span>
            <span className="tag">{l(t.zh, t.en)}</span>
            <span className="feed-where">
              <Src>{e.town.name}</Src> · <Src>{e.community}</Src>
            </span>
            <span className="feed-title"><Src>{e.title}</Src></span>
            <span className={`feed-status status-${e.status}`}>
              {l(s.zh, s.en)}
              {(e.acceptOverdue || e.handleOverdue) && <b className="overdue"> {l('超时', 'overdue')}</b>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Personnel assessment ranking (自动考核评价): score, events handled, role and unit. */
export function RankingTable(props: { ranking: EventsModel['ranking']; limit: number }) {
  const l = useL();
  const ref = useFitChildren<HTMLDivElement>([props.ranking, props.limit], 'tbody tr');
  if (!props.ranking.length) return <EmptyNote>{l('暂无考核评分', 'No assessment scores yet')}</EmptyNote>;
  return (
    <div className="fit" ref={ref}>
    <table className="rank-table">
      <thead>
        <tr>
          <th>#</th>
          <th>{l('姓名', 'Name')}</th>
          <th>{l('类别', 'Role')}</th>
          <th>{l('镇街 · 单位', 'Town · unit')}</th>
          <th className="num">{l('处置事件', 'Handled')}</th>
          <th className="num">{l('考核得分', 'Score')}</th>
        </tr>
      </thead>
      <tbody>
        {props.ranking.slice(0, props.limit).map((p, i) => (
          <tr key={p.id} data-person={p.id}>
            <td className="rank-n">{i + 1}</td>
            <td><Src>{p.name}</Src></td>
            <td>{l(PERSONNEL_ROLE_NAMES[p.role].zh, PERSONNEL_ROLE_NAMES[p.role].en)}</td>
            <td className="ellipsis">
              <Src>{p.town.name}</Src> · <Src>{p.department}</Src>
            </td>
            <td className="num">
              {fmtNumber(p.eventsHandled)} {l('件', '')}
            </td>
            <td className="num score">
              {fmtNumber(p.score, 1)} {countUnit(p.score, l('分', 'pts'), 1)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
