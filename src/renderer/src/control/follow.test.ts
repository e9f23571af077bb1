import { describe, expect, it } from 'vitest';
import type { WallState } from '../../../shared/control/types';
import { actionsFor } from './follow';

const state = (over: Partial<WallState> = {}): WallState => ({
  wall: 'main', rev: 1, page: 'overview', pages: ['overview', 'risk', 'events', 'consultation'], held: false, asOf: null, town: null, alert: null, updatedAt: '2026-12-04T00:00:00Z', by: null, ...over,
});
const shown = { page: 'overview' as const, playing: true, selectedTown: null };

describe('actionsFor', () => {
  it('reports the rotation as rotation, a step by hand as a person, and nothing the core already has', () => {
    expect(actionsFor(shown, { ...shown, page: 'risk' }, state())).toEqual([{ action: { type: 'page.go', page: 'risk' }, via: 'rotation' }]);
    expect(actionsFor(shown, { ...shown, page: 'risk', playing: false }, state())).toEqual([
      { action: { type: 'page.go', page: 'risk' }, via: 'keyboard' },
      { action: { type: 'hold', held: true }, via: 'keyboard' },
    ]);
    expect(actionsFor(shown, { ...shown, page: 'risk' }, state({ page: 'risk' }))).toEqual([]);
    expect(actionsFor(shown, { ...shown, selectedTown: '330113004', playing: false }, state({ held: true }))).toEqual([
      { action: { type: 'town.pick', town: '330113004' }, via: 'keyboard' },
    ]);
  });
});
