import { describe, expect, it } from 'vitest';
import type { DesktopBridge } from '../../../shared/ipc';
import type { ChangeNotice } from '../../../shared/readModel';
import { createElectronTransport } from './electron';

/** An in-memory bridge with the preload's behaviour (the real one needs an Electron renderer). */
function fakeBridge() {
  const change = new Set<(n: ChangeNotice) => void>();
  const link = new Set<(up: boolean) => void>();
  let linkUp = true;
  const bridge: DesktopBridge = {
    kind: 'electron',
    query: (async (name: string) => {
      if (name === 'health') throw new Error('core process stopped before answering (exit code 9)');
      return { name };
    }) as DesktopBridge['query'],
    onChange: (l) => (change.add(l), () => void change.delete(l)),
    onLink: (l) => {
      link.add(l);
      queueMicrotask(() => l(linkUp)); // the preload asks main for the current state
      return () => void link.delete(l);
    },
    diagnostics: async () => {
      throw new Error('unused');
    },
    openExternal: async () => ({ opened: false, reason: 'unused' }),
    setLocale: async () => {},
    wallState: async () => {
      throw new Error('unused');
    },
    wallAct: async () => {
      throw new Error('unused');
    },
    wallReport: async () => {},
    onWallChanged: () => () => {},
    makeBriefPack: async () => {
      throw new Error('unused');
    },
  };
  return {
    bridge,
    change,
    link,
    setLink(v: boolean) {
      linkUp = v;
      for (const l of link) l(v);
    },
  };
}

describe('createElectronTransport', () => {
  it('answers queries and names the query in errors', async () => {
    const t = createElectronTransport(fakeBridge().bridge);
    expect(t.kind).toBe('electron');
    await expect(t.query('meta', {})).resolves.toEqual({ name: 'meta' });
    await expect(t.query('health', {})).rejects.toThrow('query health: core process stopped before answering (exit code 9)');
  });

  it('fans out one bridge subscription to many listeners and drops it with the last', () => {
    const f = fakeBridge();
    const t = createElectronTransport(f.bridge);
    const got: string[] = [];
    const off1 = t.onChange((n) => got.push(`a:${n.changed.join()}`));
    const off2 = t.onChange((n) => got.push(`b:${n.changed.join()}`));
    expect(f.change.size).toBe(1);
    for (const l of f.change) l({ at: '2026-11-27T08:00:00Z', changed: ['events'] });
    expect(got).toEqual(['a:events', 'b:events']);
    off1();
    off2();
    expect(f.change.size).toBe(0);
    expect(f.link.size).toBe(0);
  });

  it('reports link changes once each and replays the state to late listeners', async () => {
    const f = fakeBridge();
    const t = createElectronTransport(f.bridge);
    const first: boolean[] = [];
    t.onLink((up) => first.push(up));
    await Promise.resolve();
    f.setLink(false);
    f.setLink(false);
    f.setLink(true);
    const late: boolean[] = [];
    t.onLink((up) => late.push(up));
    expect(first).toEqual([true, false, true]);
    expect(late).toEqual([true]);
  });
});
