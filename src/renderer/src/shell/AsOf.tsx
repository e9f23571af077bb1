import { DAY_MS } from '../../../shared/districtTime';
import type { JSX } from 'react';
import { fmtDateTime, fmtTime, useT } from '../i18n';
import { useFreshness } from '../store/freshness';
import { referenceNow, useLookback } from '../store/lookback';


/**
 * "截至 09:41" under every panel. When the data is not current it says so in the warning
 * colour (数据滞后 / 离线) — stale numbers are never shown as if they were live.
 */
export function AsOf({ time, className }: { time: string | null | undefined; className?: string }): JSX.Element {
  const t = useT();
  const overall = useFreshness((s) => s.overall);
  const asOf = useLookback((s) => s.asOf);
  const cls = `as-of as-of--${time ? overall : 'offline'}${className ? ` ${className}` : ''}`;
  if (!time) return <span className={cls} data-freshness="none">{t('asOf.none')}</span>;
  const old = referenceNow(asOf) - Date.parse(time) > DAY_MS;
  const when = old ? fmtDateTime(time) : fmtTime(time);
  const mark = overall === 'fresh' ? '' : overall === 'stale' ? t('asOf.stale') : t('asOf.offline');
  return (
    <span className={cls} data-freshness={overall} title={time}>
      {t('asOf.asOf')}
      {when}
      {mark}
    </span>
  );
}
