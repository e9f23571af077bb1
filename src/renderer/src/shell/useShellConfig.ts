import { useEffect } from 'react';
import type { UiConfigModel } from '../../../shared/readModel';
import { useQuery } from '../data/useQuery';
import { useCockpit } from '../store/cockpit';

/**
 * Load the non-secret config once (and again after a reconnect) and apply the playlist and
 * default locale. A leader's later choices (pause, English) are not overridden by refetches
 * of the same config.
 */
export function useShellConfig(): UiConfigModel | null {
  const { data } = useQuery('config', {});
  const stamp = data ? JSON.stringify(data) : null;
  useEffect(() => {
    if (!data) return;
    const s = useCockpit.getState();
    s.configurePlaylist(data.playlist.pages, data.playlist.intervalSec, data.playlist.autoplay);
    s.setLocale(data.locale);
    // Only when the config itself changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stamp]);
  return data;
}
