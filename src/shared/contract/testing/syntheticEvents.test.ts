import { describe, expect, it } from 'vitest';
import { eventSchema } from '..';
import { generateSyntheticEvents, syntheticEvents } from './syntheticEvents';

describe('synthetic events', () => {
  it('are all valid DistrictEvent records', () => {
    for (const e of generateSyntheticEvents(5000, { seed: 7 })) {
      const r = eventSchema.safeParse(e);
      expect(r.success, r.success ? '' : `${e.id}: ${r.error.message}`).toBe(true);
    }
  });

  it('are deterministic for a seed and differ between seeds', () => {
    expect(syntheticEvents(200, { seed: 3 })).toEqual(syntheticEvents(200, { seed: 3 }));
    expect(syntheticEvents(200, { seed: 3 })).not.toEqual(syntheticEvents(200, { seed: 4 }));
  });

  it('have unique ids in order and reports that move forward', () => {
    const list = syntheticEvents(1000);
    expect(new Set(list.map((e) => e.id)).size).toBe(1000);
    expect([...list.map((e) => e.id)].sort()).toEqual(list.map((e) => e.id));
    const reported = list.map((e) => Date.parse(e.reportedAt));
    expect(reported.every((t, i) => i === 0 || t >= reported[i - 1])).toBe(true);
  });

  it('continue from firstIndex without repeating ids', () => {
    const a = syntheticEvents(10);
    const b = syntheticEvents(10, { firstIndex: 10 });
    expect(b[0].id).toBe('evt-000000011');
    expect(new Set([...a, ...b].map((e) => e.id)).size).toBe(20);
  });
});
