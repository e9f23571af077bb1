import { useMemo, useState } from 'react';
import { Map3DFrame } from '../../map3d/Map3DFrame';
import { useWallLayout } from '../shell/layout';
import { useMapModel } from '../charts/mapRegistry';
import type { OverviewModel } from '../../../shared/readModel';
import { buildTrendOption } from '../charts/trendOption';
import { useSelectTownOnTrendClick } from '../charts/useTrendClick';
import { EChart } from '../charts/EChart';
import { DrillableRiskMap } from '../charts/DrillableRiskMap';
import { RiskMap } from '../charts/RiskMap';
import { useQuery } from '../data/useQuery';
import { useT, usePick } from '../i18n';
import { EventFeed } from '../panels/events';
import { IndicatorGrid } from '../panels/IndicatorGrid';
import { ConsultationKpiTiles, EventKpiTiles } from '../panels/kpis';
import { Panel } from '../panels/Panel';
import { QueryGate } from '../panels/QueryGate';
import { LevelCounts } from '../panels/risk';
import { SessionList } from '../panels/sessions';
import { WarningList } from '../panels/warnings';
import { useCockpit } from '../store/cockpit';
import type { WallKind } from '../shell/layout';
import { WallGrid, type WallTemplate } from './WallGrid';
import { useWeekParams } from './weekParams';

const TEMPLATES: Record<WallKind, WallTemplate> = {
  '16x9': {
    areas: ['levels map kpiE', 'inds map kpiE', 'inds map kpiC', 'inds map warn'],
    columns: '500px 1fr 540px',
    rows: '170px 54px 280px 1fr',
  },
  '32x9': {
    areas: ['inds levels map kpiE feed', 'inds warn map kpiE feed', 'inds warn map kpiC feed', 'inds warn map kpiC feed'],
    columns: '620px 640px 1fr 600px 760px',
    rows: '170px 54px 280px 1fr',
  },
  '48x9': {
    areas: ['inds levels map kpiE feed trend', 'inds warn map kpiE feed trend', 'inds warn map kpiC feed trend', 'inds warn map kpiC sessions trend'],
    columns: '620px 640px 1fr 600px 900px 1100px',
    rows: '170px 54px 280px 1fr',
  },
  '4x3': {
    areas: ['levels kpiE', 'map kpiE', 'map kpiC', 'map warn'],
    columns: '1fr 540px',
    rows: '170px 54px 280px 1fr',
  },
};

/** 平安总览: the five-colour map in the centre, levels, the 12 indicators, warnings, KPIs. */
export function OverviewPage() {
  const t = useT();
  const q = useQuery('overview', useWeekParams());
  const what = 'data.overview';
  const asOf = q.data?.asOf ?? null;
  const open = useMemo(() => (q.data?.warnings ?? []).filter((w) => w.status !== 'closed'), [q.data]);
  // Open ones first (they need action), then the rectified ones: the rectification story.
  const config = useQuery('config', {});
  const can3d = config.data?.map.enable3d === true;
  const [view, setView] = useState<'2d' | '3d'>('2d');
  const ordered = useMemo(() => [...open, ...(q.data?.warnings ?? []).filter((w) => w.status === 'closed')], [open, q.data]);
  return (
    <WallGrid
      page="overview"
      templates={TEMPLATES}
      panels={{
        map: (
          <Panel area="map" title={t('overview.map')} asOf={asOf} className="panel-map"
            extra={
              <>
                {q.data?.weekStart && <span className="panel-note">{t('common.weekOf')} {q.data.weekStart}</span>}
                {can3d && <ViewToggle view={view} onChange={setView} />}
              </>
            }>
            <QueryGate q={q} what={what}>
              {(d) => (view === '3d' && can3d ? <Map3D d={d} /> : <DrillableRiskMap towns={d.towns} warnings={d.warnings} labelSize={26} />)}
            </QueryGate>
          </Panel>
        ),
        levels: (
          <Panel area="levels" title={t('overview.levels')} asOf={asOf}>
            <QueryGate q={q} what={what}>{(d) => <LevelCounts counts={d.levelCounts} />}</QueryGate>
          </Panel>
        ),
        inds: (
          <Panel area="inds" title={t('overview.indicators')} asOf={asOf}>
            <QueryGate q={q} what={what}>{(d) => <IndicatorGrid indicators={d.indicators} columns={2} />}</QueryGate>
          </Panel>
        ),
        warn: (
          <Panel area="warn" title={t('overview.warnings')} asOf={asOf}
            extra={q.data ? <span className="panel-note">{t('overview.openCount', { count: open.length })}</span> : null}>
            <QueryGate q={q} what={what}>
              {() => <WarningList warnings={ordered} limit={12} emptyText="empty.warnings" />}
            </QueryGate>
          </Panel>
        ),
        kpiE: (
          <Panel area="kpiE" title={t('overview.eventKpis')} asOf={asOf}>
            <QueryGate q={q} what={what}>{(d) => <EventKpiTiles kpis={d.events} />}</QueryGate>
          </Panel>
        ),
        kpiC: (
          <Panel area="kpiC" title={t('overview.consultationKpis')} asOf={asOf}>
            <QueryGate q={q} what={what}>{(d) => <ConsultationKpiTiles kpis={d.consultations} withLive />}</QueryGate>
          </Panel>
        ),
        feed: <LatestEventsPanel />,
        sessions: <LiveSessionsPanel />,
        trend: <RiskTrendPanel />,
      }}
    />
  );
}

