import { describe, expect, it } from 'vitest';
import { RendererWatchdog, type Timers } from './rendererWatchdog';

/** A manual clock: timers fire only when the test advances time. */
function manualTimers() {
  let now = 0;
  let seq = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      pending.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (h) => void pending.delete(h as number),
    now: () => now,
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const next = [...pending.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      pending.delete(next[0]);
      now = next[1].at;
      next[1].fn();
    }
    now = until;
  };
  return { timers, advance, pending };
}

function setup() {
  const clock = manualTimers();
  const calls: string[] = [];
  const dog = new RendererWatchdog(
    { reload: () => calls.push(`reload@${clock.timers.now()}`), killHung: () => calls.push(`kill@${clock.timers.now()}`), log: () => {} },
    clock.timers,
    { backoff: { initialMs: 1000, maxMs: 8000, resetAfterMs: 60_000 }, hungGraceMs: 10_000 },
  );
  return { clock, calls, dog };
}

describe('RendererWatchdog', () => {
  it('reloads a crashed renderer after a growing delay while it keeps crashing', () => {
    const { clock, calls, dog } = setup();
    dog.gone('crashed', 139);
    clock.advance(999);
    expect(calls).toEqual([]);
    clock.advance(1);
    expect(calls).toEqual(['reload@1000']);
    dog.gone('crashed', 139); // crashed again right after the reload
    clock.advance(5000);
    dog.gone('oom', 0);
    clock.advance(10_000);
    expect(calls).toEqual(['reload@1000', 'reload@3000', 'reload@10000']);
  });

  it('starts again at the short delay after a long healthy run', () => {
    const { clock, calls, dog } = setup();
    dog.gone('crashed', 1);
    clock.advance(1000);
    dog.gone('crashed', 1);
    clock.advance(2000);
    dog.loaded();
    clock.advance(120_000);
    dog.gone('crashed', 1);
    clock.advance(1000);
    expect(calls.at(-1)).toBe(`reload@${clock.timers.now()}`);
  });

  it('ignores a clean exit and plans one reload for repeated reports', () => {
    const { clock, calls, dog } = setup();
    dog.gone('clean-exit', 0);
    clock.advance(60_000);
    expect(calls).toEqual([]);
    dog.gone('killed', 9);
    dog.gone('crashed', 9);
    clock.advance(60_000);
    expect(calls).toHaveLength(1);
  });

  it('kills a renderer that stays unresponsive past the grace period, not one that recovers', () => {
    const { clock, calls, dog } = setup();
    dog.unresponsive();
    clock.advance(5000);
    dog.responsive();
    clock.advance(20_000);
    expect(calls).toEqual([]);
    dog.unresponsive();
    dog.unresponsive(); // repeated reports do not extend or duplicate the timer
    clock.advance(10_000);
    expect(calls).toEqual(['kill@35000']);
    dog.gone('killed', 9);
    clock.advance(1000);
    expect(calls).toEqual(['kill@35000', 'reload@36000']);
  });

  it('does nothing after dispose', () => {
    const { clock, calls, dog } = setup();
    dog.gone('crashed', 1);
    dog.unresponsive();
    dog.dispose();
    clock.advance(100_000);
    expect(calls).toEqual([]);
  });
});
