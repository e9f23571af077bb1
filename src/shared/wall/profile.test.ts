import { describe, expect, it } from 'vitest';
import { configSchema } from '../config';
import { resolveWallProfile, UnknownWallError, wallAlerts, wallIds } from './profile';

const config = configSchema.parse({
  playlist: { pages: ['overview', 'events'], intervalSec: 20 },
  alerts: { sourceDown: { afterMin: 5 }, chime: { volume: 0.3 } },
  walls: {
    lobby: {
      title: '大厅',
      pages: ['overview'],
      layout: '32x9',
      schedule: [{ name: 'night', from: '20:00', to: '07:00', pages: ['overview'], dim: true }],
      alerts: { kpis: [], chime: { enabled: true }, levelRise: { atLeast: 'orange' } },
      highContrast: true,
    },
  },
});

describe('wall profiles', () => {
  it('main always exists and is the plain playlist', () => {
    expect(wallIds(config)).toEqual(['main', 'lobby']);
    const main = resolveWallProfile(config, 'main');
    expect(main).toMatchObject({ id: 'main', pages: ['overview', 'events'], intervalSec: 20, layout: 'auto', schedule: [] });
    expect(main.alerts.chime).toEqual({ enabled: false, volume: 0.3 });
    expect(main.levels).toEqual({ patterns: true, highContrast: false });
  });

  it('a profile overrides the district field by field', () => {
    const lobby = resolveWallProfile(config, 'lobby');
    expect(lobby).toMatchObject({ title: '大厅', pages: ['overview'], intervalSec: 20, layout: '32x9' });
    expect(lobby.schedule[0]).toMatchObject({ name: 'night', dim: true });
    expect(lobby.alerts.chime).toEqual({ enabled: true, volume: 0.3 });
    expect(lobby.levels.highContrast).toBe(true);
    const rules = wallAlerts(config, 'lobby');
    expect(rules.kpis).toEqual([]);
    expect(rules.levelRise).toEqual({ enabled: true, atLeast: 'orange' });
    expect(rules.sourceDown.afterMin).toBe(5);
    expect(wallAlerts(config, 'main').kpis).toHaveLength(2);
  });

  it('an unknown profile is an error that names it and the ones there are', () => {
    expect(() => resolveWallProfile(config, 'office')).toThrow(UnknownWallError);
    expect(() => resolveWallProfile(config, 'office')).toThrow('unknown wall profile "office"; configured: main, lobby');
  });
});
