import type { Locale } from '../../../shared/i18n';
import type { IsoDate } from '../../../shared/readModel';
import type { PageId } from '../../../shared/wall/pages';
import { useQuery } from '../data/useQuery';

/** The week a brief is about: the week of the look-back date, else the latest week the cache holds. */
export function briefWeek(asOf: IsoDate | null, weeks: readonly IsoDate[]): IsoDate | null {
  if (asOf) return asOf;
  return weeks.length ? [...weeks].sort().at(-1)! : null;
}

/**
 * A page's lines of the weekly brief (the `weeklyBrief` query), as a presenter's notes: the one
 * place the presenter and the pack's preview ask for them.
 */
export function useBriefNotes(page: PageId | null, asOf: IsoDate | null, locale: Locale): { lines: Array<{ id: string; text: string }>; loading: boolean; error: string | null } {
  const meta = useQuery('meta', {});
  const week = briefWeek(asOf, meta.data?.weeks ?? []);
  const brief = useQuery('weeklyBrief', { week: week ?? '1970-01-05', ...(asOf ? { asOf } : {}) });
  if (!week || !page) return { lines: [], loading: meta.loading, error: meta.error };
  const lines = (brief.data?.sentences ?? []).filter((s) => s.page === page).map((s) => ({ id: s.id, text: s.text[locale] }));
  return { lines, loading: brief.loading, error: brief.error };
}
