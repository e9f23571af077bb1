import { useEffect } from 'react';
import { useQuery } from '../data/useQuery';
import { useLive } from '../data/live';
import { useFreshness } from '../store/freshness';

const HEALTH_REFRESH_MS = 5_000;

/**
 * Keep the freshness marks true: health is refetched on change notices and every few seconds
 * (staleness grows with time alone), and re-judged against the link and the clock each tick.
 */
export function useHealthWatcher(pollIntervalSec: number): void {
  const { data: health } = useQuery('health', {}, { refreshMs: HEALTH_REFRESH_MS });
  const link = useLive((s) => s.link);
  const linkDownSince = useLive((s) => s.linkDownSince);
  useEffect(() => {
    const judge = (): void =>
      useFreshness.getState().update({ health, link, linkDownSince, pollIntervalSec, now: Date.now() });
    judge();
    const timer = setInterval(judge, 1_000);
    return () => clearInterval(timer);
  }, [health, link, linkDownSince, pollIntervalSec]);
}
