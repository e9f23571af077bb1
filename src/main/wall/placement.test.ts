import { describe, expect, it } from 'vitest';
import { orderDisplays, placeWall, type DisplayInfo } from './placement';

function display(id: number, x: number, y: number, width: number, height: number, opts: Partial<DisplayInfo> = {}): DisplayInfo {
  const bounds = { x, y, width, height };
  return { id, bounds, workArea: { x, y: y + 40, width, height: height - 40 }, scaleFactor: 1, primary: false, ...opts };
}

// Three 1920×1080 panels side by side, reported by the OS out of order, the middle one primary.
const wall3 = [display(22, 1920, 0, 1920, 1080, { primary: true }), display(33, 3840, 0, 1920, 1080), display(11, 0, 0, 1920, 1080)];

describe('orderDisplays', () => {
  it('numbers displays left to right regardless of the OS order and ids', () => {
    expect(orderDisplays(wall3).map((d) => d.id)).toEqual([11, 22, 33]);
  });
  it('breaks ties top to bottom (stacked displays)', () => {
    const stacked = [display(2, 0, 1080, 1920, 1080), display(1, 0, 0, 1920, 1080)];
    expect(orderDisplays(stacked).map((d) => d.id)).toEqual([1, 2]);
  });
});

describe('placeWall', () => {
  it('puts a desktop window on the primary display work area by default', () => {
    expect(placeWall(wall3, { displays: 'primary', kiosk: false })).toEqual({
      mode: 'desktop',
      bounds: { x: 1920, y: 40, width: 1920, height: 1040 },
      indices: [1],
      displayIds: [22],
      notices: [],
    });
  });

  it('uses kiosk mode on one chosen display, by its left-to-right index', () => {
    const p = placeWall(wall3, { displays: [2], kiosk: true });
    expect(p).toMatchObject({ mode: 'kiosk', bounds: { x: 3840, y: 0, width: 1920, height: 1080 }, displayIds: [33] });
  });

  it('spans one frameless window across chosen displays', () => {
    const p = placeWall(wall3, { displays: [1, 0], kiosk: true });
    expect(p).toMatchObject({ mode: 'span', indices: [0, 1], displayIds: [11, 22], bounds: { x: 0, y: 0, width: 3840, height: 1080 }, notices: [] });
    expect(placeWall(wall3, { displays: 'all', kiosk: false }).bounds).toEqual({ x: 0, y: 0, width: 5760, height: 1080 });
  });

  it('spans displays with mixed scale factors in DIP and tells the operator', () => {
    // A 4K panel at 200 % (1920×1080 DIP) left of a 1080p panel at 100 %.
    const mixed = [display(1, 0, 0, 1920, 1080, { scaleFactor: 2, primary: true }), display(2, 1920, 0, 1920, 1080, { scaleFactor: 1 })];
    const p = placeWall(mixed, { displays: 'all', kiosk: true });
    expect(p.bounds).toEqual({ x: 0, y: 0, width: 3840, height: 1080 });
    expect(p.notices).toEqual(['displays 0, 1 use different scaling (2, 1): set them all to the same scaling for a sharp, evenly sized wall']);
    // Fractional DIP sizes (e.g. 150 %) still give whole-pixel window bounds.
    const frac = [display(1, 0, 0, 1706.67, 960, { scaleFactor: 1.5 }), display(2, 1706.67, 0, 1706.67, 960, { scaleFactor: 1.5 })];
    expect(placeWall(frac, { displays: 'all', kiosk: true }).bounds).toEqual({ x: 0, y: 0, width: 3413, height: 960 });
  });

  it('falls back when configured displays are missing, and says which', () => {
    const two = [wall3[0], wall3[2]]; // display 33 at x=3840 unplugged
    const partly = placeWall(two, { displays: [1, 2], kiosk: true });
    expect(partly).toMatchObject({ mode: 'kiosk', indices: [1], displayIds: [22] });
    expect(partly.notices).toEqual(['display 2 not connected (2 found, numbered 0–1 from the left); using 1']);

    const none = placeWall([display(5, 0, 0, 1280, 800, { primary: true })], { displays: [3, 4], kiosk: true });
    expect(none).toMatchObject({ mode: 'kiosk', indices: [0], displayIds: [5], bounds: { x: 0, y: 0, width: 1280, height: 800 } });
    expect(none.notices[0]).toBe('displays 3, 4 not connected (1 found, numbered 0–0 from the left); using the primary display');
  });

  it('warns when the chosen displays leave holes in the spanning window', () => {
    const l = [display(1, 0, 0, 1920, 1080), display(2, 1920, 0, 1920, 1080), display(3, 0, 1080, 1920, 1080)];
    const p = placeWall(l, { displays: 'all', kiosk: true });
    expect(p.bounds).toEqual({ x: 0, y: 0, width: 3840, height: 2160 });
    expect(p.notices).toEqual(['displays 0, 1, 2 do not form a rectangle: parts of the window are off-screen']);
  });

  it('uses the first display when none is flagged primary', () => {
    expect(placeWall([display(9, 100, 0, 800, 600)], { displays: 'primary', kiosk: false }).displayIds).toEqual([9]);
  });
});
