import type { Level } from '../../../shared/contract';
import type { WarningView } from '../../../shared/readModel';
import { LEVEL_COLORS, levelRank } from '../charts/levels';
import { fmtDate, fmtDateTime, useT, usePick, type TextKey } from '../i18n';
import { useCockpit } from '../store/cockpit';
import { LevelBadge, StatusTag } from './bits';
import { useFitChildren } from './fit';
import { EmptyNote } from './QueryGate';
import { dimensionOf, indicatorOf, useVocabulary } from './vocabulary';
import { Src, SrcList } from '../text/sourceText';

/** Warnings, most severe first: level colour, town, title, status (待整改/整改中/已销号). */
export function WarningList(props: {
  warnings: WarningView[];
  limit: number;
  /** What to say when there are none; null: say nothing. */
  emptyText: TextKey | null;
}) {
  const t = useT();
  const selectTown = useCockpit((s) => s.selectTown);
  const ref = useFitChildren<HTMLUListElement>([props.warnings, props.limit]);
  if (!props.warnings.length) return props.emptyText ? <EmptyNote>{t(props.emptyText)}</EmptyNote> : null;
  const shown = props.warnings.slice(0, props.limit);
  return (
    <ul className="warning-list fit" ref={ref}>
      {shown.map((w) => (
        <li key={w.id} data-warning={w.id} data-status={w.status} style={{ borderLeftColor: LEVEL_COLORS[w.level] }} onClick={() => selectTown(w.town.code)}>
          <div className="warning-line">
            <LevelBadge level={w.level} short />
            <b className="warning-town"><Src>{w.town.name}</Src></b>
            <StatusTag status={w.status} />
            {w.kind === 'predictive' && <span className="tag tag-predictive">{t('warn.predictive')}</span>}
            {w.jointSupervision && <span className="tag tag-joint">{t('warn.joint')}</span>}
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
  const t = useT();
  const pick = usePick();
  const vocab = useVocabulary();
  const w = props.warning;
  const dim = dimensionOf(vocab, w.dimension);
  const ind = w.indicator ? indicatorOf(vocab, w.indicator) : null;
  return (
    <article className="warning-story" data-warning={w.id} style={{ borderLeftColor: LEVEL_COLORS[w.level] }}>
      <header>
        <LevelBadge level={w.level} />
        <StatusTag status={w.status} />
        {w.kind === 'predictive' && <span className="tag tag-predictive">{t('warn.predictive')}</span>}
        <span className="story-meta">
          {pick(dim.zh, dim.en)}
          {ind && ` · ${pick(ind.zh, ind.en)}`} · {t('warn.issued')} {fmtDate(w.issuedAt)}
        </span>
      </header>
      <h4><Src>{w.title}</Src></h4>
      <ol className="story-steps">
        <li>
          <b>{t('warn.cause')}</b>
          <p><Src>{w.causeAnalysis}</Src></p>
          {w.communities.length > 0 && (
            <p className="story-communities">
              {t('warn.communities')}
              <SrcList items={w.communities} />
            </p>
          )}
        </li>
        <li>
          <b>{t('warn.rectification')}</b>
          <p><Src>{w.rectification}</Src></p>
        </li>
        {w.jointSupervision && (
          <li>
            <b>{t('warn.jointSupervision')}</b>
            <p>
              <SrcList items={w.jointSupervision.departments} /> · {t('warn.since')} {fmtDate(w.jointSupervision.startedAt)}
              {w.jointSupervision.note ? ` · ${w.jointSupervision.note}` : ''}
            </p>
          </li>
        )}
        <li>
          <b>{t('warn.whatHappened')}</b>
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
            <b>{t('warn.riskLevel')}</b>
            <p className="story-outcome">
              {t('warn.whenWarned')} <LevelBadge level={w.level} short /> → {t('warn.thisWeek')} <LevelBadge level={props.levelNow} short />
              {levelRank(props.levelNow) > levelRank(w.level)
                ? t('warn.levelDown')
                : levelRank(props.levelNow) < levelRank(w.level)
                  ? t('warn.levelUp')
                  : t('warn.levelSame')}
            </p>
          </li>
        )}
      </ol>
    </article>
  );
}
