import { describe, expect, it } from 'vitest';
import { layoutFor } from './layout';

describe('layoutFor', () => {
  it.each([
    [1920, 1080, '16x9', 1],
    [3840, 2160, '16x9', 2],
    [1366, 768, '16x9', 768 / 1080],
    [7680, 2160, '32x9', 2],
    [3840, 1080, '32x9', 1],
    [11520, 3240, '32x9', 3],
    [17280, 3240, '48x9', 3],
    [5760, 1080, '48x9', 1],
    [1024, 768, '4x3', 768 / 1080],
    [1600, 1200, '4x3', 1200 / 1080],
  ])('%i×%i → %s at scale %f', (w, h, kind, scale) => {
    const l = layoutFor(w, h);
    expect(l.kind).toBe(kind);
    expect(l.scale).toBeCloseTo(scale, 5);
    // The scaled canvas always fits inside the window: no scroll bars.
    expect(l.width * l.scale).toBeLessThanOrEqual(w + 1e-6);
    expect(l.height * l.scale).toBeLessThanOrEqual(h + 1e-6);
  });
});
