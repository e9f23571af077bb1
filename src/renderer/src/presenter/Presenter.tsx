import { useEffect, useState, type JSX } from 'react';
import { stepPage, type WallAction } from '../../../shared/control/types';
import { addDays } from '../../../shared/districtTime';
import type { PageId } from '../../../shared/wall/pages';
import { briefWeek, useBriefNotes } from '../control/briefNotes';
import { useWallControl } from '../control/follow';
import { useController, type Controller } from '../control/useController';
import { useQuery } from '../data/useQuery';
import { useLocale, useT } from '../i18n';
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { usePage } from '../pages/registry';
import { useCockpit } from '../store/cockpit';
import { useLookback } from '../store/lookback';
import { PairForm } from './PairForm';
import { requestPack } from './pack';

/**
 * The presenter (讲稿视图): on a laptop at `/presenter`, or the desktop app's second display.
 * The wall's current and next page, this page's lines of the weekly brief as notes, a timer,
 * and the controls that drive the wall — all through wall control (src/shared/control).
 */
export function Presenter(): JSX.Element {
  const t = useT();
  const locale = useLocale();
  const c = useController('presenter');
  const state = c.state;
  const meta = useQuery('meta', {});
  const pages = state?.pages ?? [];
  const current: PageId | null = state?.page ?? pages[0] ?? null;
  const next: PageId | null = pages.length ? stepPage(pages, current, 1) : null;
  // The previews look back with the wall: pages read the look-back date from the same store.
  useEffect(() => {
    useWallControl.setState({ state, asOf: state?.asOf ?? null });
    if ((state?.asOf ?? null) !== useLookback.getState().asOf) useLookback.setState({ asOf: state?.asOf ?? null, replay: null });
  }, [state]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const latestWeek = [...(meta.data?.weeks ?? [])].sort().at(-1) ?? null;
  usePresenterKeys(c, latestWeek);
  const notes = useBriefNotes(current, state?.asOf ?? null, locale);

  if (!c.paired) return <PairForm controller={c} title={t('presenter.title')} />;

  const week = briefWeek(state?.asOf ?? null, meta.data?.weeks ?? []);
  return (
    <div className="presenter" data-testid="presenter" data-page={current ?? ''}>
      <header className="presenter__bar">
        <h1>{t('presenter.title')}</h1>
        <span className="presenter__wall">{t('presenter.wall', { wall: c.wall })}</span>
        <span className={`presenter__link${c.linkUp ? '' : ' presenter__link--down'}`}>{c.linkUp ? t('presenter.linkUp') : t('presenter.linkDown')}</span>
        {state?.asOf ? (
          <span className="presenter__lookback" data-testid="presenter-lookback">
            {t('presenter.lookingBack', { date: state.asOf })}
          </span>
        ) : (
          <span className="presenter__live">{t('presenter.live')}</span>
        )}
        <Timer pageKey={current ?? ''} t={t} />
      </header>
      <div className="presenter__main">
        <section className="presenter__current">
          <h2>
            {t('presenter.current')} · <span data-testid="presenter-current">{current ? t(`page.${current}`) : '—'}</span>
          </h2>
          <MiniPage page={current} scale={0.5} />
        </section>
        <aside className="presenter__side">
          <section className="presenter__next">
            <h2>
              {t('presenter.next')} · <span data-testid="presenter-next">{next ? t(`page.${next}`) : '—'}</span>
            </h2>
            <MiniPage page={next} scale={0.25} />
          </section>
          <section className="presenter__notes" data-testid="presenter-notes">
            <h2>{t('presenter.notes', { week: week ?? '—' })}</h2>
            {notes.lines.length === 0 ? (
              <p className="presenter__empty">{notes.loading ? t('presenter.notesLoading') : t('presenter.notesNone')}</p>
            ) : (
              <ul>
                {notes.lines.map((l) => (
                  <li key={l.id}>{l.text}</li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
      <Controls c={c} towns={meta.data?.towns ?? []} week={week} latestWeek={latestWeek} />
      {c.error && (
        <p className="presenter__error" role="alert">
          {c.error}
        </p>
      )}
    </div>
  );
}

/** The buttons (the same actions as the keys and the phone's). */
function Controls({ c, towns, week, latestWeek }: { c: Controller; towns: Array<{ code: string; name: string }>; week: string | null; latestWeek: string | null }): JSX.Element {
  const t = useT();
  const state = c.state;
  const act = (a: WallAction) => () => void c.act(a);
  const [packing, setPacking] = useState<string | null>(null);
  return (
    <nav className="presenter__controls" aria-label={t('presenter.controls')}>
      <button type="button" data-testid="ctl-prev" onClick={act({ type: 'page.prev' })}>
        {t('control.prev')}
      </button>
      <button type="button" data-testid="ctl-next" onClick={act({ type: 'page.next' })}>
        {t('control.next')}
      </button>
      <button type="button" data-testid="ctl-hold" aria-pressed={state?.held ?? false} onClick={act({ type: 'hold' })}>
        {state?.held ? t('control.resume') : t('control.hold')}
      </button>
      <label className="presenter__town">
        {t('control.town')}
        <select data-testid="ctl-town" value={state?.town ?? ''} onChange={(e) => void c.act({ type: 'town.pick', town: e.currentTarget.value || null })}>
          <option value="">{t('control.noTown')}</option>
          {towns.map((town) => (
            <option key={town.code} value={town.code}>
              {town.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" data-testid="ctl-back-week" disabled={!latestWeek} onClick={() => latestWeek && void c.act({ type: 'asOf.set', asOf: weekBack(state?.asOf ?? null, latestWeek) })}>
        {t('control.weekBack')}
      </button>
      <button type="button" data-testid="ctl-fwd-week" disabled={!state?.asOf} onClick={() => state?.asOf && void c.act({ type: 'asOf.set', asOf: addDays(state.asOf, 7) })}>
        {t('control.weekForward')}
      </button>
      <button type="button" data-testid="ctl-live" disabled={!state?.asOf} onClick={act({ type: 'live' })}>
        {t('control.live')}
      </button>
      <button
        type="button"
        data-testid="ctl-pack"
        disabled={packing === 'busy'}
        onClick={() => {
          setPacking('busy');
          requestPack(state, week).then(
            (name) => setPacking(name),
            (err: unknown) => setPacking(err instanceof Error ? err.message : String(err)),
          );
        }}
      >
        {t('presenter.pack')}
      </button>
      {packing && packing !== 'busy' && <span className="presenter__packed" data-testid="pack-result">{packing}</span>}
    </nav>
  );
}

/** ←/→ and PageUp/PageDown step, Space holds, Shift+←/→ a week back/forward, Home back to live, B the briefing pack. */
function usePresenterKeys(c: Controller, latestWeek: string | null): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const s = c.state;
      let action: WallAction | null = null;
      if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
        const asOf = s?.asOf ?? null;
        if (e.key === 'ArrowLeft' && latestWeek) action = { type: 'asOf.set', asOf: weekBack(asOf, latestWeek) };
        else if (e.key === 'ArrowRight' && asOf) action = { type: 'asOf.set', asOf: addDays(asOf, 7) };
      } else if (e.key === 'ArrowRight' || e.key === 'PageDown') action = { type: 'page.next' };
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') action = { type: 'page.prev' };
      else if (e.key === ' ') action = { type: 'hold' };
      else if (e.key === 'Home') action = { type: 'live' };
      else if (e.key === 'Escape') action = { type: 'town.pick', town: null };
      else if (e.key === 'b' || e.key === 'B') {
        document.querySelector<HTMLButtonElement>('[data-testid="ctl-pack"]')?.click();
        e.preventDefault();
        return;
      } else if (e.key === 'l' || e.key === 'L') {
        useCockpit.getState().toggleLocale();
      }
      if (!action) return;
      e.preventDefault();
      void c.act(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [c, latestWeek]);
}

/**
 * A week back: from live, the end (Sunday) of the week before the latest one, so that week shows
 * whole; from a look-back date, seven days earlier.
 */
export function weekBack(asOf: string | null, latestWeek: string): string {
  return asOf ? addDays(asOf, -7) : addDays(latestWeek, -1);
}

/** A page at the wall's design size (1920×1080), scaled down. */
function MiniPage({ page, scale }: { page: PageId | null; scale: number }): JSX.Element {
  const Page = usePage(page ?? 'overview');
  return (
    <div className="mini" style={{ width: 1920 * scale, height: 1080 * scale }}>
      <div className="wall wall--16x9 mini__canvas" style={{ width: 1920, height: 1080, transform: `scale(${scale})` }}>
        <main className="page">
          <ErrorBoundary resetKey={page ?? ''} fallback={(e) => <div className="page-error">{e.message}</div>}>
            {page && Page && <Page />}
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}

/** Time since the presenter opened, and on this page. Seconds tick on the laptop only, never on the wall. */
function Timer({ pageKey, t }: { pageKey: string; t: ReturnType<typeof useT> }): JSX.Element {
  const [start, setStart] = useState(() => Date.now());
  const [pageStart, setPageStart] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  useEffect(() => setPageStart(Date.now()), [pageKey]);
  const fmt = (ms: number): string => {
    const s = Math.max(0, Math.floor(ms / 1000));
    return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  };
  return (
    <span className="presenter__timer" data-testid="presenter-timer">
      {t('presenter.timer', { total: fmt(now - start), page: fmt(now - pageStart) })}
      <button type="button" onClick={() => setStart(Date.now())}>
        {t('presenter.timerReset')}
      </button>
    </span>
  );
}
