import { describe, expect, it } from 'vitest';
import { distanceMetres, gcj02ToWgs84, outOfChina, wgs84ToGcj02 } from './crs';

describe('GCJ-02 ↔ WGS84', () => {
  it('inverts the forward formula to better than 1e-6°', () => {
    for (let lon = 100; lon <= 130; lon += 3.7) {
      for (let lat = 20; lat <= 45; lat += 2.9) {
        const w: [number, number] = [lon, lat];
        const back = gcj02ToWgs84(wgs84ToGcj02(w));
        expect(Math.abs(back[0] - lon)).toBeLessThan(1e-6);
        expect(Math.abs(back[1] - lat)).toBeLessThan(1e-6);
      }
    }
  });

  it('shifts Linping by about 500 m and leaves points outside China alone', () => {
    const g = wgs84ToGcj02([120.2985, 30.422]);
    expect(distanceMetres(g, [120.2985, 30.422])).toBeGreaterThan(400);
    expect(distanceMetres(g, [120.2985, 30.422])).toBeLessThan(700);
    expect(outOfChina(2.35, 48.85)).toBe(true);
    expect(wgs84ToGcj02([2.35, 48.85])).toEqual([2.35, 48.85]);
    expect(gcj02ToWgs84([2.35, 48.85])).toEqual([2.35, 48.85]);
  });
});
