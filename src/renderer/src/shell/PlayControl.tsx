import { useEffect, useState, type JSX } from 'react';
import { fmtTime, useT } from '../i18n';
import { useCockpit } from '../store/cockpit';

/**
 * The rotation's progress moves in steps of about this many seconds: a bar that moved every
 * frame would repaint the wall 60 times a second all day (7% of a core at 1920×1080, more on
 * a wall) for what a glance every few seconds tells as well.
 */
const STEP_SEC = 5;

/** Play/pause of the rotation, always visible, with a bar that fills up to the next page. */
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
        <Progress key={page} intervalSec={intervalSec} />
      )}
    </button>
  );
}

/** A bar filled in a few discrete steps over `intervalSec`: one small repaint per step, none between. */
function Progress(props: { intervalSec: number }): JSX.Element {
  const steps = Math.max(2, Math.round(props.intervalSec / STEP_SEC));
  const [step, setStep] = useState(0);
  useEffect(() => {
    const start = Date.now();
    const stepMs = (props.intervalSec * 1000) / steps;
    let timer: ReturnType<typeof setTimeout>;
    const tick = (): void => {
      const done = Math.min(steps, Math.floor((Date.now() - start) / stepMs + 0.01));
      setStep(done);
      if (done < steps) timer = setTimeout(tick, Math.max(0, start + (done + 1) * stepMs - Date.now()));
    };
    timer = setTimeout(tick, stepMs);
    return () => clearTimeout(timer);
  }, [props.intervalSec, steps]);
  return <span className="play__progress" data-step={step} data-steps={steps} style={{ transform: `scaleX(${step / steps})` }} />;
}
