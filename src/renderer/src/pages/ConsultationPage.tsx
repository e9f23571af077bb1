import { useMemo, type ReactNode } from 'react';
import { CONSULTATION_CATEGORY_NAMES } from '../../../shared/contract';
import type { ConsultationModel } from '../../../shared/readModel';
import { buildBarsOption, buildDailyLinesOption, buildGroupedBarsOption } from '../charts/basicOptions';
import { EChart } from '../charts/EChart';
import { SERIES_COLORS } from '../charts/theme';
import { useQuery } from '../data/useQuery';
import { fmtNumber, fmtPct, useL } from '../i18n';
import { countUnit } from '../i18n/units';
import { Kpi } from '../panels/bits';
import { ConsultationKpiTiles } from '../panels/kpis';
import { Panel } from '../panels/Panel';
import { QueryGate } from '../panels/QueryGate';
import { SessionList } from '../panels/sessions';
import { useWallLayout, type WallKind } from '../shell/layout';
import { WallGrid, type WallTemplate } from './WallGrid';
import { isolate } from '../text/sourceText';

const TEMPLATES: Record<WallKind, WallTemplate> = {
  '16x9': {
    areas: ['kpis kpis kpis', 'followers live recent', 'cats disputes recent'],
    columns: '1fr 1fr 1fr',
    rows: '170px 1fr 1fr',
  },
  '32x9': {
    areas: ['kpis kpis kpis kpis kpis', 'followers live recent disputes dtown', 'cats live recent dcat dtown'],
    columns: '1fr 1fr 1fr 1fr 1fr',
    rows: '170px 1fr 1fr',
  },
  '48x9': {
    areas: ['kpis kpis kpis kpis kpis kpis', 'followers live recent recent2 disputes dtown', 'cats live recent recent2 dcat dtown'],
    columns: '1fr 1fr 1fr 1fr 1fr 1fr',
    rows: '170px 1fr 1fr',
  },
  '4x3': {
    areas: ['kpis kpis', 'live recent', 'disputes recent'],
    columns: '1fr 1fr',
    rows: '170px 1fr 1fr',
  },
};

const DISPUTE_LEVELS = {
  community: { zh: '社区（村）', en: 'Community' },
  townCentre: { zh: '镇街矛调中心', en: 'Town mediation centre' },
  districtCentre: { zh: '区矛调中心', en: 'District mediation centre' },
} as const;

const DISPUTE_CATEGORIES: Record<string, { zh: string; en: string }> = {
  neighbour: { zh: '邻里', en: 'Neighbour' },
  family: { zh: '婚姻家庭', en: 'Family' },
  labour: { zh: '劳动争议', en: 'Labour' },
  rental: { zh: '房屋租赁', en: 'Rental' },
  property: { zh: '物业', en: 'Property' },
  contract: { zh: '合同', en: 'Contract' },
  land: { zh: '土地', en: 'Land' },
  other: { zh: '其他', en: 'Other' },
};

