import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ControlVia, WallAction, WallState } from '../../../shared/control/types';
import { NotPairedError, wallLink, type WallControlLink } from './link';

export interface Controller {
  wall: string;
  state: WallState | null;
  /** False until paired (the hub); always true in the desktop app. */
  paired: boolean;
  linkUp: boolean;
  /** The last refusal or failure, for the screen to say. */
  error: string | null;
  pair(code: string): Promise<boolean>;
  act(action: WallAction): Promise<void>;
  unpair(): Promise<void>;
}

const PAIRED_KEY = (wall: string): string => `cockpit.paired.${wall}`;

/**
 * A presenter's or phone's hold on a wall: its state as the core tells it, and actions sent as
 * `via`. Whether this browser is paired is remembered for the tab (the session itself is an
 * HttpOnly cookie the page cannot read); a refusal from the hub forgets it.
 */
export function useController(via: ControlVia, link?: WallControlLink): Controller {
  const theLink = useMemo(() => link ?? wallLink({ display: false }), [link]);
  const [state, setState] = useState<WallState | null>(null);
  const [linkUp, setLinkUp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [paired, setPaired] = useState(() => !theLink.needsPairing || sessionStorage.getItem(PAIRED_KEY(theLink.wall)) === '1');

  useEffect(() => theLink.listen(setState, undefined, setLinkUp), [theLink]);

  const pair = useCallback(
    async (code: string): Promise<boolean> => {
      try {
        await theLink.pair(code.trim());
        sessionStorage.setItem(PAIRED_KEY(theLink.wall), '1');
        setPaired(true);
        setError(null);
        return true;
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
        return false;
      }
    },
    [theLink],
  );

  const act = useCallback(
    async (action: WallAction): Promise<void> => {
      try {
        setState(await theLink.act(action, via));
        setError(null);
      } catch (err) {
        if (err instanceof NotPairedError) {
          sessionStorage.removeItem(PAIRED_KEY(theLink.wall));
          setPaired(false);
        }
        setError(err instanceof Error ? err.message : String(err));
      }
    },
    [theLink, via],
  );

  const unpair = useCallback(async () => {
    await theLink.unpair();
    sessionStorage.removeItem(PAIRED_KEY(theLink.wall));
    setPaired(!theLink.needsPairing);
  }, [theLink]);

  return { wall: theLink.wall, state, paired, linkUp, error, pair, act, unpair };
}
