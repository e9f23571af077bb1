import { useEffect } from 'react';
import type { UiConfigModel } from '../../../shared/readModel';
import { useQuery } from '../data/useQuery';
import { useCockpit } from '../store/cockpit';

/**
 * Load the non-secret config once (and again after a reconnect) and apply the default locale.
 * A leader's later choice (English) is not overridden by refetches of the same config. The
 * playlist comes with the wall's profile (wall/useWallProfile.ts), which fills it from
 * `playlist` where the profile says nothing.
 */
export function useShellConfig(): UiConfigModel | null {
  const { data } = useQuery('config', {});
  const stamp = data ? JSON.stringify(data) : null;
  useEffect(() => {
    if (!data) return;
    useCockpit.getState().setLocale(data.locale);
    // Only when the config itself changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stamp]);
  return data;
}
