/** 云上板凳 headline figures, shared by the Overview and the Consultation screen. */
import { CONSULTATION_CATEGORIES, ratePct, type ConsultationCategory } from '../../shared/contract';
import type { ConsultationKpis } from '../../shared/readModel';
import type { ReadContext } from './context';
import type { AsOfPoint } from './asOf';
import type { ConsultationRowAt } from './consultationsAt';
import { SOURCE_FILTER } from './sources';

export interface ConsultationTotals {
  kpis: ConsultationKpis;
  byCategory: Array<{ category: ConsultationCategory; held: number; successRatePct: number }>;
}

interface TallyRow {
  category: ConsultationCategory;
  status: string;
  outcome: string | null;
  n: number;
}

export function createConsultationTotalsReader(ctx: ReadContext) {
  // One pass over the covering index rm_consultations_tally.
  const tally = ctx.db.prepare(
    `SELECT category, status, outcome, count(*) AS n FROM consultations WHERE ${SOURCE_FILTER}
     GROUP BY category, status, outcome`,
  );
  // Followers of every selected source on the latest date any of them reported (by `date`).
  const latestFollowers = ctx.db.prepare(
    `SELECT coalesce(sum(followers), 0) FROM followers
     WHERE ${SOURCE_FILTER} AND date = (SELECT max(date) FROM followers WHERE date <= :date AND ${SOURCE_FILTER})`,
  ).pluck();

  /** Live from the consultations table, or from the sessions as they stood (consultationsAt). */
  return (point: AsOfPoint, sessionsAt?: ConsultationRowAt[]): ConsultationTotals => {
    const byCat = new Map(CONSULTATION_CATEGORIES.map((c) => [c, { held: 0, agreed: 0 }]));
    let live = 0;
    let upcoming = 0;
    const rows = point.live || !sessionsAt
      ? (tally.all({ sources: ctx.sources }) as TallyRow[])
      : sessionsAt.map((r) => ({ category: r.category, status: r.status, outcome: r.outcome, n: 1 }));
    for (const r of rows) {
      if (r.status === 'live') live += r.n;
      if (r.status === 'scheduled') upcoming += r.n;
      if (r.status !== 'ended') continue;
      const c = byCat.get(r.category) ?? { held: 0, agreed: 0 };
      c.held += r.n;
      if (r.outcome === 'agreed') c.agreed += r.n;
      byCat.set(r.category, c);
    }
    let held = 0;
    let agreed = 0;
    for (const c of byCat.values()) {
      held += c.held;
      agreed += c.agreed;
    }
    return {
      kpis: {
        followers: latestFollowers.get({ sources: ctx.sources, date: point.live ? '9999-12-31' : point.today }) as number,
        held,
        successRatePct: ratePct(agreed, held),
        live,
        upcoming,
      },
      byCategory: [...byCat]
        .map(([category, c]) => ({ category, held: c.held, successRatePct: ratePct(c.agreed, c.held) }))
        .sort((a, b) => b.held - a.held),
    };
  };
}

export type ConsultationTotalsReader = ReturnType<typeof createConsultationTotalsReader>;
