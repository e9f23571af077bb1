import { useCallback, useEffect, useState, type JSX } from 'react';
import { DiagnosticsView } from './diagnostics/DiagnosticsView';
import { usePage, useTownDetail } from './pages/registry';
import { useQuery } from './data/useQuery';
import { useT, useLocale } from './i18n';
import { getBridge } from './transport';
import { useCockpit } from './store/cockpit';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { Header } from './shell/Header';
import { useWallLayout } from './shell/layout';
import { useHealthWatcher } from './shell/useHealthWatcher';
import { useKeyboard } from './shell/useKeyboard';
import { useReplayClock } from './shell/LookbackControl';
import { useLookback } from './store/lookback';
import { usePlaylist } from './shell/usePlaylist';
import { useShellConfig } from './shell/useShellConfig';
import { AlertOverlay } from './wall/AlertOverlay';
import './wall/duty.css';
import { useWallProfile } from './wall/useWallProfile';
import { useWallReports } from './wall/useWallReports';
import { useBurnInShift, useMemoryCeiling } from './wall/care';
import { useLevelDisplay, useWallDuty } from './wall/wallStore';

const DEFAULT_POLL_SEC = 30;

/**
 * The wall: a fixed design canvas (see shell/layout.ts) scaled to the window and centred,
 * with the header over the current page and the town detail on top when a town is picked.
 */
export function App(): JSX.Element {
  const config = useShellConfig();
  const wall = useWallProfile();
  const slot = useWallDuty((s) => s.slot);
  const playlist = useCockpit((s) => s.playlist);
  const { data: meta } = useQuery('meta', {});
  useHealthWatcher(config?.pollIntervalSec ?? DEFAULT_POLL_SEC);
  usePlaylist();
  useKeyboard();
  useReplayClock();
  const lookingBack = useLookback((s) => s.asOf !== null);
  const t = useT();
  const locale = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
    // The desktop app's own texts (menus, dialogs) follow the wall's language.
    getBridge()?.setLocale(locale).catch(() => undefined);
  }, [locale]);
  const forcedLayout = wall.state === 'ready' && wall.profile.layout !== 'auto' ? wall.profile.layout : null;
  const layout = useWallLayout(forcedLayout);
  const page = useCockpit((s) => s.page);
  const selectedTown = useCockpit((s) => s.selectedTown);
  const closeTown = useCallback(() => useCockpit.getState().selectTown(null), []);
  const diagnosticsOpen = useDiagnosticsShortcut();

  const profile = wall.state === 'ready' ? wall.profile : null;
  useWallReports(profile?.id ?? null);
  const levels = useLevelDisplay();
  const shift = useBurnInShift(profile?.care.burnIn);
  useMemoryCeiling(profile?.id ?? null, profile?.care.memoryCeilingMb);
  const title = profile?.title ?? config?.title ?? meta?.district?.name ?? t('app.name');
  const Page = usePage(page);
  const left = Math.max(0, (window.innerWidth - layout.width * layout.scale) / 2);
  const top = Math.max(0, (window.innerHeight - layout.height * layout.scale) / 2);

  return (
    <div className="viewport">
      <div
        className={`wall wall--${layout.kind}${levels.patterns ? ' wall--patterns' : ''}${levels.highContrast ? ' wall--contrast' : ''}${lookingBack ? ' wall--lookback' : ''}`}
        data-testid="wall"
        data-layout={layout.kind}
        data-page={page}
        data-wall={profile?.id}
        data-slot={slot ? (slot.name ?? slot.index) : undefined}
        data-dim={slot?.dim ? 'true' : undefined}
        data-shift={`${shift.x},${shift.y}`}
        data-lookback={lookingBack ? 'on' : 'off'}
        style={{
          width: layout.width,
          height: layout.height,
          // The burn-in shift moves the whole layout a few px now and then (a jump, not an animation).
          transform: `translate(${left + shift.x}px, ${top + shift.y}px) scale(${layout.scale})`,
        }}
      >
        {wall.state === 'failed' ? (
          <div className="wall-error" role="alert" data-testid="wall-error">
            <h1>{t('wall.profileFailed', { wall: wall.wall })}</h1>
            <p>{wall.message}</p>
          </div>
        ) : (
        <>
        <Header title={title} pages={playlist} />
        <main className="page" data-testid="page">
          <ErrorBoundary
            resetKey={page}
            fallback={(e) => (
              <div className="page-error" role="alert">
                {t('app.pageFailed')}
                {e.message}
              </div>
            )}
          >
            {Page && <Page />}
          </ErrorBoundary>
        </main>
        {selectedTown && (
          <ErrorBoundary resetKey={selectedTown} fallback={(e) => <div className="page-error" role="alert">{e.message}</div>}>
            <TownDetailPanel code={selectedTown} onClose={closeTown} />
          </ErrorBoundary>
        )}
        {profile && <AlertOverlay wall={profile.id} />}
        {slot?.dim && <div className="wall-dim" aria-hidden="true" />}
        {diagnosticsOpen.open && <DiagnosticsView bridge={getBridge()} t={t} onClose={diagnosticsOpen.close} wall={profile?.id ?? null} />}
        </>
        )}
      </div>
    </div>
  );
}

/**
 * Operators open the diagnostics page with Ctrl+Shift+D (a presentation clicker never sends
 * it, so a leader cannot open it by accident); Escape or its close button hides it.
 */
function useDiagnosticsShortcut(): { open: boolean; close: () => void } {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey && e.shiftKey && (e.key === 'D' || e.key === 'd')) {
        setOpen((o) => !o);
        e.preventDefault();
      } else if (e.key === 'Escape') {
        setOpen(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return { open, close: useCallback(() => setOpen(false), []) };
}

/** The town detail over the page, once its code has loaded (the first opening fetches it). */
function TownDetailPanel(props: { code: string; onClose(): void }) {
  const TownDetail = useTownDetail();
  return TownDetail ? <TownDetail {...props} /> : null;
}
