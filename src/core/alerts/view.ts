import type { Level } from '../../shared/contract';
import { ALERT_FACTS_SHOWN, type AlertFact, type AlertView } from '../../shared/alerts/types';
import { levelRank } from './finders';
import type { AlertRow } from './store';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The town or source a fact is about, as the wall names it. */
export function subjectOf(fact: AlertFact): string {
  return fact.kind === 'sourceDown' ? fact.source : fact.kind === 'kpi' ? fact.kpi : fact.town.name;
}

/** Worst first; among equals, the earliest found first. */
export function byRisk(a: AlertFact, b: AlertFact): number {
  return levelRank(a.level) - levelRank(b.level) || a.at.localeCompare(b.at);
}

export function worstLevel(facts: readonly { level: Level }[]): Level {
  return facts.reduce<Level>((worst, f) => (levelRank(f.level) < levelRank(worst) ? f.level : worst), 'green');
}

export function alertView(row: AlertRow, facts: AlertFact[], now: number): AlertView {
  const sorted = [...facts].sort(byRisk);
  const byLevel: Partial<Record<Level, number>> = {};
  for (const f of sorted) byLevel[f.level] = (byLevel[f.level] ?? 0) + 1;
  const state = row.acked_at !== null ? 'acknowledged' : row.expires_at <= now ? 'expired' : 'open';
  return {
    id: row.id,
    wall: row.wall,
    raisedAt: iso(row.raised_at),
    updatedAt: iso(row.updated_at),
    expiresAt: iso(row.expires_at),
    level: row.level,
    count: sorted.length,
    facts: sorted.slice(0, ALERT_FACTS_SHOWN),
    byLevel,
    subjects: [...new Set(sorted.map(subjectOf))],
    state,
    ack: row.acked_at !== null ? { at: iso(row.acked_at), via: row.acked_via ?? 'keyboard' } : null,
  };
}
