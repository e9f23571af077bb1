import type { AlertFact } from '../../../shared/alerts/types';
import type { AlertKpi } from '../../../shared/alerts/config';
import type { Vocabulary } from '../../../shared/contract';
import { levelKey } from '../charts/levels';
import { fmtNumber, fmtTime, type PickText, type T, type TextKey } from '../i18n';
import { indicatorOf } from '../panels/vocabulary';

const KPI_KEYS: Record<AlertKpi, TextKey> = {
  acceptOverdueRatePct: 'kpi.acceptOverdueRate',
  satisfactionRatePct: 'kpi.satisfactionRate',
  consultationSuccessRatePct: 'kpi.successRate',
  openEvents: 'kpi.open',
  reportedToday: 'kpi.reportedToday',
};

/** The town, source or KPI a fact is about, in the wall's language. */
export function factSubject(fact: AlertFact, t: T): string {
  if (fact.kind === 'sourceDown') return fact.source;
  if (fact.kind === 'kpi') return t(KPI_KEYS[fact.kpi]);
  return fact.town.name;
}

/**
 * Why, in one line: the indicator the risk engine's explanation names (value against the
 * town's baseline), else the source's own text, else what kind of fact it is.
 */
export function factCause(fact: AlertFact, t: T, vocabulary: Vocabulary, pick: PickText): string {
  switch (fact.kind) {
    case 'warning':
    case 'levelRise': {
      const c = fact.cause.contributor;
      const because = c
        ? t('alert.cause.contributor', {
            indicator: pick(indicatorOf(vocabulary, c.indicator).zh, indicatorOf(vocabulary, c.indicator).en),
            value: fmtNumber(c.value, 1),
            baseline: fmtNumber(c.baseline, 1),
            ratio: fmtNumber(c.ratio, 1),
          })
        : (fact.cause.text ?? (fact.kind === 'warning' ? fact.title : ''));
      if (fact.kind === 'warning') return because;
      const rise = t('alert.cause.rise', { from: t(levelKey(fact.from, 'colour')), to: t(levelKey(fact.level, 'colour')) });
      return because ? `${rise} · ${because}` : rise;
    }
    case 'sourceDown':
      return fact.lastError ? `${t('alert.cause.down', { since: fmtTime(fact.downSince) })} · ${fact.lastError}` : t('alert.cause.down', { since: fmtTime(fact.downSince) });
    case 'kpi':
      return t(fact.direction === 'above' ? 'alert.cause.kpiAbove' : 'alert.cause.kpiBelow', {
        kpi: t(KPI_KEYS[fact.kpi]),
        value: fmtNumber(fact.value, 1),
        threshold: fmtNumber(fact.threshold, 1),
      });
  }
}
