import { describe, expect, it } from 'vitest';
import { isFrameMessage, isRenderMessage } from './protocol';

const good = {
  type: 'render',
  geojson: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '330113001', name: '临平街道' }, geometry: { type: 'Polygon', coordinates: [] } }] },
  towns: [{ code: '330113001', name: '临平街道', level: 'orange', score: 71.5 }, { code: '330113002', name: '南苑街道', level: null, score: null }],
  labels: { provenance: '示意图 · 非标准地图', levels: { red: '高风险' } },
};

describe('3D frame messages', () => {
  it('accepts a well-formed render message', () => {
    expect(isRenderMessage(good)).toBe(true);
  });

  it('rejects anything else', () => {
    const bad: unknown[] = [
      null, 'render', { ...good, type: 'draw' },
      { ...good, geojson: { type: 'Feature' } },
      { ...good, towns: [{ code: 'x', name: 'y', level: 'purple', score: 1 }] },
      { ...good, towns: [{ code: 'x', name: 'y', level: 'red', score: 101 }] },
      { ...good, towns: [{ code: 'x', name: 'y', level: 'red', score: Number.NaN }] },
      { ...good, labels: {} },
      { ...good, labels: { provenance: 'x', levels: { black: 'y' } } },
      { ...good, geojson: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 1, name: 'x' }, geometry: { type: 'Polygon', coordinates: [] } }] } },
      { ...good, geojson: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '1', name: 'x' }, geometry: { type: 'Point', coordinates: [] } }] } },
    ];
    for (const b of bad) expect(isRenderMessage(b), JSON.stringify(b)?.slice(0, 80)).toBe(false);
  });

  it('knows the frame replies', () => {
    expect(isFrameMessage({ type: 'ready' })).toBe(true);
    expect(isFrameMessage({ type: 'no-webgl', reason: 'x' })).toBe(true);
    expect(isFrameMessage({ type: 'rendered', features: 8 })).toBe(true);
    expect(isFrameMessage({ type: 'no-webgl' })).toBe(false);
    expect(isFrameMessage({ type: 'hello' })).toBe(false);
  });
});
