import type { JSX } from 'react';
import { fmtTime, useT } from '../i18n';
import { useCockpit } from '../store/cockpit';

/** Play/pause of the rotation, always visible, with a bar that runs down to the next page. */
export function PlayControl(): JSX.Element {
  const t = useT();
  const playing = useCockpit((s) => s.playing);
  const resumeAt = useCockpit((s) => s.resumeAt);
  const intervalSec = useCockpit((s) => s.intervalSec);
  const page = useCockpit((s) => s.page);
  const togglePlay = useCockpit((s) => s.togglePlay);
  return (
    <button
      type="button"
      className={`play ${playing ? 'play--on' : 'play--off'}`}
      data-testid="play"
      data-playing={playing}
      onClick={(e) => {
        e.currentTarget.blur(); // Space afterwards must toggle once, not twice
        togglePlay();
      }}
      title={t('play.hint')}
    >
      <span className="play__icon" aria-hidden="true">
        {playing ? '▶' : '❚❚'}
      </span>
      <span className="play__label">
        {playing
          ? t('play.rotating', { seconds: intervalSec })
          : resumeAt
            ? t('play.pausedUntil', { time: fmtTime(resumeAt) })
            : t('play.paused')}
      </span>
      {playing && (
        // Keyed by page so the bar restarts with each page.
        <span key={page} className="play__progress" style={{ animationDuration: `${intervalSec}s` }} />
      )}
    </button>
  );
}
