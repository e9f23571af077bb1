/**
 * The renderer's link to wall control (src/shared/control): the Electron bridge's `wall/*` IPC
 * in the desktop app, else the hub's `/api/wall/<id>/…`. Kept apart from the query transport:
 * a presenter or a phone uses this and nothing else of the wall's.
 */
import type { ControlVia, WallAction, WallPairing, WallState } from '../../../shared/control/types';
import { getBridge } from '../transport';
import { requestedWall } from '../wall/wallId';
import { DEFAULT_WALL_ID } from '../../../shared/wall/config';

export interface WallControlLink {
  readonly wall: string;
  /** Whether acts need pairing first (the hub) or not (the desktop app's own windows). */
  readonly needsPairing: boolean;
  /** State changes (and, for a display, pairing codes). Returns a function that stops listening. */
  listen(onState: (s: WallState) => void, onPairing?: (p: WallPairing) => void, onLink?: (up: boolean) => void): () => void;
  act(action: WallAction, via: ControlVia): Promise<WallState>;
  pair(code: string): Promise<void>;
  unpair(): Promise<void>;
}

/** Thrown by `act` when the hub says this client is not paired (403). */
export class NotPairedError extends Error {
  override readonly name = 'NotPairedError';
}

/** The wall this page belongs to: `?wall=<id>` (a browser wall), else the default profile. */
export function currentWallId(search?: string): string {
  return requestedWall(search).wall ?? DEFAULT_WALL_ID;
}

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', credentials: 'same-origin', cache: 'no-store', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

async function errorOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: string };
    return body.error ?? `${res.status} ${res.statusText}`;
  } catch {
    return `${res.status} ${res.statusText}`;
  }
}

export function hubWallLink(wall: string, opts: { display: boolean; base?: string }): WallControlLink {
  const base = `${opts.base ?? ''}/api/wall/${encodeURIComponent(wall)}`;
  return {
    wall,
    needsPairing: true,
    listen(onState, onPairing, onLink) {
      // EventSource reconnects by itself (retry: 1 s); a fresh stream starts with the state now.
      const es = new EventSource(`${base}/stream${opts.display ? '?display=1' : ''}`, { withCredentials: true });
      es.addEventListener('state', (e) => {
        try {
          onState(JSON.parse((e as MessageEvent<string>).data) as WallState);
        } catch {
          /* a malformed frame is ignored; the next state carries on */
        }
      });
      es.addEventListener('pairing', (e) => {
        try {
          onPairing?.(JSON.parse((e as MessageEvent<string>).data) as WallPairing);
        } catch {
          /* ignored, as above */
        }
      });
      es.addEventListener('open', () => onLink?.(true));
      es.addEventListener('error', () => onLink?.(false));
      return () => es.close();
    },
    async act(action, via) {
      const res = await post(`${base}/act`, { action, via });
      if (res.status === 403) throw new NotPairedError(await errorOf(res));
      if (!res.ok) throw new Error(await errorOf(res));
      return (await res.json()) as WallState;
    },
    async pair(code) {
      const res = await post(`${base}/pair`, { code });
      if (!res.ok) throw new Error(await errorOf(res));
    },
    async unpair() {
      await post(`${base}/unpair`, {});
    },
  };
}

/** The desktop app: main holds the state, and its windows need no pairing (main checks the sender). */
export function electronWallLink(wall: string | undefined): WallControlLink | null {
  const bridge = getBridge();
  if (!bridge) return null;
  return {
    wall: wall ?? 'main',
    needsPairing: false,
    listen(onState, onPairing, onLink) {
      let last = -1;
      const take = (v: { state: WallState; pairing: WallPairing }): void => {
        if (wall !== undefined && v.state.wall !== wall) return;
        if (v.state.rev !== last) {
          last = v.state.rev;
          onState(v.state);
        }
        onPairing?.(v.pairing);
      };
      const off = bridge.onWallChanged(take);
      bridge.wallState(wall).then(
        (v) => {
          take(v);
          onLink?.(true);
        },
        () => onLink?.(false),
      );
      return off;
    },
    act: (action, via) => bridge.wallAct(action, via, wall),
    pair: async () => {},
    unpair: async () => {},
  };
}

/** This page's link: the bridge in the desktop app, else the hub. */
export function wallLink(opts: { display: boolean; wall?: string }): WallControlLink {
  const wall = opts.wall ?? currentWallId();
  // The desktop app's windows show the app's own wall profile (main knows which).
  return electronWallLink(undefined) ?? hubWallLink(wall, { display: opts.display });
}
