import type { QueryName } from '../../../shared/readModel';

/**
 * Which change-notice names (feeds, snapshots, 'health') each query reads, so a notice
 * refetches only the screens it affects. A name not listed anywhere refetches everything:
 * better a spare request than a stale panel.
 */
const READS: Record<QueryName, readonly string[]> = {
  config: [],
  meta: ['meta', 'divisions', 'vocabulary', 'riskPeriods'],
  health: ['*'],
  overview: ['divisions', 'vocabulary', 'riskPeriods', 'warnings', 'events', 'kpis', 'consultations', 'followers', 'personnel'],
  risk: ['divisions', 'vocabulary', 'riskPeriods', 'warnings'],
  events: ['divisions', 'events', 'personnel', 'kpis'],
  consultation: ['divisions', 'consultations', 'followers', 'disputes', 'kpis'],
  town: ['divisions', 'vocabulary', 'riskPeriods', 'warnings', 'events', 'consultations'],
  map: ['divisions'],
};

const KNOWN = new Set(Object.values(READS).flat());

export function isAffected(query: QueryName, changed: readonly string[]): boolean {
  const reads = READS[query];
  if (!reads) return true;
  if (reads.includes('*')) return true;
  return changed.some((name) => name === '*' || !KNOWN.has(name) || reads.includes(name));
}