/** Wider walls: the event feed beside the map. */
function LatestEventsPanel() {
  const t = useT();
  const q = useQuery('events', {});
  return (
    <Panel area="feed" title={t('common.liveEvents')} asOf={q.data?.asOf ?? null}>
      <QueryGate q={q} what="data.eventFeed">{(d) => <EventFeed events={d.latest} limit={14} />}</QueryGate>
    </Panel>
  );
}

function LiveSessionsPanel() {
  const t = useT();
  const q = useQuery('consultation', {});
  return (
    <Panel area="sessions" title={t('overview.sessions')} asOf={q.data?.asOf ?? null}>
      <QueryGate q={q} what="data.sessions">
        {(d) => <SessionList sessions={[...d.live, ...d.upcoming]} limit={4} empty="empty.liveOrUpcoming" />}
      </QueryGate>
    </Panel>
  );
}

function RiskTrendPanel() {
  const t = useT();
  const q = useQuery('risk', useWeekParams());
  const selected = useCockpit((s) => s.selectedTown);
  const option = useMemo(() => (q.data ? buildTrendOption({ trends: q.data.trends, highlight: selected, t }) : null), [q.data, selected, t]);
  const onClick = useSelectTownOnTrendClick(q.data?.trends);
  return (
    <Panel area="trend" title={t('overview.trend')} asOf={q.data?.asOf ?? null}>
      <QueryGate q={q} what="data.riskTrend">{() => <EChart option={option} onClick={onClick} label="trend" />}</QueryGate>
    </Panel>
  );
}

/** 2D / 3D switch for the map (3D only where the config allows it). */
function ViewToggle(props: { view: '2d' | '3d'; onChange(v: '2d' | '3d'): void }) {
  const t = useT();
  return (
    <span className="view-toggle" role="group" aria-label={t('overview.mapView')}>
      {(['2d', '3d'] as const).map((v) => (
        <button key={v} type="button" aria-pressed={props.view === v} data-view={v} onClick={() => props.onChange(v)}>
          {v === '2d' ? t('overview.view2d') : t('overview.view3d')}
        </button>
      ))}
    </span>
  );
}

/**
 * The extruded 3D map (height = score) in its isolated frame; falls back to the 2D map when
 * the frame reports no WebGL or does not answer.
 */
function Map3D({ d }: { d: OverviewModel }) {
  const t = useT();
  const pick = usePick();
  const map = useMapModel();
  const selectTown = useCockpit((s) => s.selectTown);
  const { scale } = useWallLayout();
  const towns = useMemo(() => d.towns.map((t) => ({ code: t.code, name: t.name, level: t.level, score: t.score })), [d.towns]);
  const fallback = <RiskMap towns={d.towns} warnings={d.warnings} labelSize={26} />;
  if (!map.data) return fallback;
  return (
    <div className="risk-map map-3d">
      <Map3DFrame map={map.data} towns={towns} labels={{ provenance: pick(map.data.labelZh, map.data.labelEn) }} fallback={fallback} title={t('overview.map3d')}
        pixelRatio={window.devicePixelRatio * scale} onSelect={selectTown} />
    </div>
  );
}
