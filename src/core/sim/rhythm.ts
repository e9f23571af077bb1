import { HOUR, localDate, localHour, localMidnight, localWeekday } from './time';

/**
 * When things happen in a district: reports peak 9–11 and 14–17, are rare at night, and
 * weekends and public holidays see about 60% of a working day. Used for the history and for live generation alike.
 */
const HOUR_WEIGHTS = [
  0.15, 0.1, 0.07, 0.07, 0.1, 0.2, 0.45, 0.9, 1.5, 2.1, 2.2, 1.6, 0.9, 1.2, 1.9, 2.1, 2.0, 1.5, 1.0,
  0.8, 0.65, 0.45, 0.3, 0.2,
];
const MEAN_HOUR_WEIGHT = HOUR_WEIGHTS.reduce((a, b) => a + b, 0) / 24;
const WEEKEND_FACTOR = 0.6;
const MEAN_DAY_FACTOR = (5 + 2 * WEEKEND_FACTOR) / 7;

/**
 * Public holidays (放假), when offices are as quiet as at weekends. The State Council's
 * dates for 2025–2026; other years fall back to the fixed-date holidays. Make-up working
 * weekends (调休) are left out: they barely change the picture.
 */
const HOLIDAY_RANGES: Record<string, Array<[string, string]>> = {
  '2025': [['01-01', '01-01'], ['01-28', '02-04'], ['04-04', '04-06'], ['05-01', '05-05'], ['05-31', '06-02'], ['10-01', '10-08']],
  '2026': [['01-01', '01-03'], ['02-15', '02-23'], ['04-04', '04-06'], ['05-01', '05-05'], ['06-19', '06-21'], ['09-25', '09-27'], ['10-01', '10-07']],
};
const FIXED_HOLIDAYS: Array<[string, string]> = [['01-01', '01-01'], ['05-01', '05-05'], ['10-01', '10-07']];

export function isHoliday(ms: number): boolean {
  const date = localDate(ms);
  const monthDay = date.slice(5);
  return (HOLIDAY_RANGES[date.slice(0, 4)] ?? FIXED_HOLIDAYS).some(([from, to]) => monthDay >= from && monthDay <= to);
}

/** Relative intensity at a moment; averages about 1 over a working week. */
export function intensityAt(ms: number): number {
  const weekday = localWeekday(ms);
  const dayFactor = weekday === 0 || weekday === 6 || isHoliday(ms) ? WEEKEND_FACTOR : 1;
  return (HOUR_WEIGHTS[localHour(ms)] / MEAN_HOUR_WEIGHT) * (dayFactor / MEAN_DAY_FACTOR);
}

/** Start times and weights of every local hour in [from, to). */
export function hourlyWeights(from: number, to: number): { starts: number[]; cumulative: number[] } {
  const starts: number[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (let h = localMidnight(from); h < to; h += HOUR) {
    const start = Math.max(h, from);
    const end = Math.min(h + HOUR, to);
    if (end <= start) continue;
    total += intensityAt(h) * ((end - start) / HOUR);
    starts.push(start);
    cumulative.push(total);
  }
  return { starts, cumulative };
}
