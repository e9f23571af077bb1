import type { Level } from '../../../shared/contract';
import type { WarningView } from '../../../shared/readModel';
import { LEVEL_COLORS, levelRank } from '../charts/levels';
import { fmtDate, fmtDateTime, useL } from '../i18n';
import { useCockpit } from '../store/cockpit';
import { LevelBadge, StatusTag } from './bits';
import { useFitChildren } from './fit';
import { EmptyNote } from './QueryGate';
import { dimensionOf, indicatorOf, useVocabulary } from './vocabulary';
import { Src, SrcList } from '../text/sourceText';

/** Warnings, most severe first: level colour, town, title, status (待整改/整改中/已销号). */
export function WarningList(props: { warnings: WarningView[]; limit: number; emptyText: [string, string] }) {
  const l = useL();
  const selectTown = useCockpit((s) => s.selectTown);
  const ref = useFitChildren<HTMLUListElement>([props.warnings, props.limit]);
  if (!props.warnings.length) return <EmptyNote>{l(...props.emptyText)}</EmptyNote>;
  const shown = props.warnings.slice(0, props.limit);
  return (
    <ul className="warning-list fit" ref={ref}>
      {shown.map((w) => (
        <li key={w.id} data-warning={w.id} style={{ borderLeftColor: LEVEL_COLORS[w.level] }} onClick={() => selectTown(w.town.code)}>
          <div className="warning-line">
            <LevelBadge level={w.level} short />
            <b className="warning-town"><Src>{w.town.name}</Src></b>
            <StatusTag status={w.status} />
            {w.kind === 'predictive' && <span className="tag tag-predictive">{l('预测预警', 'Predictive')}</span>}
            {w.jointSupervision && <span className="tag tag-joint">{l('联合督导', 'Joint supervision')}</span>}
            <span className="warning-date">{fmtDate(w.issuedAt)}</span>
          </div>
          <div className="warning-title"><Src>{w.title}</Src></div>
        </li>
      ))}
    </ul>
  );
}

/**
 * One warning as a story: what was found (cause analysis) → what to do (rectification) →
 * what happened (status history), with joint supervision for red towns.
 */
export function WarningStory(props: { warning: WarningView; levelNow?: Level | null }) {
  const l = useL();
  const vocab = useVocabulary();
  const w = props.warning;
  const dim = dimensionOf(vocab, w.dimension);
  const ind = w.indicator ? indicatorOf(vocab, w.indicator) : null;
  return (
    <article className="warning-story" data-warning={w.id} style={{ borderLeftColor: LEVEL_COLORS[w.level] }}>
      <header>
        <LevelBadge level={w.level} />
        <StatusTag status={w.status} />
        {w.kind === 'predictive' && <span className="tag tag-predictive">{l('预测预警', 'Predictive')}</span>}
        <span className="story-meta">
          {l(dim.zh, dim.en)}
          {ind && ` · ${l(ind.zh, ind.en)}`} · {l('发出', 'issued')} {fmtDate(w.issuedAt)}
        </span>
      </header>
      <h4><Src>{w.title}</Src></h4>
      <ol className="story-steps">
        <li>
          <b>{l('原因分析', 'Cause analysis')}</b>
          <p><Src>{w.causeAnalysis}</Src></p>
          {w.communities.length > 0 && (
            <p className="story-communities">
              {l('重点社区：', 'Communities: ')}
              <SrcList items={w.communities} />
            </p>
          )}
        </li>
        <li>
          <b>{l('整改方向', 'Rectification')}</b>
          <p><Src>{w.rectification}</Src></p>
        </li>
        {w.jointSupervision && (
          <li>
            <b>{l('多部门联合督导', 'Joint supervision')}</b>
            <p>
              <SrcList items={w.jointSupervision.departments} /> · {l('自', 'since')} {fmtDate(w.jointSupervision.startedAt)}
              {w.jointSupervision.note ? ` · ${w.jointSupervision.note}` : ''}
            </p>
          </li>
        )}
        <li>
          <b>{l('处置经过', 'What happened')}</b>
          <ul className="story-history">
            {w.history.map((h, i) => (
              <li key={i}>
                <span className="story-when">{fmtDateTime(h.at)}</span>
                <StatusTag status={h.status} />
                <span>{h.note}</span>
              </li>
            ))}
          </ul>
        </li>
        {props.levelNow && (
          <li data-outcome={props.levelNow}>
            <b>{l('风险等级', 'Risk level')}</b>
            <p className="story-outcome">
              {l('预警时', 'when warned')} <LevelBadge level={w.level} short /> → {l('本周', 'this week')} <LevelBadge level={props.levelNow} short />
              {levelRank(props.levelNow) > levelRank(w.level)
                ? l('，风险等级已降低', ': the risk level has come down')
                : levelRank(props.levelNow) < levelRank(w.level)
                  ? l('，风险等级仍在上升', ': the risk level is higher')
                  : l('，风险等级未变', ': unchanged')}
            </p>
          </li>
        )}
      </ol>
    </article>
  );
}
