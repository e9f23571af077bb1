import { useEffect, type JSX } from 'react';
import { addDays } from '../../../shared/districtTime';
import { asOfForWeek } from '../../../shared/lookback';
import { districtTime } from '../../../shared/districtTime';
import { useQuery } from '../data/useQuery';
import { DISTRICT_TIME_ZONE, useT } from '../i18n';
import { todayInDistrict, useAsOf, useLookback, lookbackActions } from '../store/lookback';
import './lookback.css';

const TIME = districtTime(DISTRICT_TIME_ZONE);
/** Weeks a replay plays from where it starts (the 星桥 story fits in 12: under 30 s). */
export const REPLAY_WEEKS = 12;

/**
 * The header's look-back control (回看): ◀ a week back, the banner 回看 · 截至 YYYY-MM-DD while
 * looking back (with "older than the cache holds" when it is), ▶ a week forward and back to
 * live; while live, a week picker to jump back to any week the cache holds; ⏵ replays
 * REPLAY_WEEKS weeks from the week shown (from REPLAY_WEEKS ago when live). The wall never confuses the past with now: the banner
 * stays while any past day is shown, and the whole wall gets the look-back frame (App).
 */
export function LookbackControl(): JSX.Element {
  const t = useT();
  const { asOf, replaying } = useAsOf();
  // The weeks the cache holds, asked live (the picker lists them all, whatever is shown).
  const meta = useQuery('meta', { asOf: undefined });
  // What the pages answered for: how far back the cache holds data.
  const overview = useQuery('overview', {});
  const heldSince = asOf ? overview.data?.lookback?.heldSince : undefined;
  const older = asOf && overview.data?.lookback?.date === asOf && (heldSince === null || (heldSince !== undefined && asOf < heldSince));
  const weeks = meta.data?.weeks ?? [];
  const shownWeek = asOf ? TIME.weekStartOf(Date.parse(`${asOf}T12:00:00${TIME.offsetText}`)) : '';
  const replayFrom = asOf ?? addDays(todayInDistrict(), -7 * REPLAY_WEEKS);
  return (
    <div className={`lookback-control${asOf ? ' lookback-control--on' : ''}`} data-testid="lookback-control">
      <button type="button" className="lb-step" onClick={blurThen(() => lookbackActions.stepWeeks(-1))} aria-label={t('lookback.back')} title={t('lookback.back')}>
        ◀
      </button>
      {asOf ? (
        <span className="lookback-banner" data-testid="lookback-banner" data-as-of={asOf} role="status">
          <b>{t('lookback.banner', { date: asOf })}</b>
          {older && (
            <small data-testid="lookback-older">
              {heldSince ? t('lookback.olderThanCache', { since: heldSince }) : t('lookback.emptyCache')}
            </small>
          )}
        </span>
      ) : null}
      {asOf && (
        <button type="button" className="lb-step" onClick={blurThen(() => lookbackActions.stepWeeks(1))} aria-label={t('lookback.forward')} title={t('lookback.forward')}>
          ▶
        </button>
      )}
      {!asOf && weeks.length > 0 && (
        <select
          className="lb-week"
          aria-label={t('lookback.pick')}
          data-testid="lookback-week"
          value={weeks.includes(shownWeek) ? shownWeek : ''}
          onChange={(e) => {
            e.currentTarget.blur();
            lookbackActions.set(e.currentTarget.value ? asOfForWeek(TIME, e.currentTarget.value, Date.now()) : null);
          }}
        >
          <option value="">{t('lookback.liveMark')}</option>
          {[...weeks].reverse().map((w) => (
            <option key={w} value={w}>
              {t('lookback.weekOption', { week: w })}
            </option>
          ))}
        </select>
      )}
      {/* Narrow (an icon, named for screen readers): the header of a 1920 wall is full. */}
      <button
        type="button"
        className="lb-replay"
        data-testid="lookback-replay"
        aria-pressed={replaying}
        aria-label={replaying ? t('lookback.stop') : t('lookback.replay')}
        title={replaying ? t('lookback.stop') : t('lookback.replay')}
        onClick={blurThen(() => (replaying ? useLookback.getState().setReplay(null) : lookbackActions.replay(replayFrom, addDays(replayFrom, 7 * REPLAY_WEEKS))))}
      >
        {replaying ? t('lookback.stop') : t('lookback.replay')}
      </button>
      {asOf && (
        <button type="button" className="lb-live" data-testid="lookback-live" onClick={blurThen(lookbackActions.live)} title={t('lookback.backToLive')}>
          {t('lookback.live')}
        </button>
      )}
    </div>
  );
}

/** A header button must not keep focus: a clicker's Space must pause, not press it again. */
function blurThen(act: () => void) {
  return (e: { currentTarget: HTMLElement }) => {
    e.currentTarget.blur();
    act();
  };
}

/** Steps a replay on: one week per stepMs, then stops on the last week. */
export function useReplayClock(): void {
  const replay = useLookback((s) => s.replay);
  useEffect(() => {
    if (!replay) return;
    const timer = setTimeout(lookbackActions.advanceReplay, replay.stepMs);
    return () => clearTimeout(timer);
  }, [replay]);
}

/** "回看 · 截至 …" for places that stand on their own over the page (the town detail). */
export function LookbackTag(): JSX.Element | null {
  const t = useT();
  const { asOf } = useAsOf();
  if (!asOf) return null;
  return (
    <span className="lookback-tag" data-testid="lookback-tag">
      {t('lookback.banner', { date: asOf })}
    </span>
  );
}
