import { useEffect, useRef, useState, type JSX } from 'react';
import type { AckVia, AlertView } from '../../../shared/alerts/types';
import { LEVELS, levelKey } from '../charts/levels';
import { useQuery } from '../data/useQuery';
import { fmtTime, usePick, useT } from '../i18n';
import { LevelBadge } from '../panels/bits';
import { useVocabulary } from '../panels/vocabulary';
import chimeUrl from './chime.wav';
import { factCause, factSubject } from './alertText';
import { acknowledgeAlert } from './door';
import { useWallDuty } from './wallStore';

/** Facts listed under a summary; the rest are counted. */
const SUMMARY_ROWS = 8;

/** Keys that acknowledge: a keyboard's, and a presentation clicker's (it sends these). */
const ACK_KEYS: Record<string, AckVia> = {
  Enter: 'keyboard',
  ' ': 'keyboard',
  Escape: 'keyboard',
  PageDown: 'clicker',
  PageUp: 'clicker',
  ArrowRight: 'clicker',
  ArrowLeft: 'clicker',
};

/**
 * The alert interrupt: while the core has an open alert for this wall, it covers the page
 * (the rotation stops where it was), names the town or source, its level and the cause in
 * one line, flashes its frame for `flashSec` and then stays still, and plays the chime once
 * if the profile says so. It leaves when acknowledged or when its time is up; the rotation
 * then carries on from the same page.
 */
export function AlertOverlay({ wall }: { wall: string }): JSX.Element | null {
  const profile = useWallDuty((s) => s.profile);
  const { data } = useQuery('alerts', { wall });
  const [gone, setGone] = useState<ReadonlySet<string>>(() => new Set());
  const [now, setNow] = useState(() => Date.now());
  const [ackError, setAckError] = useState<string | null>(null);
  // The core's clock against ours, so an alert leaves at the core's expiry time.
  const skew = data ? Date.parse(data.now) - Date.now() : 0;
  const active = data?.active && !gone.has(data.active.id) && Date.parse(data.active.expiresAt) > now + skew ? data.active : null;
  const activeId = active?.id ?? null;

  useEffect(() => {
    useWallDuty.getState().setAlertOnScreen(activeId);
  }, [activeId]);
  useEffect(() => () => useWallDuty.getState().setAlertOnScreen(null), []);

  // Leave at the expiry time without waiting for the core's next notice.
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, Date.parse(active.expiresAt) - skew - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [active, skew]);

  const ackRef = useRef<(via: AckVia) => void>(() => undefined);
  ackRef.current = (via) => {
    if (!active) return;
    const id = active.id;
    setGone((g) => new Set(g).add(id));
    acknowledgeAlert(wall, id, via).then(
      () => setAckError(null),
      (err: unknown) => setAckError(err instanceof Error ? err.message : String(err)),
    );
  };

  // While the alert is up, the keys acknowledge it instead of stepping the rotation.
  useEffect(() => {
    if (!activeId) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const via = ACK_KEYS[e.key];
      e.stopImmediatePropagation();
      e.preventDefault();
      if (via) ackRef.current(via);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [activeId]);

  // The chime, once per alert, only if this wall's profile turns it on.
  const chimed = useRef<string | null>(null);
  const chime = profile?.alerts.chime;
  useEffect(() => {
    if (!activeId || !chime?.enabled || chimed.current === activeId) return;
    chimed.current = activeId;
    const audio = new Audio(chimeUrl);
    audio.volume = chime.volume;
    // A browser may refuse sound before anyone touched the page: the alert is shown regardless.
    audio.play().catch(() => undefined);
  }, [activeId, chime?.enabled, chime?.volume]);

  if (!active) return ackError ? <div className="alert-ack-error" role="status">{ackError}</div> : null;
  return <AlertDialog alert={active} waiting={data?.waiting ?? 0} flashSec={profile?.alerts.flashSec ?? 4} onAck={() => ackRef.current('keyboard')} />;
}

function AlertDialog({ alert, waiting, flashSec, onAck }: { alert: AlertView; waiting: number; flashSec: number; onAck(): void }): JSX.Element {
  const t = useT();
  const pick = usePick();
  const vocabulary = useVocabulary();
  const ackButton = useRef<HTMLButtonElement>(null);
  useEffect(() => ackButton.current?.focus({ preventScroll: true }), [alert.id]);
  const single = alert.count === 1 ? alert.facts[0] : null;
  const heading = single
    ? `${factSubject(single, t)} · ${t(`alert.kind.${single.kind}`)}`
    : `${t('alert.summary', { count: alert.count })} · ${alert.subjects.slice(0, 3).join('、')}${alert.subjects.length > 3 ? ' …' : ''}`;
  const counts = LEVELS.filter((lv) => alert.byLevel[lv]).map((lv) => `${t(levelKey(lv, 'colour'))} ${alert.byLevel[lv]}`);
  // Two flashes a second for flashSec, then still: nothing on a wall animates forever.
  const flashes = Math.round(flashSec * 2);
  return (
    <div className="alert-scrim" data-testid="alert">
      <div
        className={`alert alert--${alert.level}`}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="alert-heading"
        aria-describedby="alert-cause"
        data-alert={alert.id}
        data-level={alert.level}
        data-count={alert.count}
        style={flashes > 0 ? { animationIterationCount: flashes } : { animation: 'none' }}
      >
        <header className="alert__head">
          <LevelBadge level={alert.level} />
          <h2 id="alert-heading" className="alert__title">
            {heading}
          </h2>
        </header>
        {single ? (
          <p id="alert-cause" className="alert__cause">
            {factCause(single, t, vocabulary, pick)}
          </p>
        ) : (
          <>
            <p id="alert-cause" className="alert__cause">
              {counts.join(' · ')}
            </p>
            <ul className="alert__facts">
              {alert.facts.slice(0, SUMMARY_ROWS).map((f) => (
                <li key={f.key}>
                  <LevelBadge level={f.level} short />
                  <b>{factSubject(f, t)}</b>
                  <span className="ellipsis">{factCause(f, t, vocabulary, pick)}</span>
                </li>
              ))}
              {alert.count > SUMMARY_ROWS && <li className="alert__more">{t('alert.more', { count: alert.count - SUMMARY_ROWS })}</li>}
            </ul>
          </>
        )}
        <footer className="alert__foot">
          <span>{t('alert.raisedAt', { time: fmtTime(alert.raisedAt) })}</span>
          {waiting > 0 && <span>{t('alert.waiting', { count: waiting })}</span>}
          <button ref={ackButton} type="button" className="alert__ack" data-testid="alert-ack" onClick={onAck}>
            {t('alert.ack')}
          </button>
          <span className="alert__hint">{t('alert.ackHint')}</span>
        </footer>
      </div>
    </div>
  );
}
