/**
 * The wall display's side of wall control: it follows the core's WallState (page, hold, town,
 * look-back date) and reports what changes on it by itself (its keys, its rotation, a click on
 * a tab or a town) as actions, so a presenter and a phone always see what the wall shows.
 *
 * One rule keeps the two directions from echoing: a change is sent only when it differs from
 * the last state the core told us; a state from the core is applied only when it is newer.
 */
import { create } from 'zustand';
import type { ControlVia, WallAction, WallPairing, WallState } from '../../../shared/control/types';
import type { IsoDate } from '../../../shared/readModel';
import { useCockpit, type CockpitState } from '../store/cockpit';
import { useLookback } from '../store/lookback';
import { NotPairedError, wallLink, type WallControlLink } from './link';

export interface WallControlStore {
  /** The core's state of this wall, once told. */
  state: WallState | null;
  /** The code this wall shows for pairing a phone or presenter (null when this display may not show it). */
  pairing: WallPairing | null;
  /** Whether this display can report its changes (paired, or the desktop app). */
  reporting: boolean;
  /** The look-back date the wall follows (null: live). The look-back UI reads this. */
  asOf: IsoDate | null;
}

export const useWallControl = create<WallControlStore>()(() => ({ state: null, pairing: null, reporting: false, asOf: null }));

type Shown = Pick<CockpitState, 'page' | 'playing' | 'selectedTown'>;

/** What to send for a local change from `before` to `after`, given the core's `state`. */
export function actionsFor(before: Shown, after: Shown, state: WallState | null): Array<{ action: WallAction; via: ControlVia }> {
  const out: Array<{ action: WallAction; via: ControlVia }> = [];
  if (after.page !== before.page && after.page !== state?.page) {
    // While rotating, a page change is the rotation's; otherwise a person's (it holds in the core).
    out.push({ action: { type: 'page.go', page: after.page }, via: after.playing && before.playing ? 'rotation' : 'keyboard' });
  }
  if (after.playing !== before.playing && !after.playing !== state?.held) {
    out.push({ action: { type: 'hold', held: !after.playing }, via: 'keyboard' });
  }
  if (after.selectedTown !== before.selectedTown && after.selectedTown !== state?.town) {
    out.push({ action: { type: 'town.pick', town: after.selectedTown }, via: 'keyboard' });
  }
  return out;
}

/** Apply the core's state to the wall's store (only what differs). */
export function applyState(state: WallState, store: typeof useCockpit): void {
  const s = store.getState();
  if (state.page && state.page !== s.page) s.setPage(state.page);
  if (state.town !== s.selectedTown) store.getState().selectTown(state.town);
  const playing = store.getState().playing;
  if (state.held && playing) store.getState().pauseByHand();
  if (!state.held && !playing) store.getState().setPlaying(true);
  // The look back a presenter or phone chose (a replay here stops: someone else is steering).
  if (state.asOf !== useLookback.getState().asOf) useLookback.setState({ asOf: state.asOf, replay: null });
}

let stop: (() => void) | null = null;

/** Start following this wall's control state (once, before the first render). */
export function startWallFollow(link: WallControlLink = wallLink({ display: true })): () => void {
  if (stop) return stop;
  let applying = false;
  let paired = !link.needsPairing;
  let pairing: Promise<void> | null = null;
  useWallControl.setState({ reporting: paired });

  const ensurePaired = (): Promise<void> => {
    const code = useWallControl.getState().pairing?.code;
    if (paired || !code) return Promise.resolve();
    pairing ??= link.pair(code).then(
      () => {
        paired = true;
        pairing = null;
        useWallControl.setState({ reporting: true });
      },
      () => {
        pairing = null;
      },
    );
    return pairing;
  };

  // Acts go one at a time, in order (two quick key presses must arrive as pressed); while any is
  // on its way, states from the core wait, so the wall does not flick back to a page it just left.
  let queue: Promise<void> = Promise.resolve();
  let inflight = 0;
  let latest: WallState | null = null;
  // The newest state applied: an echo older than it (a state sent before our own last act's
  // answer) must not flick the wall back to what it just left. A restarted core counts revs
  // from 0 again: its states are newer by their time.
  let applied: { rev: number; at: number } = { rev: -1, at: -1 };
  // Changes made while the hub could not be reached (a town opened during an outage): sent
  // again, in order, once it answers, so the core's older state does not undo them on return.
  let unsent: Array<{ action: WallAction; via: ControlVia }> = [];
  const newer = (s: WallState, than: { rev: number; at: number }) => s.rev > than.rev || Date.parse(s.updatedAt) > than.at;
  const offer = (state: WallState): void => {
    if (newer(state, applied) && (!latest || newer(state, { rev: latest.rev, at: Date.parse(latest.updatedAt) }))) latest = state;
  };

  const applyLatest = (): void => {
    if (!latest || inflight > 0) return;
    const state = latest;
    latest = null;
    applied = { rev: state.rev, at: Date.parse(state.updatedAt) };
    useWallControl.setState({ state, asOf: state.asOf });
    applying = true;
    try {
      applyState(state, useCockpit);
    } finally {
      applying = false;
    }
  };

  const actOnce = async (action: WallAction, via: ControlVia): Promise<void> => {
    await ensurePaired();
    if (!paired) return; // a display that may not pair (another machine): it follows, it does not report
    try {
      offer(await link.act(action, via));
    } catch (err) {
      // fetch's TypeError: no answer at all (the hub is down), not a refusal.
      if (err instanceof TypeError) {
        unsent = [...unsent, { action, via }].slice(-20);
        // A state the core sent before this change is older than what the wall now shows
        // (it would reopen the town just closed): drop it; the resend brings the core's answer.
        latest = null;
        return;
      }
      if (!(err instanceof NotPairedError)) return;
      // The session ended (the hub restarted, or it expired): pair again with the code shown.
      paired = false;
      useWallControl.setState({ reporting: false });
      await ensurePaired();
      if (paired) await link.act(action, via).then(offer, () => undefined);
    }
  };

  const send = (action: WallAction, via: ControlVia): void => {
    inflight++;
    queue = queue
      .then(() => actOnce(action, via))
      .catch(() => undefined)
      .finally(() => {
        inflight--;
        applyLatest();
      });
  };

  const offLink = link.listen(
    (state) => {
      // A wall nobody has set yet takes this display's page (the rotation's, so it does not hold).
      if (state.page === null && inflight === 0) send({ type: 'page.go', page: useCockpit.getState().page }, 'rotation');
      if (unsent.length) {
        const again = unsent;
        unsent = [];
        for (const { action, via } of again) send(action, via);
      }
      offer(state);
      applyLatest();
    },
    (p) => {
      useWallControl.setState({ pairing: p });
      void ensurePaired();
    },
  );

  const offStore = useCockpit.subscribe((after, before) => {
    if (applying) return;
    for (const { action, via } of actionsFor(before, after, useWallControl.getState().state)) send(action, via);
  });

  // The wall's own look back (keys, the header control, a replay's steps) goes to the core too.
  const offLookback = useLookback.subscribe((after, before) => {
    if (applying || after.asOf === before.asOf || after.asOf === (useWallControl.getState().state?.asOf ?? null)) return;
    send(after.asOf ? { type: 'asOf.set', asOf: after.asOf } : { type: 'live' }, 'keyboard');
  });

  stop = () => {
    offLink();
    offStore();
    offLookback();
    stop = null;
  };
  return stop;
}
