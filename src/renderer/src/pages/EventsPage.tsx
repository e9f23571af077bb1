import { useMemo, type ReactNode } from 'react';
import { EVENT_TYPE_NAMES } from '../../../shared/contract';
import type { EventsModel } from '../../../shared/readModel';
import { buildBarsOption, buildDailyLinesOption, buildFlowOption, buildGroupedBarsOption } from '../charts/basicOptions';
import { EChart } from '../charts/EChart';
import { SERIES_COLORS } from '../charts/chartStyle';
import { useQuery } from '../data/useQuery';
import { fmtNumber, useT, usePick } from '../i18n';
import { countUnit } from '../i18n/units';
import { EventFeed, RankingTable } from '../panels/events';
import { fmtHours, fmtMinutes } from '../panels/format';
import { EventKpiTiles } from '../panels/kpis';
import { Panel } from '../panels/Panel';
import { QueryGate } from '../panels/QueryGate';
import { useWallLayout, type WallKind } from '../shell/layout';
import { WallGrid, type WallTemplate } from './WallGrid';
import { isolate } from '../text/sourceText';

const TEMPLATES: Record<WallKind, WallTemplate> = {
  '16x9': {
    areas: ['kpis kpis kpis', 'flow feed types', 'times rank towns'],
    columns: '540px 1fr 540px',
    rows: '170px 1fr 1fr',
  },
  '32x9': {
    areas: ['kpis kpis kpis kpis kpis', 'flow feed types towns rank', 'times feed daily towns rank'],
    columns: '600px 1fr 640px 640px 900px',
    rows: '170px 1fr 1fr',
  },
  '48x9': {
    areas: ['kpis kpis kpis kpis kpis kpis', 'flow feed types towns rank daily', 'times feed types towns rank daily'],
    columns: '640px 1fr 700px 700px 1000px 1000px',
    rows: '170px 1fr 1fr',
  },
  '4x3': {
    areas: ['kpis kpis', 'flow feed', 'times feed'],
    columns: '560px 1fr',
    rows: '170px 1fr 1fr',
  },
};

const STEPS = ['reported', 'accepted', 'dispatched', 'handled', 'closed', 'rated'] as const;

