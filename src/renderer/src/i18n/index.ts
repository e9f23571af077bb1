import { useCallback } from 'react';
import { translator, type Locale, type PlainKey, type Translate } from '../../../shared/i18n';
import { useCockpit } from '../store/cockpit';
import { en } from './messages/en';
import { zhCN } from './messages/zh-CN';

/** All times on the wall are the district's local time, whatever the machine's zone. */
export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';

/** The renderer's catalogue (keys and Chinese texts); `MESSAGES.en` has the same keys. */
export const MESSAGES = { 'zh-CN': zhCN, en } as const;
export type MessageKey = keyof typeof zhCN;
/** A key whose text takes no parameters. */
export type TextKey = PlainKey<typeof zhCN>;
/** `t('overview.openCount', { count: 3 })`: a catalogue text in the wall's language. */
export type T = Translate<typeof zhCN>;

const TRANSLATORS: Record<Locale, T> = { 'zh-CN': translator<typeof zhCN>('zh-CN', zhCN), en: translator<typeof zhCN>('en', en) };

/** The catalogue lookup for a language (outside React: chart builders, tests). */
export function translate(locale: Locale): T {
  return TRANSLATORS[locale];
}

/**
 * The text of `key` if the catalogue has one, else `fallback`: for open-ended codes that come
 * with the data (a dispute category a district added), shown as they are.
 */
export function textOr(t: T, key: string, fallback: string): string {
  return Object.hasOwn(zhCN, key) ? (t as unknown as (key: string) => string)(key) : fallback;
}

export function useLocale(): Locale {
  return useCockpit((s) => s.locale);
}

export function useT(): T {
  return TRANSLATORS[useLocale()];
}

/**
 * For data that carries its own text in both languages (a vocabulary label's `zh`/`en`, an
 * indicator's `unitZh`/`unitEn`): picks the one for the wall's language. UI texts are
 * catalogue keys (`useT`), never pairs passed here.
 */
export type PickText = (zh: string, en: string) => string;

export function pickText(locale: Locale, zh: string, en: string): string {
  return locale === 'en' ? en : zh;
}

export function usePick(): PickText {
  const locale = useLocale();
  return useCallback((zh: string, en: string) => pickText(locale, zh, en), [locale]);
}

const currentLocale = (): Locale => useCockpit.getState().locale;

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f;
}

/** 15291 → "15,291". Null/NaN → "—" (never a made-up zero). */
export function fmtNumber(n: number | null | undefined, digits = 0, locale: Locale = currentLocale()): string {
  if (n == null || !Number.isFinite(n)) return '—';
  return numberFormat(locale, digits).format(n);
}

/** 96 → "96%", (96.44, 1) → "96.4%". The value is already a percentage. */
export function fmtPct(n: number | null | undefined, digits = 0, locale: Locale = currentLocale()): string {
  if (n == null || !Number.isFinite(n)) return '—';
  return `${numberFormat(locale, digits).format(n)}%`;
}

// Building an Intl.DateTimeFormat costs far more than using one: one per set of fields.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(opts);
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: DISTRICT_TIME_ZONE, hourCycle: 'h23', ...opts });
    dateFormats.set(key, f);
  }
  return f;
}

const parts = (iso: string | number | Date, opts: Intl.DateTimeFormatOptions): Record<string, string> => {
  const d = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(d.getTime())) return {};
  const out: Record<string, string> = {};
  for (const p of dateFormat(opts).formatToParts(d)) {
    out[p.type] = p.value;
  }
  return out;
};

/** "09:41" in the district's time. */
export function fmtTime(iso: string | number | Date | null | undefined): string {
  if (iso == null) return '—';
  const p = parts(iso, { hour: '2-digit', minute: '2-digit' });
  return p.hour ? `${p.hour}:${p.minute}` : '—';
}

/** "09:41:07" in the district's time (the header clock). */
export function fmtClock(iso: string | number | Date): string {
  const p = parts(iso, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return p.hour ? `${p.hour}:${p.minute}:${p.second}` : '—';
}

/** "2026-11-27" (ISO date or time; a bare date is shown as is). */
export function fmtDate(iso: string | number | Date | null | undefined): string {
  if (iso == null) return '—';
  if (typeof iso === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const p = parts(iso, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return p.year ? `${p.year}-${p.month}-${p.day}` : '—';
}

/** "11-27 09:41": for as-of marks older than today. */
export function fmtDateTime(iso: string | number | Date | null | undefined): string {
  if (iso == null) return '—';
  const p = parts(iso, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  return p.hour ? `${p.month}-${p.day} ${p.hour}:${p.minute}` : '—';
}
