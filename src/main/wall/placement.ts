import type { CockpitConfig } from '../../shared/config';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What Electron's screen module tells us about one display (DIP coordinates). */
export interface DisplayInfo {
  id: number;
  bounds: Rect;
  workArea: Rect;
  scaleFactor: number;
  primary: boolean;
}

export interface WallPlacement {
  /**
   * desktop: a normal framed window filling one display's work area;
   * kiosk: kiosk mode on one display; span: one frameless window across several displays.
   */
  mode: 'desktop' | 'kiosk' | 'span';
  bounds: Rect;
  /** Displays used, as left-to-right indices and as Electron ids. */
  indices: number[];
  displayIds: number[];
  /** What the operator should know (shown in diagnostics and logged). */
  notices: string[];
}

/**
 * Displays in the order operators count them on a wall: left to right, then top to bottom.
 * Config indices ("wall.displays": [0, 1]) refer to this order, not to the OS's numbering.
 */
export function orderDisplays(displays: readonly DisplayInfo[]): DisplayInfo[] {
  return [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || a.id - b.id);
}

/**
 * Where the cockpit's window goes for a wall configuration. Pure, so main can re-run it on
 * every display change (added, removed, resolution or scaling changed).
 */
export function placeWall(displays: readonly DisplayInfo[], wall: Pick<CockpitConfig['wall'], 'displays' | 'kiosk'>): WallPlacement {
  const ordered = orderDisplays(displays);
  if (ordered.length === 0) throw new Error('placeWall: no displays');
  const notices: string[] = [];
  const primaryIndex = Math.max(0, ordered.findIndex((d) => d.primary));

  let indices: number[];
  if (wall.displays === 'primary') indices = [primaryIndex];
  else if (wall.displays === 'all') indices = ordered.map((_, i) => i);
  else {
    const wanted = [...new Set(wall.displays)];
    const missing = wanted.filter((i) => i >= ordered.length);
    indices = wanted.filter((i) => i < ordered.length).sort((a, b) => a - b);
    if (missing.length > 0) {
      notices.push(
        `display${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not connected (${ordered.length} found, numbered 0–${ordered.length - 1} from the left)` +
          (indices.length > 0 ? `; using ${indices.join(', ')}` : '; using the primary display'),
      );
    }
    if (indices.length === 0) indices = [primaryIndex];
  }

  const chosen = indices.map((i) => ordered[i]);
  const displayIds = chosen.map((d) => d.id);

  if (chosen.length === 1) {
    const d = chosen[0];
    if (wall.kiosk) return { mode: 'kiosk', bounds: { ...d.bounds }, indices, displayIds, notices };
    return { mode: 'desktop', bounds: { ...d.workArea }, indices, displayIds, notices };
  }

  const bounds = union(chosen.map((d) => d.bounds));
  const covered = chosen.reduce((sum, d) => sum + d.bounds.width * d.bounds.height, 0);
  if (covered < bounds.width * bounds.height) {
    notices.push(`displays ${indices.join(', ')} do not form a rectangle: parts of the window are off-screen`);
  }
  const scales = [...new Set(chosen.map((d) => d.scaleFactor))];
  if (scales.length > 1) {
    // Bounds are in DIP, which the OS lays out edge to edge, so the union still covers the
    // displays; but one window has one scale factor, so content is sized for one of them.
    notices.push(`displays ${indices.join(', ')} use different scaling (${scales.join(', ')}): set them all to the same scaling for a sharp, evenly sized wall`);
  }
  return { mode: 'span', bounds, indices, displayIds, notices };
}

function union(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: Math.round(x), y: Math.round(y), width: Math.round(right - x), height: Math.round(bottom - y) };
}

/** Whether a window at `current` must move to `next` (avoids churn on no-op display events). */
export function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
