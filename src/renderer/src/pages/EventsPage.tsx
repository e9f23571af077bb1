import { useMemo, type ReactNode } from 'react';
import { EVENT_TYPE_NAMES } from '../../../shared/contract';
import type { EventsModel } from '../../../shared/readModel';
import { buildBarsOption, buildDailyLinesOption, buildFlowOption, buildGroupedBarsOption } from '../charts/basicOptions';
import { EChart } from '../charts/EChart';
import { SERIES_COLORS } from '../charts/theme';
import { useQuery } from '../data/useQuery';
import { fmtNumber, useL } from '../i18n';
import { countUnit } from '../i18n/units';
import { EventFeed, EVENT_STATUS_NAMES, RankingTable } from '../panels/events';
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
  const l = useL();
  const q = useQuery('events', {});
  const { kind } = useWallLayout();
  const d = q.data;
  const what: [string, string] = ['四平台事件数据', 'event data'];
  const asOf = d?.asOf ?? null;
  const unitEvents = l('件', 'events');

  const flowOption = useMemo(
    () => (d ? buildFlowOption({ steps: STEPS.map((s) => ({ name: l(EVENT_STATUS_NAMES[s].zh, EVENT_STATUS_NAMES[s].en), value: d.flow[s] ?? 0 })), unit: unitEvents }) : null),
    [d, l, unitEvents],
  );
  const typesOption = useMemo(
    () => (d ? buildBarsOption({ items: d.byType.map((t) => ({ name: l(EVENT_TYPE_NAMES[t.type].zh, EVENT_TYPE_NAMES[t.type].en), value: t.count })), unit: unitEvents, color: SERIES_COLORS[0] }) : null),
    [d, l, unitEvents],
  );
  const townsOption = useMemo(
    () =>
      d
        ? buildGroupedBarsOption({
            categories: d.byTown.map((t) => isolate(t.town.name)),
            series: [
              { name: l('近7日上报', 'Last 7 days'), values: d.byTown.map((t) => t.last7Days), color: SERIES_COLORS[0] },
              { name: l('办理中', 'Open'), values: d.byTown.map((t) => t.open), color: '#F5A623' },
            ],
            unit: unitEvents,
          })
        : null,
    [d, l, unitEvents],
  );
  const dailyOption = useMemo(
    () =>
      d
        ? buildDailyLinesOption({
            dates: d.daily.map((x) => x.date),
            lines: [
              { name: l('上报', 'Reported'), values: d.daily.map((x) => x.reported), color: SERIES_COLORS[0], area: true },
              { name: l('办结', 'Closed'), values: d.daily.map((x) => x.closed), color: '#2BB560' },
            ],
            unit: unitEvents,
          })
        : null,
    [d, l, unitEvents],
  );
  const gate = (render: (d: EventsModel) => ReactNode) => <QueryGate q={q} what={what}>{render}</QueryGate>;

  return (
    <WallGrid
      page="events"
      templates={TEMPLATES}
      panels={{
        kpis: (
          <Panel area="kpis" title={l('基层治理四平台 · 自动考核评价', 'Four platforms · automatic assessment')} asOf={asOf}>
            {gate((m) => <EventKpiTiles kpis={m.kpis} extended />)}
          </Panel>
        ),
        flow: (
          <Panel area="flow" title={l('事件流转（累计）', 'Event flow (cumulative)')} asOf={asOf}>
            {gate(() => <EChart option={flowOption} label="flow" />)}
          </Panel>
        ),
        feed: (
          <Panel area="feed" title={l('实时事件', 'Live events')} asOf={asOf}>
            {gate((m) => <EventFeed events={m.latest} limit={kind === '16x9' ? 7 : 16} />)}
          </Panel>
        ),
        types: (
          <Panel area="types" title={l('事件类型', 'By type')} asOf={asOf}>
            {gate(() => <EChart option={typesOption} label="types" />)}
          </Panel>
        ),
        towns: (
          <Panel area="towns" title={l('各镇街事件量', 'Load per town')} asOf={asOf}>
            {gate(() => <EChart option={townsOption} label="towns" />)}
          </Panel>
        ),
        times: (
          <Panel area="times" title={l('办理时效与超时', 'Timeliness & overdue')} asOf={asOf}>
            {gate((m) => <TimesTable m={m} />)}
          </Panel>
        ),
        rank: (
          <Panel area="rank" title={l('人员考核排名', 'Personnel assessment ranking')} asOf={asOf}>
            {gate((m) => <RankingTable ranking={m.ranking} limit={kind === '16x9' ? 7 : 16} />)}
          </Panel>
        ),
        daily: (
          <Panel area="daily" title={l('近30日上报与办结', 'Reported & closed, last 30 days')} asOf={asOf}>
            {gate(() => <EChart option={dailyOption} label="daily" />)}
          </Panel>
        ),
      }}
    />
  );
}

/** p50/p90/p95 time to accept (minutes) and to close (hours), and the overdue counts. */
function TimesTable({ m }: { m: EventsModel }) {
  const l = useL();
  const en = l('zh', 'en') === 'en';
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
              {l('受理用时', 'To accept')}
              <small>{fmtNumber(a.count)} {countUnit(a.count, l('件', 'events'))}</small>
            </th>
            <td>{fmtMinutes(a.p50, en)}</td>
            <td>{fmtMinutes(a.p90, en)}</td>
            <td>{fmtMinutes(a.p95, en)}</td>
          </tr>
          <tr data-times="close">
            <th>
              {l('办结用时', 'To close')}
              <small>{fmtNumber(c.count)} {countUnit(c.count, l('件', 'events'))}</small>
            </th>
            <td>{fmtHours(c.p50, en)}</td>
            <td>{fmtHours(c.p90, en)}</td>
            <td>{fmtHours(c.p95, en)}</td>
          </tr>
        </tbody>
      </table>
      <div className="overdue-row">
        <div className={m.overdue.accept ? 'bad' : 'good'}>
          <span>{l('受理超时', 'Accepted late')}</span>
          <b>{fmtNumber(m.overdue.accept)}</b> {countUnit(m.overdue.accept, l('件', 'events'))}
        </div>
        <div className={m.overdue.handle ? 'bad' : 'good'}>
          <span>{l('处置超时', 'Handled late')}</span>
          <b>{fmtNumber(m.overdue.handle)}</b> {countUnit(m.overdue.handle, l('件', 'events'))}
        </div>
        <div className={m.overdue.openPastLimit ? 'bad' : 'good'}>
          <span>{l('超期未办结', 'Open past limit')}</span>
          <b>{fmtNumber(m.overdue.openPastLimit)}</b> {countUnit(m.overdue.openPastLimit, l('件', 'events'))}
        </div>
      </div>
    </div>
  );
}
