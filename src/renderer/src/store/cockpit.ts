import { create } from 'zustand';
import { PAGE_IDS, type PageId } from '../../../shared/config';
import type { Locale } from '../../../shared/i18n';

export type { Locale };

export interface CockpitState {
  page: PageId;
  /** Whether the playlist rotates by itself. A leader pauses it to talk. */
  playing: boolean;
  /** When a pause by hand ends by itself (ms epoch), so a wall is never left paused overnight. */
  resumeAt: number | null;
  /** Pages in rotation order (from config.playlist.pages). */
  playlist: PageId[];
  intervalSec: number;
  selectedTown: string | null;
  /** Week being looked back at; null = the latest. */
  week: string | null;
  locale: Locale;
  setPage(page: PageId): void;
  next(): void;
  prev(): void;
  togglePlay(): void;
  setPlaying(playing: boolean): void;
  /** Pause because a leader did something; rotation resumes after RESUME_AFTER_IDLE_MS of quiet. */
  pauseByHand(): void;
  /** The pause by hand has expired: close the town detail and rotate again. */
  resumeAfterIdle(): void;
  selectTown(code: string | null): void;
  setWeek(week: string | null): void;
  setLocale(locale: Locale): void;
  toggleLocale(): void;
  /** Apply the playlist part of the config (once it has loaded). */
  configurePlaylist(pages: PageId[], intervalSec: number, autoplay: boolean): void;
}

/** Step through the playlist; a page outside the playlist steps to its neighbours in PAGE_IDS order. */
function step(state: CockpitState, delta: 1 | -1): PageId {
  const list = state.playlist.length ? state.playlist : [...PAGE_IDS];
  const at = list.indexOf(state.page);
  if (at < 0) return list[delta === 1 ? 0 : list.length - 1];
  return list[(at + delta + list.length) % list.length];
}

/** After a leader pauses or steps by hand, rotation resumes once nobody has touched anything this long. */
export const RESUME_AFTER_IDLE_MS = 10 * 60_000;

export const useCockpit = create<CockpitState>()((set) => ({
  page: 'overview',
  playing: true,
  resumeAt: null,
  playlist: [...PAGE_IDS],
  intervalSec: 30,
  selectedTown: null,
  week: null,
  locale: 'zh-CN',
  setPage: (page) => set({ page }),
  next: () => set((s) => ({ page: step(s, 1) })),
  prev: () => set((s) => ({ page: step(s, -1) })),
  togglePlay: () =>
    set((s) => (s.playing ? { playing: false, resumeAt: Date.now() + RESUME_AFTER_IDLE_MS } : { playing: true, resumeAt: null })),
  setPlaying: (playing) => set({ playing, resumeAt: null }),
  pauseByHand: () => set({ playing: false, resumeAt: Date.now() + RESUME_AFTER_IDLE_MS }),
  resumeAfterIdle: () => set({ playing: true, resumeAt: null, selectedTown: null }),
  // Opening a town is a leader at work: hold the rotation like any other pause by hand.
  selectTown: (code) =>
    set(code ? { selectedTown: code, playing: false, resumeAt: Date.now() + RESUME_AFTER_IDLE_MS } : { selectedTown: null }),
  setWeek: (week) => set({ week }),
  setLocale: (locale) => set({ locale }),
  toggleLocale: () => set((s) => ({ locale: s.locale === 'zh-CN' ? 'en' : 'zh-CN' })),
  configurePlaylist: (pages, intervalSec, autoplay) =>
    set((s) => ({
      playlist: pages.length ? pages : [...PAGE_IDS],
      intervalSec,
      // A leader who paused before the config arrived (or while it changed) stays paused.
      playing: s.resumeAt !== null ? false : autoplay,
      page: pages.length && !pages.includes(s.page) ? pages[0] : s.page,
    })),
}));
