import { useEffect } from 'react';
import { useCockpit } from '../store/cockpit';
import { useWallDuty } from '../wall/wallStore';

/**
 * Rotate pages every intervalSec while playing; any page change restarts the count. A pause
 * by hand (a step, a town opened, Space) ends by itself at `resumeAt`, closing the town
 * detail, so a wall is never left paused overnight.
 */
export function usePlaylist(): void {
  const playing = useCockpit((s) => s.playing);
  const resumeAt = useCockpit((s) => s.resumeAt);
  const intervalSec = useCockpit((s) => s.intervalSec);
  const page = useCockpit((s) => s.page);
  // An alert on screen holds the rotation where it is; it carries on from there afterwards.
  const interrupted = useWallDuty((s) => s.alertOnScreen !== null);
  useEffect(() => {
    if (!playing || interrupted) return;
    const timer = setTimeout(() => useCockpit.getState().next(), intervalSec * 1000);
    return () => clearTimeout(timer);
  }, [playing, intervalSec, page, interrupted]);
  useEffect(() => {
    if (playing || resumeAt == null) return;
    const timer = setTimeout(() => useCockpit.getState().resumeAfterIdle(), Math.max(0, resumeAt - Date.now()));
    return () => clearTimeout(timer);
  }, [playing, resumeAt]);
}
