import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateSyntheticEvents } from './testing/syntheticEvents';
import { eventSchema } from './events';

/**
 * eventSchema's step-order check was reformulated for speed (isoMs instead of Date.parse, each
 * time parsed once). This holds it to the original formulation, kept here verbatim: over valid
 * records and a set of invalid mutations both must accept and reject the same inputs with the
 * same issues and the same output.
 */
const originalEventSchema = z.object(eventSchema.shape).superRefine((e, ctx) => {
  const order = ['reportedAt', 'acceptedAt', 'dispatchedAt', 'handledAt', 'closedAt'] as const;
  let last = '';
  for (const key of order) {
    const t = e[key];
    if (t === null) continue;
    if (last && Date.parse(t) < Date.parse(last)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `${key} is earlier than the step before it` });
    }
    last = t;
  }
});

type Json = Record<string, unknown>;
const TIME_KEYS = ['reportedAt', 'acceptedAt', 'dispatchedAt', 'handledAt', 'closedAt', 'updatedAt'] as const;
const STEP_KEYS = TIME_KEYS.slice(0, 5);

/** The same instant as the simulator writes it: to the second, +08:00. */
const cst = (iso: string) => `${new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

function validRecords(): Json[] {
  const utc = [...generateSyntheticEvents(400, { seed: 3 })].map((e) => JSON.parse(JSON.stringify(e)) as Json);
  const local = utc.slice(0, 200).map((e) => {
    const copy = { ...e };
    for (const k of TIME_KEYS) if (typeof copy[k] === 'string') copy[k] = cst(copy[k] as string);
    return copy;
  });
  return [...utc, ...local];
}

const BAD_TIMES: unknown[] = [
  '', 'not a time', '2026-13-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-11-27T24:00:00Z', '2026-11-27T23:59:60Z',
  '2026-11-27T15:30Z', '2026-11-27T15:30:00', '2026-11-27T15:30:00+0800', '2026-11-27 15:30:00Z', '2026-11-27T15:30:00z',
  '2026-11-27T15:30:00.5Z', '2026-11-27T15:30:00.12+08:00', '2026-11-27T15:30:00.123456Z', '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999-23:59', 42, true, {}, [], undefined,
];

/** Each valid record, broken (or re-timed) in one way at a time. */
function mutations(e: Json): Json[] {
  const out: Json[] = [];
  const present = STEP_KEYS.filter((k) => typeof e[k] === 'string');
  // Every pair of steps swapped: times that go backwards (or equal ones, when they coincide).
  for (let i = 0; i < present.length; i++) {
    for (let j = i + 1; j < present.length; j++) out.push({ ...e, [present[i]]: e[present[j]], [present[j]]: e[present[i]] });
  }
  // A middle step cleared, so the check compares across the gap.
  for (const k of present.slice(1)) out.push({ ...e, [k]: null });
  // The same instants in other offsets and precisions (order by instant, not by text).
  if (present.length >= 2) {
    const [a, b] = present;
    const ms = Date.parse(e[a] as string);
    out.push({ ...e, [a]: `${new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00` });
    out.push({ ...e, [b]: `${new Date(ms - 3_600_000).toISOString().slice(0, 19)}+01:00` }); // same instant as a, as text earlier
    const minus5 = (t: number) => `${new Date(t - 5 * 3_600_000).toISOString().slice(0, 19)}-05:00`;
    out.push({ ...e, [b]: minus5(ms - 60_000) }, { ...e, [b]: minus5(ms + 60_000) }, { ...e, [a]: minus5(ms), [b]: minus5(ms - 1000) });
    out.push({ ...e, [a]: `${(e[a] as string).slice(0, 19)}.0009Z`, [b]: `${(e[a] as string).slice(0, 19)}.0001Z` }); // same ms
    out.push({ ...e, [a]: `${(e[a] as string).slice(0, 19)}.9Z`, [b]: `${(e[a] as string).slice(0, 19)}.1Z` });
  }
  // Bad values in every time field.
  for (const k of TIME_KEYS) for (const bad of BAD_TIMES.slice(0, 12)) out.push({ ...e, [k]: bad });
  for (const bad of BAD_TIMES) out.push({ ...e, reportedAt: bad });
  for (const bad of BAD_TIMES) out.push({ ...e, closedAt: bad });
  // Other fields broken alongside backwards times (checks that run, or not, after other issues).
  const backwards = present.length >= 2 ? { [present[0]]: e[present[1]], [present[1]]: e[present[0]] } : {};
  out.push({ ...e, ...backwards, title: '' });
  out.push({ ...e, ...backwards, townCode: '33011300' });
  out.push({ ...e, ...backwards, type: 'unknown' });
  out.push({ ...e, ...backwards, handlers: 'per-1' });
  out.push({ ...e, ...backwards, acceptOverdue: 'no' });
  const { id: _id, ...withoutId } = e;
  out.push({ ...withoutId, ...backwards });
  out.push({ ...e, ...backwards, extra: 1 });
  return out;
}

function compare(input: unknown): void {
  const before = originalEventSchema.safeParse(input);
  const after = eventSchema.safeParse(input);
  expect(after.success, JSON.stringify(input)).toBe(before.success);
  if (before.success && after.success) expect(after.data).toEqual(before.data);
  else expect(after.error?.issues).toEqual(before.error?.issues);
}

describe('eventSchema (reformulated) equals its original formulation', () => {
  const valid = validRecords();

  it('accepts every valid record, with the same output', () => {
    for (const e of valid) {
      expect(eventSchema.safeParse(e).success).toBe(true);
      compare(e);
    }
  });

  it('rejects (or accepts) every mutation exactly as before, with the same issues', () => {
    let rejected = 0;
    let total = 0;
    for (const e of valid.filter((_, i) => i % 8 === 0)) {
      for (const m of mutations(e)) {
        compare(m);
        total += 1;
        if (!originalEventSchema.safeParse(m).success) rejected += 1;
      }
    }
    // The mutations mostly break the record; some (equal swapped times, re-timed offsets) are valid.
    expect(total).toBeGreaterThan(3000);
    expect(rejected).toBeGreaterThan(total * 0.8);
    expect(rejected).toBeLessThan(total);
  });

  it('non-objects and empty input', () => {
    for (const input of [null, undefined, 1, 'event', [], {}]) compare(input);
  });
});
