import { describe, expect, it } from 'vitest';
import { acceptFrameMessage, isFrameMessage, isRenderMessage } from './protocol';

const good = {
  type: 'render',
  geojson: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '330113001', name: '临平街道' }, geometry: { type: 'Polygon', coordinates: [] } }] },
  towns: [{ code: '330113001', name: '临平街道', level: 'orange', score: 71.5 }, { code: '330113002', name: '南苑街道', level: null, score: null }],
  labels: { provenance: '示意图 · 非标准地图', levels: { red: '高风险' } },
};

describe('3D frame messages', () => {
  it('accepts a well-formed render message', () => {
    expect(isRenderMessage(good)).toBe(true);
    expect(isRenderMessage({ ...good, pixelRatio: 2 })).toBe(true); // a 4K wall scales the frame ×2
  });

  it('rejects anything else', () => {
    const bad: unknown[] = [
      null, 'render', { ...good, type: 'draw' },
      { ...good, geojson: { type: 'Feature' } },
      { ...good, towns: [{ code: 'x', name: 'y', level: 'purple', score: 1 }] },
      { ...good, towns: [{ code: 'x', name: 'y', level: 'red', score: 101 }] },
      { ...good, towns: [{ code: 'x', name: 'y', level: 'red', score: Number.NaN }] },
      { ...good, labels: {} },
      { ...good, pixelRatio: 0 },
      { ...good, pixelRatio: 64 },
      { ...good, pixelRatio: '2' },
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
    expect(isFrameMessage({ type: 'select', code: '330113004' })).toBe(true);
    for (const code of [undefined, 330113004, '', 'x'.repeat(65), null, ['330113004']]) {
      expect(isFrameMessage({ type: 'select', code }), String(code)).toBe(false);
    }
  });
});

describe('the host accepts a frame message only from its own frame', () => {
  const frameWindow = { name: 'the frame' };
  const codes = new Set(['330113001', '330113004']);

  it('passes well-formed messages from the frame, selects of given towns included', () => {
    expect(acceptFrameMessage({ source: frameWindow, data: { type: 'ready' } }, frameWindow, codes)).toEqual({ type: 'ready' });
    expect(acceptFrameMessage({ source: frameWindow, data: { type: 'select', code: '330113004' } }, frameWindow, codes))
      .toEqual({ type: 'select', code: '330113004' });
  });

  it('drops messages from any other window, even well-formed ones', () => {
    const select = { type: 'select', code: '330113004' };
    expect(acceptFrameMessage({ source: { name: 'another frame' }, data: select }, frameWindow, codes)).toBeNull();
    expect(acceptFrameMessage({ source: null, data: select }, frameWindow, codes)).toBeNull();
    // Before the iframe has a window (or after it is gone) nothing is accepted, not even a null source.
    expect(acceptFrameMessage({ source: null, data: select }, null, codes)).toBeNull();
    expect(acceptFrameMessage({ source: undefined, data: select }, undefined, codes)).toBeNull();
  });

  it('drops malformed messages and selects of towns it never gave the frame', () => {
    for (const data of [null, 'select', { type: 'select' }, { type: 'select', code: 42 }, { type: 'rendered' }, { type: 'click', code: '330113004' }]) {
      expect(acceptFrameMessage({ source: frameWindow, data }, frameWindow, codes), JSON.stringify(data)).toBeNull();
    }
    expect(acceptFrameMessage({ source: frameWindow, data: { type: 'select', code: '330113999' } }, frameWindow, codes)).toBeNull();
    expect(acceptFrameMessage({ source: frameWindow, data: { type: 'select', code: '330113004' } }, frameWindow, new Set())).toBeNull();
  });
});