/** 云上板凳 & 矛盾化解: followers, sessions by topic, success, live/upcoming, disputes at source. */
export function ConsultationPage() {
  const l = useL();
  const q = useQuery('consultation', {});
  const { kind } = useWallLayout();
  const d = q.data;
  const asOf = d?.asOf ?? null;
  const what: [string, string] = ['云上板凳与矛调数据', 'consultation data'];
  const gate = (render: (d: ConsultationModel) => ReactNode) => <QueryGate q={q} what={what}>{render}</QueryGate>;

  const followersOption = useMemo(
    () =>
      d
        ? buildDailyLinesOption({
            dates: d.followersSeries.map((x) => x.date),
            lines: [{ name: l('关注人数', 'Followers'), values: d.followersSeries.map((x) => x.followers), color: SERIES_COLORS[0], area: true }],
            unit: l('人', 'people'),
            yMin: 'dataMin',
          })
        : null,
    [d, l],
  );
  const catsOption = useMemo(
    () =>
      d
        ? buildGroupedBarsOption({
            categories: d.byCategory.map((c) => l(CONSULTATION_CATEGORY_NAMES[c.category].zh, CONSULTATION_CATEGORY_NAMES[c.category].en)),
            series: [{ name: l('协商次数', 'Sessions held'), values: d.byCategory.map((c) => c.held), color: SERIES_COLORS[1] }],
            unit: l('次', 'sessions'),
          })
        : null,
    [d, l],
  );
  const dtownOption = useMemo(
    () =>
      d
        ? buildGroupedBarsOption({
            categories: d.disputes.byTown.map((t) => isolate(t.town.name)),
            series: [
              { name: l('受理', 'Received'), values: d.disputes.byTown.map((t) => t.received), color: SERIES_COLORS[0] },
              { name: l('源头化解', 'Resolved at source'), values: d.disputes.byTown.map((t) => t.resolvedAtSource), color: '#2BB560' },
            ],
            unit: l('件', 'cases'),
          })
        : null,
    [d, l],
  );
  const dcatOption = useMemo(
    () =>
      d
        ? buildBarsOption({
            items: d.disputes.byCategory.map((c) => ({ name: l(DISPUTE_CATEGORIES[c.category]?.zh ?? c.category, DISPUTE_CATEGORIES[c.category]?.en ?? c.category), value: c.count })),
            unit: l('件', 'cases'),
            color: SERIES_COLORS[2],
          })
        : null,
    [d, l],
  );
  const recentLimit = kind === '16x9' || kind === '4x3' ? 6 : 7;
  // A "recent (cont.)" column only when there are more sessions than one column holds.
  const templates = useMemo(() => {
    if (!d || d.recent.length > recentLimit) return TEMPLATES;
    const wide = TEMPLATES['48x9'];
    return { ...TEMPLATES, '48x9': { ...wide, areas: wide.areas.map((r) => r.replace('recent2', 'recent')) } };
  }, [d, recentLimit]);

  return (
    <WallGrid
      page="consultation"
      templates={templates}
      panels={{
        kpis: (
          <Panel area="kpis" title={l('云上板凳 · 线上基层民主协商', 'Cloud bench · online consultation')} asOf={asOf}>
            {gate((m) => <ConsultationKpiTiles kpis={m.kpis} extended />)}
          </Panel>
        ),
        followers: (
          <Panel area="followers" title={l('关注人数增长', 'Follower growth')} asOf={asOf}>
            {gate(() => <EChart option={followersOption} label="followers" />)}
          </Panel>
        ),
        cats: (
          <Panel area="cats" title={l('协商议题分类', 'Sessions by topic')} asOf={asOf}>
            {gate((m) => (
              <div className="cats">
                <EChart option={catsOption} label="categories" />
                <div className="cat-rates">
                  {m.byCategory.slice(0, 4).map((c) => (
                    <span key={c.category}>
                      {l(CONSULTATION_CATEGORY_NAMES[c.category].zh, CONSULTATION_CATEGORY_NAMES[c.category].en)} {l('成功率', 'success')}{' '}
                      <b>{fmtPct(c.successRatePct)}</b>
                    </span>
                  ))}
                </div>
              </div>
            ))}
          </Panel>
        ),
        live: (
          <Panel area="live" title={l('直播与预告', 'Live & upcoming')} asOf={asOf}>
            {gate((m) => (
              <SessionList sessions={[...m.live, ...m.upcoming]} limit={kind === '16x9' || kind === '4x3' ? 3 : 6} empty={['当前没有直播或预告的协商', 'Nothing live or scheduled']} />
            ))}
          </Panel>
        ),
        recent: (
          <Panel area="recent" title={l('近期协商及结果', 'Recent sessions & outcome')} asOf={asOf}>
            {gate((m) => <SessionList sessions={m.recent} limit={recentLimit} empty={['近期没有已结束的协商', 'No recent sessions']} />)}
          </Panel>
        ),
        recent2: (
          <Panel area="recent2" title={l('近期协商（续）', 'Recent sessions (cont.)')} asOf={asOf}>
            {gate((m) => <SessionList sessions={m.recent.slice(recentLimit)} limit={recentLimit} empty={['没有更多近期协商', 'No more recent sessions']} />)}
          </Panel>
        ),
        disputes: (
          <Panel area="disputes" title={l('矛盾纠纷"一件事"源头化解', 'Disputes resolved at source')} asOf={asOf}>
            {gate((m) => <DisputesSummary m={m} />)}
          </Panel>
        ),
        dtown: (
          <Panel area="dtown" title={l('各镇街矛盾纠纷', 'Disputes per town')} asOf={asOf}>
            {gate(() => <EChart option={dtownOption} label="disputes by town" />)}
          </Panel>
        ),
        dcat: (
          <Panel area="dcat" title={l('纠纷类型', 'Dispute types')} asOf={asOf}>
            {gate(() => <EChart option={dcatOption} label="disputes by type" />)}
          </Panel>
        ),
      }}
    />
  );
}

/** Received, resolved, resolved at source (rate), and which level took them. */
function DisputesSummary({ m }: { m: ConsultationModel }) {
  const l = useL();
  const x = m.disputes;
  const total = Math.max(1, x.byLevel.reduce((s, b) => s + b.count, 0));
  return (
    <div className="disputes">
      <div className="kpi-row kpi-row-3">
        <Kpi testId="disputesReceived" label={l('受理纠纷', 'Received')} value={fmtNumber(x.received)} unit={countUnit(x.received, l('件', 'cases'))} />
        <Kpi testId="disputesResolved" label={l('已化解', 'Resolved')} value={fmtNumber(x.resolved)} unit={countUnit(x.resolved, l('件', 'cases'))} />
        <Kpi testId="resolvedAtSourceRate" label={l('源头化解率', 'At source')} value={fmtPct(x.resolvedAtSourceRatePct, 1)} tone="good" />
      </div>
      <ul className="level-bars">
        {x.byLevel.map((b) => (
          <li key={b.level} data-dispute-level={b.level}>
            <span>{l(DISPUTE_LEVELS[b.level].zh, DISPUTE_LEVELS[b.level].en)}</span>
            <i style={{ width: `${(100 * b.count) / total}%` }} />
            <b>
              {fmtNumber(b.count)} {countUnit(b.count, l('件', 'cases'))}
            </b>
          </li>
        ))}
      </ul>
    </div>
  );
}
