/**
 * The wall control state machine (issue 12 §2): one WallState per wall id, changed only by the
 * actions of src/shared/control, told to every subscriber at once. Both front doors hold one:
 * the hub (src/core/hub/wallRoutes.ts) and Electron main (src/main/app/wallControl.ts).
 *
 * Also the wall's pairing: a six-digit code the wall shows; a phone or presenter that sends it
 * gets a session for that wall, and acts over the hub need one. Codes change every
 * `codeTtlMs` and after each pairing; wrong codes are limited per wall so the code cannot be
 * guessed by trying.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { AckVia } from '../../shared/alerts/types';
import { stepPage, type ControlVia, type WallAction, type WallPairing, type WallState } from '../../shared/control/types';
import type { IsoDate } from '../../shared/readModel';
import { PAGE_IDS, type PageId } from '../../shared/wall/pages';
import { UnknownWallError } from '../../shared/wall/profile';

export interface WallControlOptions {
  /** The wall ids the configuration serves; acting on another is refused. Default: any valid id, up to 50 walls. */
  walls?: () => readonly string[];
  /** A wall's rotation order. Default: every page. */
  pagesOf?: (wall: string) => readonly PageId[];
  /** True when the end of `date` is in the past (a look back at all); otherwise `asOf.set` is live. */
  isPast?: (date: IsoDate) => boolean;
  /** Acknowledges an alert (the core's alert engine); throws when it cannot. */
  acknowledge?: (wall: string, alertId: string, via: AckVia) => void;
  now?: () => number;
  codeTtlMs?: number;
  sessionTtlMs?: number;
}

export class ControlError extends Error {
  override readonly name = 'ControlError';
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 429,
    readonly retryAfterSec?: number,
  ) {
    super(message);
  }
}

type StateListener = (state: WallState) => void;
type PairingListener = (pairing: WallPairing) => void;

interface Pairing {
  code: string;
  expiresAt: number;
  /** Times of recent wrong codes (for the limit). */
  failures: number[];
  timer: ReturnType<typeof setTimeout> | null;
}

