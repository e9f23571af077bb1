import { useEffect, type JSX } from 'react';
import type { WallAction } from '../../../shared/control/types';
import { addDays } from '../../../shared/districtTime';
import { useController } from '../control/useController';
import { useLocale, useT } from '../i18n';
import { useCockpit } from '../store/cockpit';
import { PairForm } from '../presenter/PairForm';

/**
 * The phone remote (`/remote`): big buttons for the wall's actions, nothing else — no data
 * queries, so a phone loads little and learns nothing of the district until paired, and even
 * then only what the wall's state says (page, hold, look-back date).
 */
export function Remote(): JSX.Element {
  const t = useT();
  const locale = useLocale();
  const c = useController('remote');
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  if (!c.paired) return <PairForm controller={c} title={t('remote.title')} />;
  const s = c.state;
  const act = (a: WallAction) => () => void c.act(a);
  return (
    <div className="remote" data-testid="remote" data-page={s?.page ?? ''}>
      <header className="remote__state">
        <span data-testid="remote-state">{t('remote.state', { page: s?.page ? t(`page.${s.page}`) : '—', held: s?.held ? t('remote.held') : t('remote.rotating') })}</span>
        {s?.asOf && <span className="presenter__lookback">{t('presenter.lookingBack', { date: s.asOf })}</span>}
        <button type="button" className="remote__lang" onClick={() => useCockpit.getState().toggleLocale()}>
          {t('remote.otherLanguage')}
        </button>
      </header>
      <div className="remote__grid">
        <button type="button" data-testid="remote-prev" onClick={act({ type: 'page.prev' })}>
          {t('control.prev')}
        </button>
        <button type="button" data-testid="remote-next" className="remote__primary" onClick={act({ type: 'page.next' })}>
          {t('control.next')}
        </button>
        <button type="button" data-testid="remote-hold" aria-pressed={s?.held ?? false} onClick={act({ type: 'hold' })}>
          {s?.held ? t('control.resume') : t('control.hold')}
        </button>
        <button type="button" data-testid="remote-close-town" disabled={!s?.town} onClick={act({ type: 'town.pick', town: null })}>
          {t('control.closeTown')}
        </button>
        <button type="button" data-testid="remote-week-back" onClick={() => void c.act({ type: 'asOf.set', asOf: s?.asOf ? addDays(s.asOf, -7) : addDays(localToday(), -7) })}>
          {t('control.weekBack')}
        </button>
        <button type="button" data-testid="remote-live" disabled={!s?.asOf} onClick={act({ type: 'live' })}>
          {t('control.live')}
        </button>
        {s?.alert && (
          <button type="button" data-testid="remote-ack" className="remote__ack" onClick={act({ type: 'alert.ack', alertId: s.alert })}>
            {t('control.ack')}
          </button>
        )}
      </div>
      {c.error && (
        <p className="presenter__error" role="alert" data-testid="remote-error">
          {c.error}
        </p>
      )}
      <button type="button" className="remote__unpair" onClick={() => void c.unpair()}>
        {t('control.unpair')}
      </button>
    </div>
  );
}

/** Today in the district (UTC+8, Asia/Shanghai: no summer time); the core decides what is past. */
function localToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
