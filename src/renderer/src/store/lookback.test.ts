import { afterEach, describe, expect, it } from 'vitest';
import { withAsOf } from '../data/useQuery';
import { lookbackActions, referenceNow, replayDates, steppedAsOf, useLookback } from './lookback';

// Friday 2026-12-04 10:00 in the district.
const NOW = Date.parse('2026-12-04T10:00:00+08:00');

afterEach(() => useLookback.setState({ asOf: null, replay: null }));

describe('the cockpit as-of', () => {
  it('steps a week back from live, forward again, and to live at today', () => {
    expect(steppedAsOf(-7, NOW)).toBe('2026-11-27');
    useLookback.setState({ asOf: '2026-11-27' });
    expect(steppedAsOf(-7, NOW)).toBe('2026-11-20');
    expect(steppedAsOf(7, NOW)).toBeNull();
    lookbackActions.live();
    expect(useLookback.getState().asOf).toBeNull();
  });

  it('replays Sundays from a week up to yesterday at most, then stops on the last', () => {
    expect(replayDates('2026-11-04', '2026-11-25', NOW)).toEqual(['2026-11-08', '2026-11-15', '2026-11-22', '2026-11-25']);
    expect(replayDates('2026-11-16', null, NOW)).toEqual(['2026-11-22', '2026-11-29', '2026-12-03']);
    lookbackActions.replay('2026-11-16', '2026-11-29');
    expect(useLookback.getState()).toMatchObject({ asOf: '2026-11-22', replay: { queue: ['2026-11-29'] } });
    lookbackActions.advanceReplay();
    expect(useLookback.getState()).toMatchObject({ asOf: '2026-11-29', replay: null });
    // Stepping by hand ends a replay.
    lookbackActions.replay('2026-11-02', '2026-11-29');
    lookbackActions.stepWeeks(-1);
    expect(useLookback.getState().replay).toBeNull();
  });

  it('asks every page query as of the day, never the ones about now, and never over a query’s own as-of', () => {
    expect(withAsOf('overview', {}, '2026-11-22')).toEqual({ asOf: '2026-11-22' });
    expect(withAsOf('town', { code: '330113004' }, '2026-11-22')).toEqual({ code: '330113004', asOf: '2026-11-22' });
    expect(withAsOf('health', {}, '2026-11-22')).toEqual({});
    expect(withAsOf('alerts', { wall: 'main' }, '2026-11-22')).toEqual({ wall: 'main' });
    expect(withAsOf('meta', { asOf: undefined }, '2026-11-22')).toEqual({ asOf: undefined });
    expect(withAsOf('overview', {}, null)).toEqual({});
  });

  it('takes the end of the day looked back to as "now" for labels', () => {
    expect(referenceNow(null, NOW)).toBe(NOW);
    expect(referenceNow('2026-11-22', NOW)).toBe(Date.parse('2026-11-23T00:00:00+08:00') - 1);
  });
});
