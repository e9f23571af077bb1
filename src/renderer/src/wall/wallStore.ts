import { create } from 'zustand';
import type { ActiveSlot } from '../../../shared/wall/schedule';
import type { WallProfileModel } from '../../../shared/wall/profile';

/**
 * This wall's duty state in the renderer: its profile, the schedule slot in force, the alert
 * on screen. Kept apart from the cockpit store (pages, town, week) so that moving the alert to
 * the core-owned wall state is one change here.
 */
export interface WallDutyState {
  profile: WallProfileModel | null;
  slot: ActiveSlot | null;
  /** The alert interrupting the rotation, or null. */
  alertOnScreen: string | null;
  setProfile(profile: WallProfileModel): void;
  setSlot(slot: ActiveSlot): void;
  setAlertOnScreen(id: string | null): void;
}

export const useWallDuty = create<WallDutyState>()((set) => ({
  profile: null,
  slot: null,
  alertOnScreen: null,
  setProfile: (profile) => set({ profile }),
  setSlot: (slot) => set({ slot }),
  setAlertOnScreen: (alertOnScreen) => set({ alertOnScreen }),
}));

const DEFAULT_LEVELS = { patterns: true, highContrast: false } as const;

/** How this wall draws levels besides their colours (patterns, high contrast); stable between renders. */
export function useLevelDisplay(): WallProfileModel['levels'] {
  return useWallDuty((s) => s.profile?.levels) ?? DEFAULT_LEVELS;
}
