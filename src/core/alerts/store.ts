/**
 * The alert engine's tables (migration 040): alerts per wall, the facts each wall received,
 * and the engine's memory between evaluations. Statements are prepared once; callers wrap
 * related writes in `transaction` so a crash leaves either all of an evaluation or none.
 */
import type { Database } from 'better-sqlite3';
import type { Level } from '../../shared/contract';
import type { AckVia, AlertFact } from '../../shared/alerts/types';

export interface AlertRow {
  id: string;
  wall: string;
  raised_at: number;
  updated_at: number;
  expires_at: number;
  level: Level;
  acked_at: number | null;
  acked_via: AckVia | null;
  expired_at: number | null;
}

export interface FactRow {
  wall: string;
  key: string;
  at: number;
  level: Level;
  fact: string;
  alert_id: string | null;
}

export function createAlertStore(db: Database) {
  const s = {
    watchGet: db.prepare<[string], { value: string }>('SELECT value FROM alert_watch WHERE key = ?'),
    watchSet: db.prepare<[string, string, number]>(
      'INSERT INTO alert_watch (key, value, at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, at = excluded.at',
    ),
    watchDelete: db.prepare<[string]>('DELETE FROM alert_watch WHERE key = ?'),
    watchPrefix: db.prepare<[string, string], { key: string; value: string }>('SELECT key, value FROM alert_watch WHERE key >= ? AND key < ?'),
    factInsert: db.prepare<[string, string, number, Level, string]>(
      'INSERT OR IGNORE INTO wall_alert_facts (wall, key, at, level, fact, alert_id) VALUES (?, ?, ?, ?, ?, NULL)',
    ),
    held: db.prepare<[string], FactRow>('SELECT * FROM wall_alert_facts WHERE wall = ? AND alert_id IS NULL ORDER BY at, key'),
    heldCount: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM wall_alert_facts WHERE wall = ? AND alert_id IS NULL'),
    attach: db.prepare<[string, string]>('UPDATE wall_alert_facts SET alert_id = ? WHERE wall = ? AND alert_id IS NULL'),
    factsOf: db.prepare<[string], FactRow>('SELECT * FROM wall_alert_facts WHERE alert_id = ? ORDER BY at, key'),
    alertInsert: db.prepare<[string, string, number, number, number, Level]>(
      'INSERT INTO wall_alerts (id, wall, raised_at, updated_at, expires_at, level) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    alertUpdate: db.prepare<[number, number, Level, string]>('UPDATE wall_alerts SET updated_at = ?, expires_at = ?, level = ? WHERE id = ?'),
    alertGet: db.prepare<[string], AlertRow>('SELECT * FROM wall_alerts WHERE id = ?'),
    open: db.prepare<[string, number], AlertRow>(
      'SELECT * FROM wall_alerts WHERE wall = ? AND acked_at IS NULL AND expires_at > ? ORDER BY raised_at DESC, id DESC',
    ),
    raisedSince: db.prepare<[string, number], { n: number; first: number | null }>(
      'SELECT count(*) AS n, min(raised_at) AS first FROM wall_alerts WHERE wall = ? AND raised_at > ?',
    ),
    recent: db.prepare<[string, number], AlertRow>('SELECT * FROM wall_alerts WHERE wall = ? ORDER BY raised_at DESC, id DESC LIMIT ?'),
    onScreenAt: db.prepare<[string, number, number, number], AlertRow>(
      `SELECT * FROM wall_alerts WHERE wall = ? AND raised_at <= ? AND (acked_at IS NULL OR acked_at > ?) AND expires_at > ?
       ORDER BY raised_at DESC, id DESC LIMIT 1`,
    ),
    ack: db.prepare<[number, AckVia, string]>('UPDATE wall_alerts SET acked_at = ?, acked_via = ? WHERE id = ? AND acked_at IS NULL'),
    dueToExpire: db.prepare<[number], AlertRow>('SELECT * FROM wall_alerts WHERE acked_at IS NULL AND expired_at IS NULL AND expires_at <= ?'),
    markExpired: db.prepare<[number, string]>('UPDATE wall_alerts SET expired_at = ? WHERE id = ?'),
    pruneFacts: db.prepare<[number]>('DELETE FROM wall_alert_facts WHERE at < ? AND alert_id IS NOT NULL'),
    pruneAlerts: db.prepare<[number]>('DELETE FROM wall_alerts WHERE raised_at < ?'),
  };

  return {
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
    watch<T>(key: string): T | null {
      const row = s.watchGet.get(key);
      return row ? (JSON.parse(row.value) as T) : null;
    },
    setWatch(key: string, value: unknown, at: number): void {
      s.watchSet.run(key, JSON.stringify(value), at);
    },
    deleteWatch(key: string): void {
      s.watchDelete.run(key);
    },
    /** Every watch entry whose key starts with `prefix`. */
    watchByPrefix<T>(prefix: string): Map<string, T> {
      const out = new Map<string, T>();
      for (const r of s.watchPrefix.all(prefix, `${prefix}\uffff`)) out.set(r.key, JSON.parse(r.value) as T);
      return out;
    },
    /** Gives a wall a fact; false when it already had it (held or alerted). */
    offer(wall: string, fact: AlertFact, at: number): boolean {
      return s.factInsert.run(wall, fact.key, at, fact.level, JSON.stringify(fact)).changes === 1;
    },
    held(wall: string): FactRow[] {
      return s.held.all(wall);
    },
    heldCount(wall: string): number {
      return s.heldCount.get(wall)?.n ?? 0;
    },
    /** Moves every held fact of the wall into the alert. */
    attachHeld(wall: string, alertId: string): void {
      s.attach.run(alertId, wall);
    },
    factsOf(alertId: string): AlertFact[] {
      return s.factsOf.all(alertId).map((r) => JSON.parse(r.fact) as AlertFact);
    },
    insertAlert(a: { id: string; wall: string; at: number; expiresAt: number; level: Level }): void {
      s.alertInsert.run(a.id, a.wall, a.at, a.at, a.expiresAt, a.level);
    },
    updateAlert(id: string, at: number, expiresAt: number, level: Level): void {
      s.alertUpdate.run(at, expiresAt, level, id);
    },
    alert(id: string): AlertRow | null {
      return s.alertGet.get(id) ?? null;
    },
    /** Unacknowledged alerts still in their time, newest first. */
    open(wall: string, now: number): AlertRow[] {
      return s.open.all(wall, now);
    },
    raisedSince(wall: string, since: number): { n: number; first: number | null } {
      return s.raisedSince.get(wall, since) ?? { n: 0, first: null };
    },
    recent(wall: string, limit: number): AlertRow[] {
      return s.recent.all(wall, limit);
    },
    /** The alert a wall was showing at `at` (raised, not yet acknowledged, not yet expired). */
    onScreenAt(wall: string, at: number): AlertRow | null {
      return s.onScreenAt.get(wall, at, at, at) ?? null;
    },
    /** True when this call acknowledged it (false: it already was). */
    acknowledge(id: string, at: number, via: AckVia): boolean {
      return s.ack.run(at, via, id).changes === 1;
    },
    /** Unacknowledged alerts whose time is up and that are not yet marked so. */
    dueToExpire(now: number): AlertRow[] {
      return s.dueToExpire.all(now);
    },
    markExpired(id: string, at: number): void {
      s.markExpired.run(at, id);
    },
    /** Alerts and their facts raised before `before` (the engine's memory is pruned with the warnings it remembers). */
    prune(before: number): void {
      s.pruneFacts.run(before);
      s.pruneAlerts.run(before);
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;
