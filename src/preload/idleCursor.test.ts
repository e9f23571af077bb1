import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleCursor } from './idleCursor';

describe('IdleCursor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const states: boolean[] = [];
    const cursor = new IdleCursor({ setHidden: (h) => states.push(h), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) });
    return { cursor, states };
  }

  it('hides the cursor after the quiet spell and shows it on the next move', () => {
    const { cursor, states } = setup();
    cursor.setHideAfter(5000);
    vi.advanceTimersByTime(4999);
    expect(states).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(states).toEqual([true]);
    cursor.activity();
    expect(states).toEqual([true, false]);
    vi.advanceTimersByTime(5000);
    expect(states).toEqual([true, false, true]);
  });

  it('restarts the quiet spell on every move', () => {
    const { cursor, states } = setup();
    cursor.setHideAfter(1000);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(900);
      cursor.activity();
    }
    expect(states).toEqual([]);
  });

  it('never hides with 0, and turning it off shows a hidden cursor', () => {
    const { cursor, states } = setup();
    cursor.setHideAfter(1000);
    vi.advanceTimersByTime(1000);
    cursor.setHideAfter(0);
    vi.advanceTimersByTime(60_000);
    expect(states).toEqual([true, false]);
  });
});
