import { useMemo } from 'react';
import type { RiskModel } from '../../../shared/readModel';
import { EChart } from '../charts/EChart';
import { levelRank } from '../charts/levels';
import { RiskMap } from '../charts/RiskMap';
import { MapKindTag, RiskSmallMultiples } from '../charts/RiskSmallMultiples';
import { buildTrendOption } from '../charts/trendOption';
import { useSelectTownOnTrendClick } from '../charts/useTrendClick';
import { useQuery } from '../data/useQuery';
import { useT } from '../i18n';
import { Panel } from '../panels/Panel';
import { EmptyNote, QueryGate } from '../panels/QueryGate';
import { ExplanationView, TownIndicatorTable } from '../panels/risk';
import { ForecastTable } from '../panels/ForecastTable';
import { WarningList } from '../panels/warnings';
import { useWallLayout, type WallKind } from '../shell/layout';
import { useCockpit } from '../store/cockpit';
import { WallGrid, type WallTemplate } from './WallGrid';
import { WeekPicker } from './WeekPicker';
import { useWeekParams } from './weekParams';

const TEMPLATES: Record<WallKind, WallTemplate> = {
  '16x9': {
    areas: ['multi multi why', 'table trend pred'],
    columns: '800px 1fr 500px',
    rows: '1fr 1fr',
  },
  '32x9': {
    areas: ['table multi why pred', 'table multi trend trend'],
    columns: '820px 1fr 660px 660px',
    rows: '1fr 1fr',
  },
  '48x9': {
    areas: ['table map multi why pred', 'table map multi trend trend'],
    columns: '820px 1300px 1fr 660px 660px',
    rows: '1fr 1fr',
  },
  '4x3': {
    areas: ['multi multi', 'table why'],
    columns: '800px 1fr',
    rows: '1fr 1fr',
  },
};

const MULTIPLE_COLUMNS: Record<WallKind, number> = { '16x9': 9, '32x9': 6, '48x9': 9, '4x3': 6 };

/** The town a "why" panel explains: the one picked, else the riskiest this week. */
function focusTown(d: RiskModel, selected: string | null): string | null {
  if (selected && d.towns.some((t) => t.code === selected)) return selected;
  const worst = [...d.towns].sort((a, b) => levelRank(a.level) - levelRank(b.level) || b.score - a.score)[0];
  return worst?.code ?? null;
}

/** 五色图: dimension and indicator maps, the town × indicator table, trends, why, predictions. */
export function RiskPage() {
  const t = useT();
  const q = useQuery('risk', useWeekParams());
  const selected = useCockpit((s) => s.selectedTown);
  const what = 'data.risk';
  const asOf = q.data?.asOf ?? null;
  const focus = q.data ? focusTown(q.data, selected) : null;
  const focusName = q.data?.towns.find((t) => t.code === focus)?.name ?? '';
  const trendOption = useMemo(
    () => (q.data ? buildTrendOption({ trends: q.data.trends, highlight: focus, t }) : null),
    [q.data, focus, t],
  );
  const onTrendClick = useSelectTownOnTrendClick(q.data?.trends);
  const { kind } = useWallLayout();
  return (
    <WallGrid
      page="risk"
      templates={TEMPLATES}
      panels={{
        multi: (
          <Panel area="multi" title={t('riskPage.maps')} asOf={asOf} extra={<><MapKindTag /><WeekPicker /></>}>
            <QueryGate q={q} what={what}>{(d) => <RiskSmallMultiples towns={d.towns} columns={MULTIPLE_COLUMNS[kind]} />}</QueryGate>
          </Panel>
        ),
        map: (
          <Panel area="map" title={t('riskPage.overallMap')} asOf={asOf}>
            <QueryGate q={q} what={what}>{(d) => <RiskMap towns={d.towns} labelSize={26} />}</QueryGate>
          </Panel>
        ),
        table: (
          <Panel area="table" title={t('riskPage.matrix')} asOf={asOf}>
            <QueryGate q={q} what={what}>{(d) => <TownIndicatorTable towns={d.towns} />}</QueryGate>
          </Panel>
        ),
        trend: (
          <Panel area="trend" title={t('riskPage.trend')} asOf={asOf}>
            <QueryGate q={q} what={what}>
              {(d) =>
                d.trends.length ? <EChart option={trendOption} onClick={onTrendClick} label="trend" /> : <EmptyNote>{t('common.noWeeklyHistory')}</EmptyNote>
              }
            </QueryGate>
          </Panel>
        ),
        why: (
          <Panel area="why" title={t('common.whyThisColour')} asOf={asOf}>
            <QueryGate q={q} what={what}>
              {(d) => {
                const e = d.explanations.find((x) => x.townCode === focus);
                return e ? (
                  <ExplanationView explanation={e} townName={focusName} limit={5} />
                ) : (
                  <EmptyNote>{t('riskPage.noExplanationFor', { town: focusName || t('riskPage.thisTown') })}</EmptyNote>
                );
              }}
            </QueryGate>
          </Panel>
        ),
        pred: (
          <Panel area="pred" title={t('riskPage.forecast')} asOf={asOf}>
            <QueryGate q={q} what={what}>
              {(d) => (
                <>
                  {d.predictiveWarnings.length > 0 ? (
                    <WarningList warnings={d.predictiveWarnings} limit={kind === '16x9' ? 3 : 6} emptyText={null} />
                  ) : (
                    <EmptyNote>{t('riskPage.noForecastRise')}</EmptyNote>
                  )}
                  <ForecastTable trends={d.trends} />
                </>
              )}
            </QueryGate>
          </Panel>
        ),
      }}
    />
  );
}
