/**
 * The weekly brief (本周简报): generated sentences about one risk week, each in every locale
 * and each carrying the figures it states — value, unit and the day the figure counts up to.
 * Deterministic: the same cache and params give the same sentences, in the same order.
 * A presenter shows a page's sentences as notes; the briefing pack prints them.
 */
import type { Locale } from '../i18n';
import type { LookbackInfo } from '../lookback';
import type { IsoDate, IsoTime } from '../readModel';
import type { PageId } from '../wall/pages';

export interface BriefFigure {
  /** Stable within a sentence: 'reported', 'reported.previous', 'telecomFraud.baseline'… */
  id: string;
  value: number;
  /** The unit as printed after the value, per locale ('件' / 'events', '%'). */
  unit: Record<Locale, string>;
  /** The local day the figure counts up to (its end), or the risk week's start for a week's assessment. */
  asOf: IsoDate;
}

export interface BriefSentence {
  /** Stable across runs: 'risk.levels', 'risk.change.330113004', 'warnings.joint.<warning id>'… */
  id: string;
  /** The page whose notes it belongs to. */
  page: PageId;
  text: Record<Locale, string>;
  figures: BriefFigure[];
}

export interface WeeklyBriefModel {
  /** Freshness: the oldest last success of the data it reads. */
  asOf: IsoTime | null;
  lookback: LookbackInfo | null;
  /** The risk week briefed (its Monday) and the last day counted (its Sunday, or the as-of day while it runs). */
  weekStart: IsoDate;
  weekEnd: IsoDate;
  /** The week before, compared against. */
  previousWeekStart: IsoDate;
  sentences: BriefSentence[];
}
