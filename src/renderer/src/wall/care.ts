import { useEffect, useState } from 'react';
import type { WallProfileModel } from '../../../shared/wall/profile';
import { useCockpit } from '../store/cockpit';
import { reportReload } from './useWallReports';

type Care = WallProfileModel['care'];

/**
 * Burn-in protection: the whole layout sits a few px off centre and moves to the next of eight
 * positions on a circle of `shiftPx` every `everyMin` minutes — a jump (one transform change),
 * never an animation running between. 0 px turns it off.
 */
export function useBurnInShift(burnIn: Care['burnIn'] | undefined): { x: number; y: number } {
  const [step, setStep] = useState(0);
  const shiftPx = burnIn?.shiftPx ?? 0;
  const everyMs = (burnIn?.everyMin ?? 3) * 60_000;
  useEffect(() => {
    if (shiftPx <= 0) return;
    const timer = setInterval(() => setStep((s) => (s + 1) % 8), everyMs);
    return () => clearInterval(timer);
  }, [shiftPx, everyMs]);
  if (shiftPx <= 0 || step === 0) return { x: 0, y: 0 };
  const angle = ((step - 1) * Math.PI) / 4;
  return { x: Math.round(Math.cos(angle) * shiftPx), y: Math.round(Math.sin(angle) * shiftPx) };
}

/** What a soft reload keeps: where the wall was. */
interface Kept {
  page: ReturnType<typeof useCockpit.getState>['page'];
  week: string | null;
  playing: boolean;
  resumeAt: number | null;
  selectedTown: string | null;
  at: number;
}

const KEPT_KEY = 'cockpit.softReload';
const LAST_RELOAD_KEY = 'cockpit.softReloadAt';
/** How often the heap is looked at. */
export const MEMORY_CHECK_MS = 30_000;
/** Never two memory reloads closer than this: a ceiling set below what a fresh page needs must not loop. */
const MIN_RELOAD_GAP_MS = 30 * 60_000;
/** A kept place older than this is not restored (the wall was off, not reloading). */
const KEPT_FOR_MS = 5 * 60_000;

/** Puts the wall back where it was before a soft reload (call before the first render). */
export function restoreAfterSoftReload(): boolean {
  let kept: Kept | null;
  try {
    const raw = sessionStorage.getItem(KEPT_KEY);
    sessionStorage.removeItem(KEPT_KEY);
    kept = raw ? (JSON.parse(raw) as Kept) : null;
  } catch {
    return false;
  }
  if (!kept || Date.now() - kept.at > KEPT_FOR_MS) return false;
  useCockpit.setState({ page: kept.page, week: kept.week, playing: kept.playing, resumeAt: kept.resumeAt, selectedTown: kept.selectedTown });
  return true;
}

/** Chromium's heap figures (the desktop app's renderer and a browser wall in Chromium have them). */
function usedHeapMb(): number | null {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize / 1024 / 1024 : null;
}

/**
 * The renderer's memory ceiling: past `memoryCeilingMb` of JavaScript heap, the wall reloads
 * itself, keeping its page, look-back week, rotation state and town; the core's wall history
 * records the reload and why. 0 = never.
 */
export function useMemoryCeiling(wall: string | null, ceilingMb: number | undefined): void {
  useEffect(() => {
    if (!wall || !ceilingMb) return;
    const timer = setInterval(() => {
      const used = usedHeapMb();
      if (used === null || used <= ceilingMb) return;
      try {
        const last = Number(sessionStorage.getItem(LAST_RELOAD_KEY) ?? 0);
        if (Date.now() - last < MIN_RELOAD_GAP_MS) return;
        sessionStorage.setItem(LAST_RELOAD_KEY, String(Date.now()));
        const c = useCockpit.getState();
        const kept: Kept = { page: c.page, week: c.week, playing: c.playing, resumeAt: c.resumeAt, selectedTown: c.selectedTown, at: Date.now() };
        sessionStorage.setItem(KEPT_KEY, JSON.stringify(kept));
      } catch {
        return; // without storage a reload would lose the wall's place: stay
      }
      const reason = `memory ${Math.round(used)} MB > ${ceilingMb} MB`;
      void reportReload(wall, reason).finally(() => location.reload());
    }, MEMORY_CHECK_MS);
    return () => clearInterval(timer);
  }, [wall, ceilingMb]);
}
