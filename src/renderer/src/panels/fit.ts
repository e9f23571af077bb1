import { useLayoutEffect, useRef } from 'react';

/**
 * Hides the items of a list that would be cut off at the bottom of their box (all but the
 * first), so a wall never shows half a row (and never needs a scroll bar), whatever the layout's height.
 * Re-checked whenever the box is resized or the items change.
 */
export function useFitChildren<T extends HTMLElement>(deps: unknown[], itemSelector?: string) {
  const ref = useRef<T | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const items = () => Array.from(itemSelector ? el.querySelectorAll<HTMLElement>(itemSelector) : (el.children as HTMLCollectionOf<HTMLElement>));
    const fit = () => {
      const all = items();
      for (const item of all) item.style.display = '';
      // Screen rects: the wall's CSS scale applies to both sides of the comparison alike.
      const bottom = el.getBoundingClientRect().bottom + 1;
      let hiding = false;
      // The first item always stays: a cut-off story beats an empty box.
      for (const [i, item] of all.entries()) {
        if (i > 0 && (hiding || item.getBoundingClientRect().bottom > bottom)) {
          hiding = true;
          item.style.display = 'none';
        }
      }
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    return () => ro.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}
