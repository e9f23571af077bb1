import { z } from 'zod';
import { count, isoTime, percentage as pct } from './common';

/**
 * GET /v1/kpis — the district's own headline aggregates, snapshot (ETag).
 * Rates are integer-rounded percentages: round(100 × numerator / denominator).
 */
export const kpisSchema = z.object({
  asOf: isoTime,
  /** 备案登记下沉人员, persons (role 'dispatched', active). */
  dispatchedPersonnel: count,
  /** 全程考核受理各类事件, events with acceptedAt set. */
  eventsAccepted: count,
  /** 受理超时率: accepted events with acceptOverdue / accepted events. */
  acceptOverdueRatePct: pct,
  /** 满意率: rated 'satisfied' or 'basicallySatisfied' / rated events. */
  satisfactionRatePct: pct,
  /** 云上板凳 followers at asOf, persons. */
  consultationFollowers: count,
  /** Consultations held (status 'ended'). */
  consultationsHeld: count,
  /** outcome 'agreed' / held. */
  consultationSuccessRatePct: pct,
  /** Disputes received / resolved at source. */
  disputesReceived: count,
  disputesResolvedAtSource: count,
  /** Warnings not closed. */
  warningsOpen: count,
});
export type Kpis = z.infer<typeof kpisSchema>;

export function ratePct(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : Math.round((100 * numerator) / denominator);
}
