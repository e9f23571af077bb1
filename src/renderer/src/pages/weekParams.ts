import { useCockpit } from '../store/cockpit';

/** Params for week-aware queries: the week being looked back at, or the latest. */
export function useWeekParams(): { week?: string } {
  const week = useCockpit((s) => s.week);
  return week ? { week } : {};
}
