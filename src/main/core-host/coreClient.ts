import type { WallReport } from '../../shared/wall/history';
import type { QueryName } from '../../shared/queries';
import type { AckVia } from '../../shared/alerts/types';
import type { CoreToMain, MainToCore } from './messages';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
  sent: boolean;
  message: Extract<MainToCore, { type: 'query' | 'ack' | 'report' }>;
}

/**
 * Main's side of the query protocol with the core process: numbers each query, matches the
 * answers, times out, and survives the process dying. Queries asked while the core is
 * (re)starting wait for it (up to the timeout) rather than failing at once, so a renderer that
 * asks during a restart gets its answer a moment later. Pure: the port is injected.
 */
export class CoreClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private send: ((msg: MainToCore) => void) | null = null;

  constructor(private readonly timeoutMs = 20_000) {}

  get connected(): boolean {
    return this.send !== null;
  }

  /** The core said it is ready on this port: send what was waiting. */
  attach(send: (msg: MainToCore) => void): void {
    this.send = send;
    for (const p of this.pending.values()) {
      if (!p.sent) {
        p.sent = true;
        send(p.message);
      }
    }
  }

  /** The core process exited: answers to sent queries will never come. */
  detach(reason: string): void {
    this.send = null;
    for (const [id, p] of this.pending) {
      if (p.sent) {
        clearTimeout(p.timer);
        this.pending.delete(id);
        p.reject(new Error(`core process stopped before answering (${reason})`));
      }
    }
  }

  query(name: QueryName, params: Record<string, unknown>): Promise<unknown> {
    const id = this.nextId++;
    return this.request({ type: 'query', id, name, params }, `query ${name}`);
  }

  /** Acknowledge a wall's alert in the core's alert engine. */
  acknowledge(wall: string, alertId: string, via: AckVia): Promise<unknown> {
    const id = this.nextId++;
    return this.request({ type: 'ack', id, wall, alertId, via }, `alert.ack ${alertId.slice(0, 64)}`);
  }

  /** Record what a wall shows, in the core's wall history. */
  report(report: WallReport): Promise<unknown> {
    const id = this.nextId++;
    return this.request({ type: 'report', id, report }, `wall report ${report.wall}`);
  }

  private request(message: Pending['message'], what: string): Promise<unknown> {
    const id = message.id;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${what}: no answer from the core within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      const p: Pending = { resolve, reject, timer, sent: false, message };
      this.pending.set(id, p);
      if (this.send) {
        p.sent = true;
        this.send(message);
      }
    });
  }

  /** Feed every message from the core here; returns false for messages that are not answers. */
  handle(msg: CoreToMain): boolean {
    if (msg.type !== 'result') return false;
    const p = this.pending.get(msg.id);
    if (!p) return true; // answered after its timeout: nobody is waiting any more
    clearTimeout(p.timer);
    this.pending.delete(msg.id);
    if (msg.ok) p.resolve(msg.value);
    else p.reject(new Error(msg.error));
    return true;
  }

  /** App quitting: fail everything still waiting. */
  close(): void {
    this.send = null;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error('the app is shutting down'));
    }
    this.pending.clear();
  }
}
