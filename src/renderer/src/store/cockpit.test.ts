import { beforeEach, describe, expect, it } from 'vitest';
import { RESUME_AFTER_IDLE_MS, useCockpit } from './cockpit';

describe('cockpit store', () => {
  beforeEach(() => {
    useCockpit.setState({ page: 'overview', selectedTown: null, resumeAt: null });
    useCockpit.getState().configurePlaylist(['overview', 'events', 'consultation'], 30, true);
  });

  it('steps through the playlist only, wrapping at both ends', () => {
    const s = useCockpit.getState();
    s.next();
    expect(useCockpit.getState().page).toBe('events');
    s.next();
    s.next();
    expect(useCockpit.getState().page).toBe('overview');
    s.prev();
    expect(useCockpit.getState().page).toBe('consultation');
  });

  it('steps from a page outside the playlist into it', () => {
    useCockpit.getState().setPage('risk');
    useCockpit.getState().next();
    expect(useCockpit.getState().page).toBe('overview');
  });

  it('pauses when a town is opened, and resuming closes it', () => {
    const before = Date.now();
    useCockpit.getState().selectTown('330113004');
    const s = useCockpit.getState();
    expect(s.playing).toBe(false);
    expect(s.resumeAt).toBeGreaterThanOrEqual(before + RESUME_AFTER_IDLE_MS);
    s.resumeAfterIdle();
    expect(useCockpit.getState()).toMatchObject({ playing: true, selectedTown: null, resumeAt: null });
  });

  it('Space-style toggling pauses with a resume time and plays without one', () => {
    useCockpit.getState().togglePlay();
    expect(useCockpit.getState().playing).toBe(false);
    expect(useCockpit.getState().resumeAt).not.toBeNull();
    useCockpit.getState().togglePlay();
    expect(useCockpit.getState()).toMatchObject({ playing: true, resumeAt: null });
  });

  it('keeps a pause by hand when the config arrives after it', () => {
    useCockpit.getState().next();
    useCockpit.getState().pauseByHand();
    useCockpit.getState().configurePlaylist(['overview', 'events', 'consultation'], 30, true);
    expect(useCockpit.getState()).toMatchObject({ page: 'events', playing: false });
    expect(useCockpit.getState().resumeAt).not.toBeNull();
  });

  it('moves off a page the new playlist does not have', () => {
    useCockpit.getState().setPage('overview');
    useCockpit.getState().configurePlaylist(['risk'], 10, false);
    expect(useCockpit.getState()).toMatchObject({ page: 'risk', playing: false, intervalSec: 10 });
  });
});
