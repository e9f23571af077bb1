import type { Indicator } from '../../../shared/contract';
import { fmtNumber, type T } from '../i18n';
import { countUnit } from '../i18n/units';

/** An indicator value with its unit: "12 起", "3.4%", "96.1%". */
export function fmtIndicator(value: number | null | undefined, ind: Pick<Indicator, 'unitZh' | 'unitEn'>, t: T): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const unit = t.locale === 'en' ? ind.unitEn : ind.unitZh;
  const digits = unit === '%' || !Number.isInteger(value) ? 1 : 0;
  const n = fmtNumber(value, digits);
  return unit === '%' ? `${n}%` : `${n} ${countUnit(value, unit, digits)}`;
}

/**
 * Week-on-week change, signed, in the indicator's unit ("+3 起", "−0.4 pt"). `worse` says
 * whether this change is bad news (for colour), using the indicator's direction.
 */
export function weekDelta(
  value: number,
  previous: number | null,
  ind: Pick<Indicator, 'unitZh' | 'unitEn' | 'worse'>,
  t: T,
): { text: string; tone: 'worse' | 'better' | 'same' } | null {
  if (previous == null || !Number.isFinite(previous)) return null;
  const d = value - previous;
  const unit = t.locale === 'en' ? ind.unitEn : ind.unitZh;
  if (Math.abs(d) < 1e-9) return { text: t('delta.same'), tone: 'same' };
  const digits = unit === '%' || !Number.isInteger(d) ? 1 : 0;
  const sign = d > 0 ? '+' : '−';
  const mag = fmtNumber(Math.abs(d), digits);
  const unitText = unit === '%' ? t('delta.percentPoints') : ` ${countUnit(d, unit, digits)}`;
  const worse = ind.worse === 'higher' ? d > 0 : d < 0;
  return { text: `${sign}${mag}${unitText}`, tone: worse ? 'worse' : 'better' };
}

/** Minutes as "12 分钟" or, past two hours, "3.5 小时". */
export function fmtMinutes(min: number | null | undefined, t: T): string {
  if (min == null || !Number.isFinite(min)) return '—';
  if (min < 120) return `${fmtNumber(min, min < 10 && !Number.isInteger(min) ? 1 : 0)} ${t('unit.minutes')}`;
  return `${fmtNumber(min / 60, 1)} ${t('unit.hours')}`;
}

export function fmtHours(h: number | null | undefined, t: T): string {
  if (h == null || !Number.isFinite(h)) return '—';
  if (h < 1) return fmtMinutes(h * 60, t);
  return `${fmtNumber(h, 1)} ${t('unit.hours')}`;
}
