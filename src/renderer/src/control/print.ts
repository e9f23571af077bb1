/**
 * Print mode (the briefing pack, src/core/brief): `/?print=<page>&asOf=<date>&lang=<locale>`
 * shows one page, held, at that as-of, with no wall control (a pack never drives or reports the
 * wall), and marks the wall `data-print-ready="true"` once its data and fonts are in.
 * `/?print=cover` renders nothing: the pack builds its cover in the page (text only).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { WallState } from '../../../shared/control/types';
import { LOCALES, type Locale } from '../../../shared/i18n';
import { PAGE_IDS, type PageId } from '../../../shared/wall/pages';
import { useCockpit } from '../store/cockpit';
import { applyState, useWallControl } from './follow';

export type PrintMode = { kind: 'cover' } | { kind: 'page'; page: PageId; asOf: string | null; week: string | null; locale: Locale | null } | null;

export function printMode(search: string = location.search): PrintMode {
  const q = new URLSearchParams(search);
  const print = q.get('print');
  if (print === null) return null;
  if (print === 'cover') return { kind: 'cover' };
  if (!(PAGE_IDS as readonly string[]).includes(print)) return null;
  const asOf = q.get('asOf');
  const lang = q.get('lang');
  const week = q.get('week');
  return {
    kind: 'page',
    page: print as PageId,
    asOf: asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null,
    week: week && /^\d{4}-\d{2}-\d{2}$/.test(week) ? week : null,
    locale: lang && (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : null,
  };
}

/** Hold the page and the as-of for printing, whatever the config or the playlist say. */
export function startPrint(mode: Extract<PrintMode, { kind: 'page' }>, client: QueryClient): void {
  if (mode.locale) useCockpit.getState().setLocale(mode.locale);
  const state: WallState = { wall: 'print', rev: 1, page: mode.page, pages: [mode.page], held: true, asOf: mode.asOf, town: null, alert: null, updatedAt: new Date(0).toISOString(), by: null };
  const hold = (): void => {
    const s = useCockpit.getState();
    if (s.page !== mode.page || s.playing || s.selectedTown !== null) applyState(state, useCockpit);
  };
  useWallControl.setState({ state, asOf: mode.asOf });
  applyState(state, useCockpit);
  useCockpit.subscribe(hold);
  // Ready: every query answered (data or error; a refetch may run, the answer is there), fonts
  // loaded, the page drawn — for a few ticks running.
  let quiet = 0;
  const timer = setInterval(() => {
    const wall = document.querySelector('[data-testid="wall"]');
    const drawn = wall?.querySelector('[data-testid="page"] *') !== null;
    const answered = client.getQueryCache().getAll().every((q) => q.state.status !== 'pending');
    quiet = answered && document.fonts.status === 'loaded' && drawn ? quiet + 1 : 0;
    if (quiet >= 3 && wall) {
      wall.setAttribute('data-print-ready', 'true');
      clearInterval(timer);
    }
  }, 100);
}
