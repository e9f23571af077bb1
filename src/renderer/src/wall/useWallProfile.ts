import { useEffect } from 'react';
import { activeSlot, msToNextMinute } from '../../../shared/wall/schedule';
import type { WallProfileModel } from '../../../shared/wall/profile';
import { useQuery } from '../data/useQuery';
import { useCockpit } from '../store/cockpit';
import { requestedWall } from './wallId';
import { useWallDuty } from './wallStore';

export type WallProfileState =
  | { state: 'loading' }
  | { state: 'ready'; profile: WallProfileModel }
  /** The profile cannot be had: `wall` names what was asked for, `message` says why. */
  | { state: 'failed'; wall: string; message: string };

const REQUESTED = requestedWall();

/**
 * This wall's profile (`?wall=<id>`, else the desktop app's), applied: its playlist as the
 * schedule in force says, checked again at every whole minute (schedules change on whole
 * minutes, in district time, across midnight too). A refetch that fails keeps the last good
 * profile; a profile that never loaded is an error naming it.
 */
export function useWallProfile(): WallProfileState {
  const params = REQUESTED.wall ? { wall: REQUESTED.wall } : {};
  const { data, error } = useQuery('wallProfile', params);
  const profile = REQUESTED.malformed ? null : data;
  const stamp = profile ? JSON.stringify(profile) : null;

  useEffect(() => {
    if (!profile) return;
    useWallDuty.getState().setProfile(profile);
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last: string | null = null;
    const apply = (): void => {
      const slot = activeSlot(profile.schedule, Date.now(), profile.timeZone, { pages: profile.pages, intervalSec: profile.intervalSec });
      const key = JSON.stringify(slot);
      if (key !== last) {
        last = key;
        useWallDuty.getState().setSlot(slot);
        useCockpit.getState().configurePlaylist(slot.pages, slot.intervalSec, profile.autoplay);
      }
      timer = setTimeout(apply, msToNextMinute(Date.now()));
    };
    apply();
    return () => {
      if (timer) clearTimeout(timer);
    };
    // Only when the profile itself changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stamp]);

  if (REQUESTED.malformed) return { state: 'failed', wall: REQUESTED.malformed, message: 'not a wall profile id (lower-case letters, digits and dashes)' };
  if (profile) return { state: 'ready', profile };
  if (error) return { state: 'failed', wall: REQUESTED.wall ?? '', message: error.replace(/^query wallProfile: /, '') };
  return { state: 'loading' };
}
