import type { JSX } from 'react';
import { fmtTime, useT } from '../i18n';
import { useLive } from '../data/live';
import { useFreshness, type SourceMark } from '../store/freshness';

function SourceChip({ mark }: { mark: SourceMark }): JSX.Element {
  const t = useT();
  const text =
    mark.state === 'fresh'
      ? t('fresh.fresh')
      : mark.state === 'stale'
        ? t('fresh.staleSince', { time: fmtTime(mark.staleSince) })
        : t('fresh.offline');
  return (
    <span className={`fresh-chip fresh-chip--${mark.state}`} data-source={mark.sourceId} data-state={mark.state}>
      <span className="fresh-chip__dot" aria-hidden="true" />
      <span className="fresh-chip__source">{mark.sourceId}</span> {text}
    </span>
  );
}

/** Data freshness per source, and the link to the core itself. Stale is always marked. */
export function FreshnessBar(): JSX.Element {
  const t = useT();
  const sources = useFreshness((s) => s.sources);
  const overall = useFreshness((s) => s.overall);
  const link = useLive((s) => s.link);
  const connectedOnce = useLive((s) => s.connectedOnce);
  return (
    <div className="freshness" data-testid="freshness" data-overall={overall} data-link={link ? 'up' : 'down'}>
      {!link &&
        (connectedOnce ? (
          <span className="fresh-chip fresh-chip--offline">{t('fresh.linkDown')}</span>
        ) : (
          <span className="fresh-chip fresh-chip--stale">{t('fresh.connecting')}</span>
        ))}
      {sources.length === 0 && link && <span className="fresh-chip fresh-chip--stale">{t('fresh.waiting')}</span>}
      {sources.map((m) => (
        <SourceChip key={m.sourceId} mark={m} />
      ))}
    </div>
  );
}
