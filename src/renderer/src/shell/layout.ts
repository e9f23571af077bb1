import { useMemo, useSyncExternalStore } from 'react';

export type WallKind = '16x9' | '32x9' | '48x9' | '4x3';

export interface WallLayout {
  kind: WallKind;
  /** Design canvas in CSS px: pages lay out in these units whatever the window size. */
  width: number;
  height: number;
  /** Design px → window CSS px. ECharts: devicePixelRatio = window.devicePixelRatio × scale. */
  scale: number;
}

/** The canvases a wall can be: one 16:9 screen, two or three side by side, or a 4:3 projector. */
export const CANVASES: Record<WallKind, { width: number; height: number }> = {
  '4x3': { width: 1440, height: 1080 },
  '16x9': { width: 1920, height: 1080 },
  '32x9': { width: 3840, height: 1080 },
  '48x9': { width: 5760, height: 1080 },
};

/** The canvas whose aspect ratio is nearest the window's (compared in log space: 2× off either way is equally far). */
export function layoutFor(windowWidth: number, windowHeight: number): WallLayout {
  const w = Math.max(1, windowWidth);
  const h = Math.max(1, windowHeight);
  const ratio = Math.log(w / h);
  let best: WallKind = '16x9';
  let bestDistance = Infinity;
  for (const kind of Object.keys(CANVASES) as WallKind[]) {
    const c = CANVASES[kind];
    const d = Math.abs(Math.log(c.width / c.height) - ratio);
    if (d < bestDistance) {
      best = kind;
      bestDistance = d;
    }
  }
  const { width, height } = CANVASES[best];
  return { kind: best, width, height, scale: Math.min(w / width, h / height) };
}

const listeners = new Set<() => void>();
let snapshot: WallLayout | null = null;

function current(): WallLayout {
  if (!snapshot) snapshot = layoutFor(window.innerWidth, window.innerHeight);
  return snapshot;
}

function onResize(): void {
  const next = layoutFor(window.innerWidth, window.innerHeight);
  const prev = snapshot;
  if (prev && prev.kind === next.kind && prev.scale === next.scale) return;
  snapshot = next;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    snapshot = layoutFor(window.innerWidth, window.innerHeight);
    window.addEventListener('resize', onResize);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('resize', onResize);
  };
}

/** A given canvas fitted into the window (a wall profile that forces its layout). */
export function fixedLayout(kind: WallKind, windowWidth: number, windowHeight: number): WallLayout {
  const { width, height } = CANVASES[kind];
  return { kind, width, height, scale: Math.min(Math.max(1, windowWidth) / width, Math.max(1, windowHeight) / height) };
}

/**
 * The wall layout for the current window, updated on resize (a window moved across displays);
 * `forced` (a wall profile's `layout`) keeps one canvas whatever the window's shape.
 */
export function useWallLayout(forced?: WallKind | null): WallLayout {
  const auto = useSyncExternalStore(subscribe, current);
  return useMemo(() => (forced && forced !== auto.kind ? fixedLayout(forced, window.innerWidth, window.innerHeight) : auto), [auto, forced]);
}