/** 四平台: the event flow, live feed, types, load per town, times, overdue, ranking. */
export function EventsPage() {
  const t = useT();
  const pick = usePick();
  const q = useQuery('events', {});
  const { kind } = useWallLayout();
  const d = q.data;
  const what = 'data.events';
  const asOf = d?.asOf ?? null;
  const unitEvents = t('unit.events');

  const flowOption = useMemo(
    () => (d ? buildFlowOption({ steps: STEPS.map((s) => ({ name: t(`eventStatus.${s}`), value: d.flow[s] ?? 0 })), unit: unitEvents }) : null),
    [d, t, unitEvents],
  );
  const typesOption = useMemo(
    () => (d ? buildBarsOption({ items: d.byType.map((row) => ({ name: pick(EVENT_TYPE_NAMES[row.type].zh, EVENT_TYPE_NAMES[row.type].en), value: row.count })), unit: unitEvents, color: SERIES_COLORS[0] }) : null),
    [d, pick, unitEvents],
  );
  const townsOption = useMemo(
    () =>
      d
        ? buildGroupedBarsOption({
            categories: d.byTown.map((t) => isolate(t.town.name)),
            series: [
              { name: t('events.last7Days'), values: d.byTown.map((t) => t.last7Days), color: SERIES_COLORS[0] },
              { name: t('kpi.open'), values: d.byTown.map((t) => t.open), color: '#F5A623' },
            ],
            unit: unitEvents,
          })
        : null,
    [d, t, unitEvents],
  );
  const dailyOption = useMemo(
    () =>
      d
        ? buildDailyLinesOption({
            dates: d.daily.map((x) => x.date),
            lines: [
              { name: t('events.reported'), values: d.daily.map((x) => x.reported), color: SERIES_COLORS[0], area: true },
              { name: t('events.closed'), values: d.daily.map((x) => x.closed), color: '#2BB560' },
            ],
            unit: unitEvents,
          })
        : null,
    [d, t, unitEvents],
  );
  const gate = (render: (d: EventsModel) => ReactNode) => <QueryGate q={q} what={what}>{render}</QueryGate>;

  return (
    <WallGrid
      page="events"
      templates={TEMPLATES}
      panels={{
        kpis: (
          <Panel area="kpis" title={t('events.kpisTitle')} asOf={asOf}>
            {gate((m) => <EventKpiTiles kpis={m.kpis} extended />)}
          </Panel>
        ),
        flow: (
          <Panel area="flow" title={t('events.flow')} asOf={asOf}>
            {gate(() => <EChart option={flowOption} label="flow" />)}
          </Panel>
        ),
        feed: (
          <Panel area="feed" title={t('common.liveEvents')} asOf={asOf}>
            {gate((m) => <EventFeed events={m.latest} limit={kind === '16x9' ? 7 : 16} />)}
          </Panel>
        ),
        types: (
          <Panel area="types" title={t('events.byType')} asOf={asOf}>
            {gate(() => <EChart option={typesOption} label="types" />)}
          </Panel>
        ),
        towns: (
          <Panel area="towns" title={t('events.perTown')} asOf={asOf}>
            {gate(() => <EChart option={townsOption} label="towns" />)}
          </Panel>
        ),
        times: (
          <Panel area="times" title={t('events.timeliness')} asOf={asOf}>
            {gate((m) => <TimesTable m={m} />)}
          </Panel>
        ),
        rank: (
          <Panel area="rank" title={t('events.ranking')} asOf={asOf}>
            {gate((m) => <RankingTable ranking={m.ranking} limit={kind === '16x9' ? 7 : 16} />)}
          </Panel>
        ),
        daily: (
          <Panel area="daily" title={t('events.last30Days')} asOf={asOf}>
            {gate(() => <EChart option={dailyOption} label="daily" />)}
          </Panel>
        ),
      }}
    />
  );
}

/** p50/p90/p95 time to accept (minutes) and to close (hours), and the overdue counts. */
function TimesTable({ m }: { m: EventsModel }) {
  const t = useT();
  const a = m.timeToAcceptMin;
  const c = m.timeToCloseHours;
  return (
    <div className="times">
      <table className="times-table">
        <thead>
          <tr>
            <th />
            <th>P50</th>
            <th>P90</th>
            <th>P95</th>
          </tr>
        </thead>
        <tbody>
          <tr data-times="accept">
            <th>
              {t('events.toAccept')}
              <small>{fmtNumber(a.count)} {countUnit(a.count, t('unit.events'))}</small>
            </th>
            <td>{fmtMinutes(a.p50, t)}</td>
            <td>{fmtMinutes(a.p90, t)}</td>
            <td>{fmtMinutes(a.p95, t)}</td>
          </tr>
          <tr data-times="close">
            <th>
              {t('events.toClose')}
              <small>{fmtNumber(c.count)} {countUnit(c.count, t('unit.events'))}</small>
            </th>
            <td>{fmtHours(c.p50, t)}</td>
            <td>{fmtHours(c.p90, t)}</td>
            <td>{fmtHours(c.p95, t)}</td>
          </tr>
        </tbody>
      </table>
      <div className="overdue-row">
        <div className={m.overdue.accept ? 'bad' : 'good'}>
          <span>{t('events.acceptedLate')}</span>
          <b>{fmtNumber(m.overdue.accept)}</b> {countUnit(m.overdue.accept, t('unit.events'))}
        </div>
        <div className={m.overdue.handle ? 'bad' : 'good'}>
          <span>{t('events.handledLate')}</span>
          <b>{fmtNumber(m.overdue.handle)}</b> {countUnit(m.overdue.handle, t('unit.events'))}
        </div>
        <div className={m.overdue.openPastLimit ? 'bad' : 'good'}>
          <span>{t('events.openPastLimit')}</span>
          <b>{fmtNumber(m.overdue.openPastLimit)}</b> {countUnit(m.overdue.openPastLimit, t('unit.events'))}
        </div>
      </div>
    </div>
  );
}