const MAX_WALLS = 50;
const MAX_SESSIONS = 500;
/** Wrong codes allowed per wall per minute: 5 a minute makes a million codes ~140 days of trying. */
const MAX_FAILURES_PER_MIN = 5;
const DEFAULT_CODE_TTL_MS = 10 * 60_000;
const DEFAULT_SESSION_TTL_MS = 12 * 3600_000;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export class WallControl {
  private readonly states = new Map<string, WallState>();
  private readonly stateListeners = new Map<string, Set<StateListener>>();
  private readonly pairingListeners = new Map<string, Set<PairingListener>>();
  private readonly pairings = new Map<string, Pairing>();
  /** sha256(session token) → its wall and expiry: the token itself is never kept. */
  private readonly sessions = new Map<string, { wall: string; expiresAt: number }>();
  private readonly now: () => number;
  private closed = false;

  constructor(private readonly opts: WallControlOptions = {}) {
    this.now = opts.now ?? Date.now;
  }

  private check(wall: string): void {
    if (this.opts.walls) {
      const known = this.opts.walls();
      if (!known.includes(wall)) throw new UnknownWallError(wall, known);
    } else if (!this.states.has(wall) && this.states.size >= MAX_WALLS) {
      throw new ControlError(`too many walls (${MAX_WALLS}); configure wall profiles`, 409);
    }
  }

  private pagesOf(wall: string): PageId[] {
    const pages = this.opts.pagesOf?.(wall) ?? PAGE_IDS;
    return pages.length ? [...pages] : [...PAGE_IDS];
  }

  /** The wall's state (a fresh one, live and unheld, the first time it is asked for). */
  state(wall: string): WallState {
    this.check(wall);
    let s = this.states.get(wall);
    if (!s) {
      s = { wall, rev: 0, page: null, pages: this.pagesOf(wall), held: false, asOf: null, town: null, alert: null, updatedAt: new Date(this.now()).toISOString(), by: null };
      this.states.set(wall, s);
    }
    return s;
  }

  /** Apply one (already validated) action; returns the new state. Throws ControlError on refusal. */
  act(wall: string, action: WallAction, via: ControlVia): WallState {
    if (this.closed) throw new ControlError('wall control is closed', 409);
    const s = this.state(wall);
    const pages = this.pagesOf(wall);
    let next: Partial<WallState>;
    switch (action.type) {
      case 'page.next':
      case 'page.prev': {
        next = { page: stepPage(pages, s.page, action.type === 'page.next' ? 1 : -1) };
        // Stepping by hand holds the rotation (the leader is talking); the rotation's own step does not.
        if (via !== 'rotation') next.held = true;
        break;
      }
      case 'page.go':
        next = { page: action.page, ...(via !== 'rotation' ? { held: true } : {}) };
        break;
      case 'hold':
        next = { held: action.held ?? !s.held };
        break;
      case 'town.pick':
        // Opening a town is a leader at work: hold the rotation like any other step by hand.
        next = action.town ? { town: action.town, held: true } : { town: null };
        break;
      case 'asOf.set': {
        const past = this.opts.isPast ? this.opts.isPast(action.asOf) : true;
        next = { asOf: past ? action.asOf : null };
        break;
      }
      case 'live':
        next = { asOf: null };
        break;
      case 'alert.ack': {
        if (s.alert !== null && s.alert !== action.alertId) {
          throw new ControlError(`alert ${action.alertId.slice(0, 64)} is not the one on wall ${wall} (${s.alert})`, 409);
        }
        if (this.opts.acknowledge) {
          try {
            this.opts.acknowledge(wall, action.alertId, via === 'rotation' ? 'keyboard' : via);
          } catch (err) {
            throw new ControlError(err instanceof Error ? err.message : String(err), 404);
          }
        }
        next = { alert: null };
        break;
      }
    }
    return this.apply(wall, { ...next, pages }, via);
  }

  /** The alert the core's engine shows on a wall now (not an action: the core decides it). */
  setAlert(wall: string, alert: string | null): void {
    if (this.state(wall).alert === alert) return;
    this.apply(wall, { alert }, null);
  }

  /** Walls that have a state (someone looked at or acted on them). */
  get walls(): string[] {
    return [...this.states.keys()];
  }

  private apply(wall: string, change: Partial<WallState>, by: ControlVia | null): WallState {
    const s = this.state(wall);
    const changed = (Object.keys(change) as Array<keyof WallState>).some((k) => JSON.stringify(change[k]) !== JSON.stringify(s[k]));
    if (!changed) return s;
    const next: WallState = { ...s, ...change, wall, rev: s.rev + 1, updatedAt: new Date(this.now()).toISOString(), by };
    this.states.set(wall, next);
    for (const l of this.stateListeners.get(wall) ?? []) {
      try {
        l(next);
      } catch {
        /* one broken listener must not stop the others */
      }
    }
    return next;
  }

  /** Told every new state of `wall`, starting with the current one. */
  subscribe(wall: string, listener: StateListener): () => void {
    const current = this.state(wall);
    let set = this.stateListeners.get(wall);
    if (!set) this.stateListeners.set(wall, (set = new Set()));
    set.add(listener);
    listener(current);
    return () => {
      set.delete(listener);
    };
  }

  // ---- pairing ----

  private currentPairing(wall: string): Pairing {
    this.check(wall);
    let p = this.pairings.get(wall);
    if (!p || p.expiresAt <= this.now()) p = this.newCode(wall, p?.failures ?? []);
    return p;
  }

  private newCode(wall: string, failures: number[]): Pairing {
    const old = this.pairings.get(wall);
    if (old?.timer) clearTimeout(old.timer);
    const ttl = this.opts.codeTtlMs ?? DEFAULT_CODE_TTL_MS;
    const p: Pairing = { code: String(randomInt(0, 1_000_000)).padStart(6, '0'), expiresAt: this.now() + ttl, failures, timer: null };
    this.pairings.set(wall, p);
    // Screens showing the code get the next one when it expires, while anyone listens.
    if (!this.closed && (this.pairingListeners.get(wall)?.size ?? 0) > 0) {
      p.timer = setTimeout(() => this.rotate(wall), ttl);
      p.timer.unref?.();
    }
    for (const l of this.pairingListeners.get(wall) ?? []) l(this.describePairing(wall, p));
    return p;
  }

  private rotate(wall: string): void {
    this.newCode(wall, this.pairings.get(wall)?.failures ?? []);
  }

  private describePairing(wall: string, p: Pairing): WallPairing {
    return { wall, code: p.code, expiresAt: new Date(p.expiresAt).toISOString() };
  }

  /** The code the wall shows now. Only for screens allowed to show it (the hub decides which). */
  pairing(wall: string): WallPairing {
    return this.describePairing(wall, this.currentPairing(wall));
  }

  /** Told the code now and each new one; a wall's display listens while it is open. */
  onPairing(wall: string, listener: PairingListener): () => void {
    const p = this.currentPairing(wall);
    let set = this.pairingListeners.get(wall);
    if (!set) this.pairingListeners.set(wall, (set = new Set()));
    set.add(listener);
    if (!p.timer && !this.closed) {
      p.timer = setTimeout(() => this.rotate(wall), Math.max(0, p.expiresAt - this.now()));
      p.timer.unref?.();
    }
    listener(this.describePairing(wall, p));
    return () => {
      set.delete(listener);
    };
  }

  /**
   * A controller sent `code` for `wall`: a new session token when it is the code on the wall
   * (which then changes, so a code pairs one device), else a refusal.
   */
  pair(wall: string, code: string): { token: string; expiresAt: string } {
    const p = this.currentPairing(wall);
    const now = this.now();
    p.failures = p.failures.filter((t) => t > now - 60_000);
    if (p.failures.length >= MAX_FAILURES_PER_MIN) {
      throw new ControlError(`too many wrong codes for wall ${wall}: try again in a minute`, 429, Math.ceil((p.failures[0] + 60_000 - now) / 1000));
    }
    if (code !== p.code) {
      p.failures.push(now);
      throw new ControlError(`wrong code for wall ${wall}: enter the six digits shown on the wall`, 403);
    }
    this.newCode(wall, p.failures);
    const token = randomBytes(24).toString('base64url');
    const expiresAt = now + (this.opts.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS);
    this.pruneSessions();
    this.sessions.set(sha256(token), { wall, expiresAt });
    return { token, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** Whether `token` is a live session for `wall`. */
  isPaired(wall: string, token: string | undefined | null): boolean {
    if (!token || token.length > 100) return false;
    const s = this.sessions.get(sha256(token));
    return s !== undefined && s.wall === wall && s.expiresAt > this.now();
  }

  /** End a session (the remote's "unpair"). */
  unpair(token: string): void {
    this.sessions.delete(sha256(token));
  }

  private pruneSessions(): void {
    const now = this.now();
    for (const [k, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(k);
    // Oldest first (insertion order): a flood of pairings cannot grow memory without bound.
    while (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
  }

  close(): void {
    this.closed = true;
    for (const p of this.pairings.values()) if (p.timer) clearTimeout(p.timer);
    this.stateListeners.clear();
    this.pairingListeners.clear();
  }
}
