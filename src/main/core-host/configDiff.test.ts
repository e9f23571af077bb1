import { describe, expect, it } from 'vitest';
import { configSchema } from '../../shared/config';
import { coreConfigChanged } from './configDiff';

const base = configSchema.parse({});

describe('coreConfigChanged', () => {
  it('ignores wall and link settings, which main applies itself', () => {
    expect(coreConfigChanged(base, configSchema.parse({ wall: { kiosk: true, displays: [0, 1] }, links: { allowedHosts: ['a.example'] } }))).toBe(false);
  });
  it('reports source, simulator, playlist and map changes', () => {
    expect(coreConfigChanged(base, configSchema.parse({ sources: [{ id: 'linping', url: 'https://data.example/' }] }))).toBe(true);
    expect(coreConfigChanged(base, configSchema.parse({ simulator: { seed: 7 } }))).toBe(true);
    expect(coreConfigChanged(base, configSchema.parse({ playlist: { intervalSec: 60 } }))).toBe(true);
    expect(coreConfigChanged(base, configSchema.parse({ map: { enable3d: false } }))).toBe(true);
  });
});
