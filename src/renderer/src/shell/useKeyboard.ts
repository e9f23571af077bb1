import { useEffect } from 'react';
import { PAGE_IDS } from '../../../shared/config';
import { useCockpit } from '../store/cockpit';

/**
 * Presentation clickers send ArrowLeft/ArrowRight or PageUp/PageDown; Space pauses/resumes;
 * Escape closes the town detail; L switches language; 1–4 jump to a page. Stepping by hand
 * pauses the rotation (the leader is talking); any key while paused extends the pause.
 */
export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const s = useCockpit.getState();
      if (!s.playing && e.key !== ' ') s.pauseByHand();
      switch (e.key) {
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
