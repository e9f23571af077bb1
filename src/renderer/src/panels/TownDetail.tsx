import { Fragment, useEffect, useMemo, type ReactNode } from 'react';
import type { TownDetailModel } from '../../../shared/readModel';
import { LookbackTag } from '../shell/LookbackControl';
import { buildRadarOption, buildVsBaselineOption } from '../charts/basicOptions';
import { EChart } from '../charts/EChart';
import { LEVEL_COLORS, NO_DATA_COLOR } from '../charts/levels';
import { buildTrendOption } from '../charts/trendOption';
import { useQuery } from '../data/useQuery';
import { fmtNumber, useT, usePick } from '../i18n';
import { countUnit } from '../i18n/units';
import { useWeekParams } from '../pages/weekParams';
import { AsOf } from '../shell/AsOf';
import { useWallLayout, type WallKind } from '../shell/layout';
import type { Level } from '../../../shared/contract';
import { LevelBadge } from './bits';
import { useFitChildren } from './fit';
import { EventFeed } from './events';
import { fmtIndicator } from './format';
import { EmptyNote, QueryGate } from './QueryGate';
import { ExplanationView } from './risk';
import { SessionList } from './sessions';
import { dimensionOf, useVocabulary } from './vocabulary';
import { WarningStory } from './warnings';
import { Src, isolate } from '../text/sourceText';

const TEMPLATES: Record<WallKind, { areas: string[]; columns: string; rows: string }> = {
  '16x9': { areas: ['dims inds warn', 'why inds warn', 'recent trend warn'], columns: '1fr 1.05fr 1.3fr', rows: '1fr 1fr 1fr' },
  '32x9': { areas: ['dims inds warn events', 'why trend warn sessions'], columns: '1fr 1.2fr 1.4fr 1.2fr', rows: '1fr 1fr' },
  '48x9': { areas: ['dims inds warn warn2 events', 'why trend warn warn2 sessions'], columns: '1fr 1.2fr 1.3fr 1.3fr 1.2fr', rows: '1fr 1fr' },
  '4x3': { areas: ['dims warn', 'why warn', 'trend warn'], columns: '1fr 1.2fr', rows: '1fr 1fr 1fr' },
};

/** Open and rectifying warnings first (they need action), then the newest. */
function storyOrder(ws: TownDetailModel['warnings']) {
  const rank = { open: 0, rectifying: 1, closed: 2 } as const;
  return [...ws].sort((a, b) => rank[a.status] - rank[b.status] || b.issuedAt.localeCompare(a.issuedAt));
}

/**
 * A town's detail, over any page when a town is picked: its five dimensions, 12 indicators
 * against baseline, why it has its colour, trend and forecast, its warnings told as stories
 * (cause → rectification → what happened), and its recent events and sessions.
 * Escape or the close button closes it.
 */
export interface TownDetailProps {
  code: string;
  onClose(): void;
}

export function TownDetail(props: TownDetailProps) {
  const { code, onClose } = props;
  const t = useT();
  const q = useQuery('town', { code, ...useWeekParams() });
  const { kind } = useWallLayout();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const d = q.data;
  const levelColor = d?.risk ? LEVEL_COLORS[d.risk.level] : NO_DATA_COLOR;
  return (
    <div className="town-detail-backdrop" onClick={onClose}>
      <aside
        className="town-detail"
        role="dialog"
        aria-modal="true"
        aria-label={isolate(d?.town.name ?? code)}
        data-town={code}
        style={{ borderTopColor: levelColor }}
        onClick={(e) => e.stopPropagation()}
      >
        <header className="town-detail-head">
          <h2><Src>{d?.town.name ?? code}</Src></h2>
          {d && <LevelBadge level={d.risk?.level ?? null} />}
          {d?.risk && (
            <span className="head-fact">
              {t('risk.score')} <b className="num">{fmtNumber(d.risk.score, 0)}</b> {countUnit(d.risk.score, t('unit.points'), 0)}
            </span>
          )}
          {d?.risk && (
            <span className="head-fact">
              {t('common.weekOf')} {d.risk.weekStart}
            </span>
          )}
          {d && (
            <span className="head-fact">
              {t('town.population')} <b className="num">{fmtNumber(d.town.population)}</b> {t('unit.residents')}
            </span>
          )}
          {d?.forecast && (
            <span className="head-fact">
              {t('forecast.nextWeek')} <LevelBadge level={d.forecast.level} short /> {fmtNumber(d.forecast.score, 0)} {countUnit(d.forecast.score, t('unit.points'), 0)}
            </span>
          )}
          <LookbackTag />
          <AsOf time={d?.asOf ?? null} />
          <button type="button" className="close" onClick={onClose} aria-label={t('common.close')}>
            ✕ {t('common.close')}
          </button>
        </header>
        <QueryGate q={q} what="data.town">
          {(m) => <DetailGrid m={m} kind={kind} />}
        </QueryGate>
      </aside>
    </div>
  );
}

/** Warning stories, as many as fit whole in the box. */
function Stories(props: { warnings: TownDetailModel['warnings']; levelNow: Level | null }) {
  const ref = useFitChildren<HTMLDivElement>([props.warnings, props.levelNow]);
  return (
    <div className="fit" ref={ref}>
      {props.warnings.map((w) => (
        <WarningStory key={w.id} warning={w} levelNow={props.levelNow} />
      ))}
    </div>
  );
}

function Box(props: { area: string; title: string; children: ReactNode }) {
  return (
    <section className="panel detail-box" style={{ gridArea: props.area }} data-panel={props.area}>
      <header className="panel-head">
        <h3>{props.title}</h3>
      </header>
      <div className="panel-body">{props.children}</div>
    </section>
  );
}

