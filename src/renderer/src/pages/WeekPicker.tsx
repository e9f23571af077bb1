import { useQuery } from '../data/useQuery';
import { useT } from '../i18n';
import { useCockpit } from '../store/cockpit';

/**
 * Look back in time: step through the weeks that have risk data (◀ ▶), or jump back to the
 * latest. The chosen week is shared (store.week), so every week-aware panel follows.
 */
export function WeekPicker() {
  const t = useT();
  const meta = useQuery('meta', {});
  const week = useCockpit((s) => s.week);
  const setWeek = useCockpit((s) => s.setWeek);
  const weeks = meta.data?.weeks ?? [];
  if (!weeks.length) return null;
  const latest = weeks[weeks.length - 1];
  const current = week && weeks.includes(week) ? week : latest;
  const at = weeks.indexOf(current);
  const go = (i: number) => setWeek(i >= weeks.length - 1 ? null : weeks[Math.max(0, i)]);
  return (
    <div className="week-picker" data-week={current}>
      <button type="button" disabled={at <= 0} onClick={() => go(at - 1)} aria-label={t('week.previous')}>
        ◀
      </button>
      <span className={week ? 'week-past' : ''}>
        {t('week.label')} {current}
        {week ? t('week.lookingBack') : t('week.latestMark')}
      </span>
      <button type="button" disabled={at >= weeks.length - 1} onClick={() => go(at + 1)} aria-label={t('week.next')}>
        ▶
      </button>
      {week && (
        <button type="button" onClick={() => setWeek(null)}>
          {t('week.latest')}
        </button>
      )}
    </div>
  );
}
