import { DAY_MS } from '../../../shared/districtTime';
import { EVENT_TYPE_NAMES, PERSONNEL_ROLE_NAMES } from '../../../shared/contract';
import type { EventsModel, EventView } from '../../../shared/readModel';
import { fmtDateTime, fmtNumber, fmtTime, useT, usePick } from '../i18n';
import { countUnit } from '../i18n/units';
import { useCockpit } from '../store/cockpit';
import { referenceNow, useLookback } from '../store/lookback';
import { useFitChildren } from './fit';
import { EmptyNote } from './QueryGate';
import { Src } from '../text/sourceText';


/** The latest events: time, type, town · community, title, current step. */
export function EventFeed(props: { events: EventView[]; limit: number }) {
  const t = useT();
  const pick = usePick();
  const selectTown = useCockpit((s) => s.selectTown);
  // Looking back, "today" is the day looked back to.
  const now = referenceNow(useLookback((s) => s.asOf));
  const ref = useFitChildren<HTMLUListElement>([props.events, props.limit]);
  if (!props.events.length) return <EmptyNote>{t('feed.none')}</EmptyNote>;
  return (
    <ul className="event-feed fit" ref={ref}>
      {props.events.slice(0, props.limit).map((e) => {
        const when = now - Date.parse(e.reportedAt) > DAY_MS ? fmtDateTime(e.reportedAt) : fmtTime(e.reportedAt);
        const type = EVENT_TYPE_NAMES[e.type];
        return (
          <li key={e.id} data-event={e.id} onClick={() => selectTown(e.town.code)}>
            <span className="feed-time">{when}</span>
            <span className="tag">{pick(type.zh, type.en)}</span>
            <span className="feed-where">
              <Src>{e.town.name}</Src> · <Src>{e.community}</Src>
            </span>
            <span className="feed-title"><Src>{e.title}</Src></span>
            <span className={`feed-status status-${e.status}`}>
              {t(`eventStatus.${e.status}`)}
              {(e.acceptOverdue || e.handleOverdue) && <b className="overdue"> {t('feed.overdue')}</b>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Personnel assessment ranking (自动考核评价): score, events handled, role and unit. */
export function RankingTable(props: { ranking: EventsModel['ranking']; limit: number }) {
  const t = useT();
  const pick = usePick();
  const ref = useFitChildren<HTMLDivElement>([props.ranking, props.limit], 'tbody tr');
  if (!props.ranking.length) return <EmptyNote>{t('ranking.none')}</EmptyNote>;
  return (
    <div className="fit" ref={ref}>
    <table className="rank-table">
      <thead>
        <tr>
          <th>#</th>
          <th>{t('ranking.name')}</th>
          <th>{t('ranking.role')}</th>
          <th>{t('ranking.unit')}</th>
          <th className="num">{t('ranking.handled')}</th>
          <th className="num">{t('ranking.score')}</th>
        </tr>
      </thead>
      <tbody>
        {props.ranking.slice(0, props.limit).map((p, i) => (
          <tr key={p.id} data-person={p.id}>
            <td className="rank-n">{i + 1}</td>
            <td><Src>{p.name}</Src></td>
            <td>{pick(PERSONNEL_ROLE_NAMES[p.role].zh, PERSONNEL_ROLE_NAMES[p.role].en)}</td>
            <td className="ellipsis">
              <Src>{p.town.name}</Src> · <Src>{p.department}</Src>
            </td>
            <td className="num">
              {fmtNumber(p.eventsHandled)} {t('unit.itemsBare')}
            </td>
            <td className="num score">
              {fmtNumber(p.score, 1)} {countUnit(p.score, t('unit.points'), 1)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
