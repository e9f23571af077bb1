import type { FeedName, Kpis } from '../../shared/contract';
import { ratePct } from '../../shared/contract';
import type { FeedStore } from './store';

/**
 * GET /v1/kpis counted from the records the feeds serve, with the contract's rules, so the
 * source's figures and a client's own counts always agree. Tolerant of injected junk.
 */
export function countKpis(stores: Record<FeedName, FeedStore>, followers: number, asOf: string): Kpis {
  let dispatchedPersonnel = 0;
  for (const p of stores.personnel.values() as Iterable<Record<string, unknown>>) {
    if (p && p.role === 'dispatched' && p.active === true) dispatchedPersonnel++;
  }
  let accepted = 0;
  let acceptOverdue = 0;
  let rated = 0;
  let satisfied = 0;
  for (const e of stores.events.values() as Iterable<Record<string, unknown>>) {
    if (!e) continue;
    if (typeof e.acceptedAt === 'string') {
      accepted++;
      if (e.acceptOverdue === true) acceptOverdue++;
    }
    if (e.satisfaction === 'satisfied' || e.satisfaction === 'basicallySatisfied') satisfied++;
    if (e.satisfaction === 'satisfied' || e.satisfaction === 'basicallySatisfied' || e.satisfaction === 'dissatisfied') rated++;
  }
  let held = 0;
  let agreed = 0;
  for (const c of stores.consultations.values() as Iterable<Record<string, unknown>>) {
    if (c && c.status === 'ended') {
      held++;
      if (c.outcome === 'agreed') agreed++;
    }
  }
  let disputes = 0;
  let atSource = 0;
  for (const d of stores.disputes.values() as Iterable<Record<string, unknown>>) {
    if (!d) continue;
    disputes++;
    if (d.resolvedAtSource === true) atSource++;
  }
  let warningsOpen = 0;
  for (const w of stores.warnings.values() as Iterable<Record<string, unknown>>) {
    if (w && (w.status === 'open' || w.status === 'rectifying')) warningsOpen++;
  }
  return {
    asOf,
    dispatchedPersonnel,
    eventsAccepted: accepted,
    acceptOverdueRatePct: ratePct(acceptOverdue, accepted),
    satisfactionRatePct: ratePct(satisfied, rated),
    consultationFollowers: followers,
    consultationsHeld: held,
    consultationSuccessRatePct: ratePct(agreed, held),
    disputesReceived: disputes,
    disputesResolvedAtSource: atSource,
    warningsOpen,
  };
}
