import type { JSX } from 'react';
import { fmtDateTime, fmtTime, useL } from '../i18n';
import { useFreshness } from '../store/freshness';

const DAY_MS = 86_400_000;

/**
 * "截至 09:41" under every panel. When the data is not current it says so in the warning
 * colour (数据滞后 / 离线) — stale numbers are never shown as if they were live.
 */
export function AsOf({ time, className }: { time: string | null | undefined; className?: string }): JSX.Element {
  const l = useL();
  const overall = useFreshness((s) => s.overall);
  const cls = `as-of as-of--${time ? overall : 'offline'}${className ? ` ${className}` : ''}`;
  if (!time) return <span className={cls} data-freshness="none">{l('暂无数据', 'No data')}</span>;
  const old = Date.now() - Date.parse(time) > DAY_MS;
  const when = old ? fmtDateTime(time) : fmtTime(time);
  const mark = overall === 'fresh' ? '' : overall === 'stale' ? l(' · 数据滞后', ' · stale') : l(' · 离线', ' · offline');
  return (
    <span className={cls} data-freshness={overall} title={time}>
      {l('截至 ', 'as of ')}
      {when}
      {mark}
    </span>
  );
}