function DetailGrid({ m, kind }: { m: TownDetailModel; kind: WallKind }) {
  const t = useT();
  const pick = usePick();
  const vocab = useVocabulary();
  const risk = m.risk;
  const stories = storyOrder(m.warnings);
  const perColumn = 2;
  // A second warnings column only when there are warnings to fill it; else the first widens.
  const base = TEMPLATES[kind];
  const template = stories.length > perColumn ? base : { ...base, areas: base.areas.map((r) => r.replace('warn2', 'warn')) };
  const areas = new Set(template.areas.join(' ').split(' '));

  const radar = useMemo(
    () =>
      risk
        ? buildRadarOption({
            axes: vocab.dimensions.map((dim) => ({ name: pick(dim.zh, dim.en), value: risk.dimensionScores[dim.id] ?? 0 })),
            color: LEVEL_COLORS[risk.level],
            unit: t('unit.points'),
          })
        : null,
    [risk, vocab, t, pick],
  );
  const vsBaseline = useMemo(
    () =>
      risk
        ? buildVsBaselineOption({
            rows: vocab.indicators.map((i) => {
              const v = risk.indicators[i.id];
              const b = risk.baselines[i.id];
              const ratio = i.worse === 'lower' ? (v > 0 ? b / v : 2) : b > 0 ? v / b : v > 0 ? 2 : 1;
              const lv = risk.indicatorLevels[i.id];
              return {
                name: pick(i.zh, i.en),
                ratioPct: ratio * 100,
                color: lv ? LEVEL_COLORS[lv] : NO_DATA_COLOR,
                valueText: fmtIndicator(v, i, t),
                baselineText: fmtIndicator(b, i, t),
              };
            }),
            baselineLabel: t('town.baseline'),
            valueLabel: t('town.thisWeek'),
          })
        : null,
    [risk, vocab, t, pick],
  );
  const trend = useMemo(
    () => buildTrendOption({ trends: [{ town: m.town, series: m.trend, forecast: m.forecast }], t, legend: false }),
    [m, t],
  );

  const boxes: Record<string, ReactNode> = {
    dims: (
      <Box area="dims" title={t('town.dimensions')}>
        {radar ? <EChart option={radar} label="dimensions" /> : <EmptyNote>{t('town.noRating')}</EmptyNote>}
        {risk && (
          <div className="dim-levels">
            {vocab.dimensions.map((dim) => (
              <span key={dim.id}>
                <i style={{ background: LEVEL_COLORS[risk.dimensionLevels[dim.id]] ?? NO_DATA_COLOR }} />
                {pick(dimensionOf(vocab, dim.id).zh, dimensionOf(vocab, dim.id).en)}
              </span>
            ))}
          </div>
        )}
      </Box>
    ),
    inds: (
      <Box area="inds" title={t('town.indicators')}>
        {vsBaseline ? <EChart option={vsBaseline} label="indicators vs baseline" /> : <EmptyNote>{t('town.noIndicators')}</EmptyNote>}
      </Box>
    ),
    why: (
      <Box area="why" title={t('common.whyThisColour')}>
        {m.explanation ? (
          <ExplanationView explanation={m.explanation} townName={m.town.name} limit={kind === '16x9' ? 4 : 5} />
        ) : (
          <EmptyNote>{t('town.noExplanation')}</EmptyNote>
        )}
      </Box>
    ),
    trend: (
      <Box area="trend" title={t('town.trend')}>
        {m.trend.length ? <EChart option={trend} label="town trend" /> : <EmptyNote>{t('common.noWeeklyHistory')}</EmptyNote>}
      </Box>
    ),
    warn: (
      <Box area="warn" title={t('town.warnings', { count: m.warnings.length })}>
        {stories.length ? (
          <Stories warnings={stories.slice(0, kind === '48x9' ? perColumn : perColumn + 1)} levelNow={risk?.level ?? null} />
        ) : (
          <EmptyNote>{t('town.noWarnings')}</EmptyNote>
        )}
      </Box>
    ),
    warn2: (
      <Box area="warn2" title={t('town.moreWarnings')}>
        {stories.length > perColumn ? (
          <Stories warnings={stories.slice(perColumn, perColumn * 2 + 1)} levelNow={risk?.level ?? null} />
        ) : (
          <EmptyNote>{t('town.noMoreWarnings')}</EmptyNote>
        )}
      </Box>
    ),
    recent: (
      <Box area="recent" title={t('town.recent')}>
        <EventFeed events={m.recentEvents} limit={2} />
        <SessionList sessions={m.recentConsultations} limit={1} empty="empty.townSessions" />
      </Box>
    ),
    events: (
      <Box area="events" title={t('town.recentEvents')}>
        <EventFeed events={m.recentEvents} limit={9} />
      </Box>
    ),
    sessions: (
      <Box area="sessions" title={t('town.recentConsultations')}>
        <SessionList sessions={m.recentConsultations} limit={3} empty="empty.townSessions" />
      </Box>
    ),
  };

  return (
    <div
      className="town-detail-grid"
      style={{ gridTemplateAreas: template.areas.map((r) => `"${r}"`).join(' '), gridTemplateColumns: template.columns, gridTemplateRows: template.rows }}
    >
      {Object.entries(boxes)
        .filter(([a]) => areas.has(a))
        .map(([a, node]) => (
          <Fragment key={a}>{node}</Fragment>
        ))}
    </div>
  );
}
