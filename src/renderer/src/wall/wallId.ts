import { WALL_ID_PATTERN } from '../../../shared/wall/config';

/**
 * The wall profile this renderer was opened for: `/?wall=lobby` in a browser; none (the
 * desktop app's, config `wall.profile`, answered by the core) otherwise. A value that cannot
 * be a profile id is kept, so the error screen can name it.
 */
export function requestedWall(search: string = typeof location === 'undefined' ? '' : location.search): { wall: string | undefined; malformed: string | null } {
  const raw = new URLSearchParams(search).get('wall');
  if (raw === null || raw === '') return { wall: undefined, malformed: null };
  return WALL_ID_PATTERN.test(raw) ? { wall: raw, malformed: null } : { wall: undefined, malformed: raw.slice(0, 60) };
}
