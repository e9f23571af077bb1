import type { JSX } from 'react';
import { fmtTime, useL } from '../i18n';
import { useLive } from '../data/live';
import { useFreshness, type SourceMark } from '../store/freshness';

function SourceChip({ mark }: { mark: SourceMark }): JSX.Element {
  const l = useL();
  const text =
    mark.state === 'fresh'
      ? l('新鲜', 'fresh')
      : mark.state === 'stale'
        ? l(`数据滞后 自 ${fmtTime(mark.staleSince)}`, `stale since ${fmtTime(mark.staleSince)}`)
        : l('离线', 'offline');
  return (
    <span className={`fresh-chip fresh-chip--${mark.state}`} data-source={mark.sourceId} data-state={mark.state}>
      <span className="fresh-chip__dot" aria-hidden="true" />
      <span className="fresh-chip__source">{mark.sourceId}</span> {text}
    </span>
  );
}

/** Data freshness per source, and the link to the core itself. Stale is always marked. */
export function FreshnessBar(): JSX.Element {
  const l = useL();
  const sources = useFreshness((s) => s.sources);
  const overall = useFreshness((s) => s.overall);
  const link = useLive((s) => s.link);
  const connectedOnce = useLive((s) => s.connectedOnce);
  return (
    <div className="freshness" data-testid="freshness" data-overall={overall} data-link={link ? 'up' : 'down'}>
      {!link &&
        (connectedOnce ? (
          <span className="fresh-chip fresh-chip--offline">{l('连接中断', 'link down')}</span>
        ) : (
          <span className="fresh-chip fresh-chip--stale">{l('连接中', 'connecting')}</span>
        ))}
      {sources.length === 0 && link && <span className="fresh-chip fresh-chip--stale">{l('等待数据', 'waiting for data')}</span>}
      {sources.map((m) => (
        <SourceChip key={m.sourceId} mark={m} />
      ))}
    </div>
  );
}
