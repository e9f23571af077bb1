import { useLayoutEffect, useRef } from 'react';

interface Fitted {
  itemSelector?: string;
}

const fitted = new WeakMap<HTMLElement, Fitted>();

/**
 * Hides the items of a list that would be cut off at the bottom of their box (all but the
 * first), so a wall never shows half a row (and never needs a scroll bar), whatever the
 * layout's height. One observer serves every list: its notifications come after layout and
 * before paint, all lists of a frame at once, so a page of lists costs one extra layout, not
 * one per list — and nothing is ever painted cut off.
 */
const observer =
  typeof ResizeObserver === 'undefined'
    ? null
    : new ResizeObserver((entries) => {
        const lists = entries.map((e) => e.target as HTMLElement).filter((el) => fitted.has(el));
        const items = lists.map((el) => {
          const sel = fitted.get(el)!.itemSelector;
          return Array.from(sel ? el.querySelectorAll<HTMLElement>(sel) : (el.children as HTMLCollectionOf<HTMLElement>));
        });
        // Writes, then reads, then writes: all lists share the one layout the reads force.
        for (const all of items) for (const item of all) item.style.display = '';
        const hide = lists.map((el, n) => {
          // Screen rects: the wall's CSS scale applies to both sides of the comparison alike.
          const bottom = el.getBoundingClientRect().bottom + 1;
          const all = items[n];
          // The first item always stays: a cut-off story beats an empty box.
          const first = all.findIndex((item, i) => i > 0 && item.getBoundingClientRect().bottom > bottom);
          return first < 0 ? [] : all.slice(first);
        });
        for (const list of hide) for (const item of list) item.style.display = 'none';
      });

/** Fit the list at `ref` to its box, again whenever the box is resized or `deps` change. */
export function useFitChildren<T extends HTMLElement>(deps: unknown[], itemSelector?: string) {
  const ref = useRef<T | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !observer) return;
    fitted.set(el, { itemSelector });
    // (Re-)observing delivers a notification in this frame, after layout: the fit runs then.
    observer.observe(el);
    return () => {
      observer.unobserve(el);
      fitted.delete(el);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}
