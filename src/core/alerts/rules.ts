/**
 * Which facts a wall's rules let through. Facts are found once for all walls; each wall then
 * takes the ones its own rules accept (the lobby may ignore KPIs, the duty room may want a
 * source down after 5 minutes instead of 10).
 */
import type { AlertsConfig, KpiRule } from '../../shared/alerts/config';
import type { AlertFact } from '../../shared/alerts/types';
import { kpiRuleSignature, levelRank } from './finders';

/** The fact as this wall records it (a KPI rule sets its own level), or null when the wall's rules refuse it. */
export function acceptFact(rules: AlertsConfig, fact: AlertFact, now: number): AlertFact | null {
  if (!rules.enabled) return null;
  switch (fact.kind) {
    case 'warning':
      return rules.newWarning.enabled && rules.newWarning.levels.includes(fact.level) ? fact : null;
    case 'levelRise':
      return rules.levelRise.enabled && levelRank(fact.level) <= levelRank(rules.levelRise.atLeast) ? fact : null;
    case 'sourceDown':
      return rules.sourceDown.enabled && now - Date.parse(fact.downSince) >= rules.sourceDown.afterMin * 60_000 ? fact : null;
    case 'kpi': {
      const sig = fact.key.slice(0, fact.key.lastIndexOf(':'));
      const rule = rules.kpis.find((r) => kpiRuleSignature(r) === sig);
      return rule ? { ...fact, level: rule.level } : null;
    }
  }
}

/** Every KPI rule of every wall, each signature once: the engine watches each breach once. */
export function kpiRulesOfAll(walls: readonly AlertsConfig[]): KpiRule[] {
  const bySig = new Map<string, KpiRule>();
  for (const w of walls) if (w.enabled) for (const r of w.kpis) bySig.set(kpiRuleSignature(r), r);
  return [...bySig.values()];
}
