import { useMemo, type ReactNode } from 'react';
import { CONSULTATION_CATEGORY_NAMES } from '../../../shared/contract';
import type { ConsultationModel } from '../../../shared/readModel';
import { buildBarsOption, buildDailyLinesOption, buildGroupedBarsOption } from '../charts/basicOptions';
import { EChart } from '../charts/EChart';
import { SERIES_COLORS } from '../charts/chartStyle';
import { useQuery } from '../data/useQuery';
import { fmtNumber, fmtPct, useT, usePick, textOr } from '../i18n';
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

/** 云上板凳 & 矛盾化解: followers, sessions by topic, success, live/upcoming, disputes at source. */
export function ConsultationPage() {
  const t = useT();
  const pick = usePick();
  const q = useQuery('consultation', {});
  const { kind } = useWallLayout();
  const d = q.data;
  const asOf = d?.asOf ?? null;
  const what = 'data.consultation';
  const gate = (render: (d: ConsultationModel) => ReactNode) => <QueryGate q={q} what={what}>{render}</QueryGate>;

  const followersOption = useMemo(
    () =>
      d
        ? buildDailyLinesOption({
            dates: d.followersSeries.map((x) => x.date),
            lines: [{ name: t('consult.followers'), values: d.followersSeries.map((x) => x.followers), color: SERIES_COLORS[0], area: true }],
            unit: t('unit.people'),
            yMin: 'dataMin',
          })
        : null,
    [d, t],
  );
  const catsOption = useMemo(
    () =>
      d
        ? buildGroupedBarsOption({
            categories: d.byCategory.map((c) => pick(CONSULTATION_CATEGORY_NAMES[c.category].zh, CONSULTATION_CATEGORY_NAMES[c.category].en)),
            series: [{ name: t('consult.held'), values: d.byCategory.map((c) => c.held), color: SERIES_COLORS[1] }],
            unit: t('unit.times'),
          })
        : null,
    [d, t, pick],
  );
  const dtownOption = useMemo(
    () =>
      d
        ? buildGroupedBarsOption({
            categories: d.disputes.byTown.map((t) => isolate(t.town.name)),
            series: [
              { name: t('consult.received'), values: d.disputes.byTown.map((t) => t.received), color: SERIES_COLORS[0] },
              { name: t('consult.resolvedAtSource'), values: d.disputes.byTown.map((t) => t.resolvedAtSource), color: '#2BB560' },
            ],
            unit: t('unit.cases'),
          })
        : null,
    [d, t],
  );
  const dcatOption = useMemo(
    () =>
      d
        ? buildBarsOption({
            items: d.disputes.byCategory.map((c) => ({ name: textOr(t, `disputeCategory.${c.category}`, c.category), value: c.count })),
            unit: t('unit.cases'),
            color: SERIES_COLORS[2],
          })
        : null,
    [d, t],
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
          <Panel area="kpis" title={t('consult.kpisTitle')} asOf={asOf}>
            {gate((m) => <ConsultationKpiTiles kpis={m.kpis} extended />)}
          </Panel>
        ),
        followers: (
          <Panel area="followers" title={t('consult.followerGrowth')} asOf={asOf}>
            {gate(() => <EChart option={followersOption} label="followers" />)}
          </Panel>
        ),
        cats: (
          <Panel area="cats" title={t('consult.byTopic')} asOf={asOf}>
            {gate((m) => (
              <div className="cats">
                <EChart option={catsOption} label="categories" />
                <div className="cat-rates">
                  {m.byCategory.slice(0, 4).map((c) => (
                    <span key={c.category}>
                      {pick(CONSULTATION_CATEGORY_NAMES[c.category].zh, CONSULTATION_CATEGORY_NAMES[c.category].en)} {t('consult.success')}{' '}
                      <b>{fmtPct(c.successRatePct)}</b>
                    </span>
                  ))}
                </div>
              </div>
            ))}
          </Panel>
        ),
        live: (
          <Panel area="live" title={t('consult.liveUpcoming')} asOf={asOf}>
            {gate((m) => (
              <SessionList sessions={[...m.live, ...m.upcoming]} limit={kind === '16x9' || kind === '4x3' ? 3 : 6} empty="empty.liveOrScheduled" />
            ))}
          </Panel>
        ),
        recent: (
          <Panel area="recent" title={t('consult.recent')} asOf={asOf}>
            {gate((m) => <SessionList sessions={m.recent} limit={recentLimit} empty="empty.recentEnded" />)}
          </Panel>
        ),
        recent2: (
          <Panel area="recent2" title={t('consult.recentMore')} asOf={asOf}>
            {gate((m) => <SessionList sessions={m.recent.slice(recentLimit)} limit={recentLimit} empty="empty.moreRecent" />)}
          </Panel>
        ),
        disputes: (
          <Panel area="disputes" title={t('consult.disputes')} asOf={asOf}>
            {gate((m) => <DisputesSummary m={m} />)}
          </Panel>
        ),
        dtown: (
          <Panel area="dtown" title={t('consult.disputesPerTown')} asOf={asOf}>
            {gate(() => <EChart option={dtownOption} label="disputes by town" />)}
          </Panel>
        ),
        dcat: (
          <Panel area="dcat" title={t('consult.disputeTypes')} asOf={asOf}>
            {gate(() => <EChart option={dcatOption} label="disputes by type" />)}
          </Panel>
        ),
      }}
    />
  );
}

/** Received, resolved, resolved at source (rate), and which level took them. */
function DisputesSummary({ m }: { m: ConsultationModel }) {
  const t = useT();
  const x = m.disputes;
  const total = Math.max(1, x.byLevel.reduce((s, b) => s + b.count, 0));
  return (
    <div className="disputes">
      <div className="kpi-row kpi-row-3">
        <Kpi testId="disputesReceived" label={t('consult.disputesReceived')} value={fmtNumber(x.received)} unit={countUnit(x.received, t('unit.cases'))} />
        <Kpi testId="disputesResolved" label={t('consult.disputesResolved')} value={fmtNumber(x.resolved)} unit={countUnit(x.resolved, t('unit.cases'))} />
        <Kpi testId="resolvedAtSourceRate" label={t('consult.atSourceRate')} value={fmtPct(x.resolvedAtSourceRatePct, 1)} tone="good" />
      </div>
      <ul className="level-bars">
        {x.byLevel.map((b) => (
          <li key={b.level} data-dispute-level={b.level}>
            <span>{t(`disputeLevel.${b.level}`)}</span>
            <i style={{ width: `${(100 * b.count) / total}%` }} />
            <b>
              {fmtNumber(b.count)} {countUnit(b.count, t('unit.cases'))}
            </b>
          </li>
        ))}
      </ul>
    </div>
  );
}
