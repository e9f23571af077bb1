import { describe, expect, it } from 'vitest';
import { parseWallAct, type WallState } from '../../shared/control/types';
import { ControlError, WallControl } from './wallControl';

describe('WallControl', () => {
  it('steps pages through the rotation order, holding on a step by hand but not on the rotation', () => {
    const c = new WallControl({ pagesOf: () => ['overview', 'risk', 'events'] });
    expect(c.state('main')).toMatchObject({ page: null, held: false, rev: 0, pages: ['overview', 'risk', 'events'] });
    expect(c.act('main', { type: 'page.next' }, 'rotation')).toMatchObject({ page: 'overview', held: false, rev: 1, by: 'rotation' });
    expect(c.act('main', { type: 'page.next' }, 'presenter')).toMatchObject({ page: 'risk', held: true, by: 'presenter' });
    expect(c.act('main', { type: 'page.prev' }, 'remote').page).toBe('overview');
    expect(c.act('main', { type: 'page.prev' }, 'remote').page).toBe('events');
    expect(c.act('main', { type: 'page.go', page: 'consultation' }, 'presenter').page).toBe('consultation');
    // A page outside the rotation steps to its first.
    expect(c.act('main', { type: 'page.next' }, 'presenter').page).toBe('overview');
    expect(c.act('main', { type: 'hold', held: false }, 'presenter').held).toBe(false);
    expect(c.act('main', { type: 'hold' }, 'presenter').held).toBe(true);
  });

  it('looks back only to past days; live and the town detail', () => {
    const c = new WallControl({ isPast: (d) => d < '2026-12-04' });
    expect(c.act('main', { type: 'asOf.set', asOf: '2026-11-29' }, 'presenter').asOf).toBe('2026-11-29');
    expect(c.act('main', { type: 'asOf.set', asOf: '2026-12-04' }, 'presenter').asOf).toBeNull();
    c.act('main', { type: 'asOf.set', asOf: '2026-11-29' }, 'presenter');
    expect(c.act('main', { type: 'live' }, 'remote').asOf).toBeNull();
    expect(c.act('main', { type: 'town.pick', town: '330113004' }, 'remote')).toMatchObject({ town: '330113004', held: true });
    expect(c.act('main', { type: 'town.pick', town: null }, 'remote').town).toBeNull();
  });

  it('tells subscribers each change once, with a rising rev, and nothing for a no-op', () => {
    const c = new WallControl();
    const seen: WallState[] = [];
    const off = c.subscribe('lobby', (s) => seen.push(s));
    c.act('lobby', { type: 'hold', held: false }, 'keyboard'); // already unheld: no change
    c.act('lobby', { type: 'page.go', page: 'risk' }, 'keyboard');
    c.act('lobby', { type: 'page.go', page: 'risk' }, 'keyboard');
    off();
    c.act('lobby', { type: 'page.go', page: 'events' }, 'keyboard');
    expect(seen.map((s) => [s.rev, s.page])).toEqual([
      [0, null],
      [1, 'risk'],
    ]);
    // Walls are separate.
    expect(c.state('main').page).toBeNull();
  });

  it('refuses walls the configuration does not serve', () => {
    const c = new WallControl({ walls: () => ['main', 'lobby'] });
    expect(() => c.state('kitchen')).toThrow(/unknown wall profile "kitchen"; configured: main, lobby/);
  });

  it('acknowledges the alert on screen through the engine, and refuses another one', () => {
    const acks: string[] = [];
    const c = new WallControl({ acknowledge: (wall, id, via) => void acks.push(`${wall}:${id}:${via}`) });
    c.setAlert('main', 'a1');
    expect(c.state('main').alert).toBe('a1');
    expect(() => c.act('main', { type: 'alert.ack', alertId: 'a2' }, 'remote')).toThrow(ControlError);
    expect(c.act('main', { type: 'alert.ack', alertId: 'a1' }, 'remote').alert).toBeNull();
    expect(acks).toEqual(['main:a1:remote']);
  });

  it('pairs with the code on the wall once, then the code changes; wrong codes are limited', () => {
    let now = 1_000_000;
    const c = new WallControl({ now: () => now, codeTtlMs: 60_000 });
    const { code } = c.pairing('main');
    expect(code).toMatch(/^\d{6}$/);
    const session = c.pair('main', code);
    expect(c.isPaired('main', session.token)).toBe(true);
    expect(c.isPaired('lobby', session.token)).toBe(false);
    expect(c.isPaired('main', 'made-up')).toBe(false);
    expect(c.isPaired('main', undefined)).toBe(false);
    // The code pairs one device: it is replaced at once.
    expect(c.pairing('main').code).not.toBe(code);
    expect(() => c.pair('main', code)).toThrow(/wrong code/);
    for (let i = 0; i < 4; i++) expect(() => c.pair('main', 'x')).toThrow(/wrong code/);
    // Even the right code is refused while the limit holds.
    expect(() => c.pair('main', c.pairing('main').code)).toThrow(/too many wrong codes/);
    now += 61_000;
    // The code expired meanwhile (ttl 60 s): a new one, and the limit is over.
    const fresh = c.pairing('main').code;
    expect(c.isPaired('main', c.pair('main', fresh).token)).toBe(true);
    c.unpair(session.token);
    expect(c.isPaired('main', session.token)).toBe(false);
  });
});

describe('parseWallAct', () => {
  it('takes the agreed actions and names what is wrong in anything else', () => {
    expect(parseWallAct({ action: { type: 'page.next' } })).toEqual({ ok: true, value: { action: { type: 'page.next' }, via: 'keyboard' } });
    expect(parseWallAct({ action: { type: 'asOf.set', asOf: '2026-11-29' }, via: 'remote' }).ok).toBe(true);
    const bad = [
      { action: { type: 'page.go', page: 'kitchen' } },
      { action: { type: 'asOf.set', asOf: '2026-02-30' } },
      { action: { type: 'shutdown' } },
      { action: { type: 'page.next', extra: 1 } },
      { action: { type: 'town.pick', town: '<img src=x>' } },
      { action: { type: 'page.next' }, via: 'root' },
      { action: { type: 'page.next' }, more: true },
    ];
    for (const b of bad) {
      const r = parseWallAct(b);
      expect(r.ok, JSON.stringify(b)).toBe(false);
    }
    const r = parseWallAct({ action: { type: 'page.go', page: 'kitchen' } });
    expect(!r.ok && r.error).toMatch(/^action\.page: /);
  });
});
