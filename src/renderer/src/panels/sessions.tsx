import { CONSULTATION_CATEGORY_NAMES } from '../../../shared/contract';
import type { ConsultationView } from '../../../shared/readModel';
import { fmtDateTime, fmtNumber, useT, usePick, type TextKey } from '../i18n';
import { countUnit } from '../i18n/units';
import { useCockpit } from '../store/cockpit';
import { useFitChildren } from './fit';
import { EmptyNote } from './QueryGate';
import { Src, SrcList } from '../text/sourceText';

/** 云上板凳 sessions: when, topic, where, viewers, experts, outcome. */
export function SessionList(props: { sessions: ConsultationView[]; limit: number; empty: TextKey }) {
  const t = useT();
  const pick = usePick();
  const selectTown = useCockpit((s) => s.selectTown);
  const ref = useFitChildren<HTMLUListElement>([props.sessions, props.limit]);
  if (!props.sessions.length) return <EmptyNote>{t(props.empty)}</EmptyNote>;
  return (
    <ul className="session-list fit" ref={ref}>
      {props.sessions.slice(0, props.limit).map((s) => {
        const cat = CONSULTATION_CATEGORY_NAMES[s.category];
        return (
          <li key={s.id} data-session={s.id} className={`session-${s.status}`} onClick={() => selectTown(s.town.code)}>
            <div className="session-line">
              <span className={`tag tag-${s.status}`}>{t(`sessionStatus.${s.status}`)}</span>
              <span className="session-when">{fmtDateTime(s.scheduledAt)}</span>
              <span className="tag">{pick(cat.zh, cat.en)}</span>
              <span className="session-where">
                <Src>{s.town.name}</Src> · <Src>{s.community}</Src>
              </span>
              {s.outcome && <b className={`outcome outcome-${s.outcome}`}>{t(`outcome.${s.outcome}`)}</b>}
            </div>
            <div className="session-topic"><Src>{s.topic}</Src></div>
            <div className="session-meta">
              {s.status === 'scheduled' && s.viewers === 0
                ? t('session.notStarted')
                : `${s.status === 'live' ? t('session.watching') : s.status === 'ended' ? t('session.views') : t('session.interested')} ${fmtNumber(s.viewers)} ${countUnit(s.viewers, t('unit.people'))}`}
              {s.experts.length > 0 && (
                <>
                  {` · ${t('session.experts')}：`}
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
