import { useEffect } from 'react';
import { PAGE_IDS } from '../../../shared/config';
import { useCockpit } from '../store/cockpit';
import { lookbackActions } from '../store/lookback';

/**
 * Presentation clickers send ArrowLeft/ArrowRight or PageUp/PageDown; Space pauses/resumes;
 * Escape closes the town detail; L switches language; 1–4 jump to a page. Stepping by hand
 * pauses the rotation (the leader is talking); any key while paused extends the pause.
 * Looking back (回看): Shift+←/→ a week back/forward, Home back to live.
 */
export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const s = useCockpit.getState();
      if (!s.playing && e.key !== ' ') s.pauseByHand();
      if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
        lookbackActions.stepWeeks(e.key === 'ArrowLeft' ? -1 : 1);
        s.pauseByHand();
        e.preventDefault();
        return;
      }
      switch (e.key) {
        case 'Home':
          lookbackActions.live();
          break;
        case 'ArrowRight':
        case 'PageDown':
          s.next();
          s.pauseByHand();
          break;
        case 'ArrowLeft':
        case 'PageUp':
          s.prev();
          s.pauseByHand();
          break;
        case ' ':
          s.togglePlay();
          break;
        case 'Escape':
          s.selectTown(null);
          break;
        case 'l':
        case 'L':
          s.toggleLocale();
          break;
        default: {
          const n = Number(e.key);
          if (!Number.isInteger(n) || n < 1 || n > PAGE_IDS.length) return;
          s.setPage(PAGE_IDS[n - 1]);
          s.pauseByHand();
        }
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
