/**
 * The alert engine: on every change notice (and a periodic tick, since a source that went
 * silent sends none) it finds facts, gives each wall those its rules accept, and groups them
 * into alerts — coalesced (facts arriving while a fresh alert is on screen join it) and
 * rate-limited (past `maxPerHour` they wait and come as one summary). One definition, in the
 * core: both front doors serve what it records.
 */
import { HOUR_MS } from '../../shared/districtTime';
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { CockpitConfig } from '../../shared/config';
import type { AlertKpi, AlertsConfig } from '../../shared/alerts/config';
import type { AckVia, AlertFact, AlertsModel, AlertView } from '../../shared/alerts/types';
import type { Explanation, OverviewModel, TownRisk } from '../../shared/readModel';
import { wallAlerts, wallIds } from '../../shared/wall/profile';
import type { Logger } from '../log/logger';
import type { ReadModel } from '../readModel';
import type { WallLog } from '../wallLog/wallLog';
import { createAlertCacheReads } from './cacheReads';
import { findKpiCrossings, findLevelRises, findNewWarnings, findSourcesDown, type FinderContext, type Watch } from './finders';
import { acceptFact, kpiRulesOfAll } from './rules';
import { createAlertStore, type AlertRow } from './store';
import { alertView, subjectOf, worstLevel } from './view';

/** How often the engine looks again without a notice: source outages, held facts, expiries. */
export const ALERT_TICK_MS = 15_000;
const RECENT_ALERTS = 30;

/** Which change-notice names wake which finder. */
const WAKES = {
  warnings: ['warnings', 'divisions'],
  levels: ['riskPeriods', 'divisions', 'vocabulary'],
  kpis: ['kpis', 'events', 'consultations'],
  sources: ['health'],
};

export class UnknownAlertError extends Error {
  override readonly name = 'UnknownAlertError';
}

export interface AlertEngineOptions {
  db: Database;
  readModel: Pick<ReadModel, 'query'>;
  config: CockpitConfig;
  sourceIds: string[];
  wallLog: WallLog;
  now: () => number;
  logger: Logger;
  /** Tell both doors that alerts changed. */
  notify(changed: string[]): void;
}

export function createAlertEngine(opts: AlertEngineOptions) {
  const { db, readModel, config, now, logger, wallLog } = opts;
  const store = createAlertStore(db);
  const reads = createAlertCacheReads(db, opts.sourceIds);
  const walls = wallIds(config).map((id) => ({ id, rules: wallAlerts(config, id) }));
  const kpiRules = kpiRulesOfAll(walls.map((w) => w.rules));
  const retentionMs = Math.max(config.care.historyDays, config.cache.retentionDays) * 86_400_000;
  let timer: ReturnType<typeof setInterval> | null = null;

  const watch: Watch = {
    get: (key) => store.watch(key),
    set: (key, value) => store.setWatch(key, value, now()),
    delete: (key) => store.deleteWatch(key),
  };

  /**
   * Sources that had completed a poll of every endpoint of a group at the previous evaluation;
   * records the current set for the next one. Only what arrives after a source's first whole
   * sync is news: the notice that ends a backfill already finds the endpoint synced, so the
   * previous evaluation's answer is the one to trust.
   */
  const GROUPS = { warnings: ['warnings'], levels: ['riskPeriods'], kpis: ['kpis', 'events', 'consultations'] };
  function syncedBefore(): Record<keyof typeof GROUPS, Set<string>> {
    const out = {} as Record<keyof typeof GROUPS, Set<string>>;
    for (const [group, endpoints] of Object.entries(GROUPS) as Array<[keyof typeof GROUPS, string[]]>) {
      const key = `synced:${group}`;
      const before = store.watch<string[]>(key) ?? [];
      const sets = endpoints.map((e) => reads.syncedSources(e));
      const current = opts.sourceIds.filter((id) => sets.every((set) => set.has(id)));
      if (current.join() !== before.join()) store.setWatch(key, current, now());
      out[group] = new Set(before);
    }
    return out;
  }
  const allOf = (set: Set<string>): boolean => opts.sourceIds.every((id) => set.has(id));

  function findFacts(changed: ReadonlySet<string>): AlertFact[] {
    const wakes = (names: string[]): boolean => changed.has('*') || names.some((n) => changed.has(n));
    const before = syncedBefore();
    // Read lazily, once per evaluation: most notices need neither.
    let risk: { towns: TownRisk[]; explanations: Map<string, Explanation> } | null = null;
    const loadRisk = () => {
      if (!risk) {
        const r = readModel.query('risk', {});
        risk = { towns: r.towns, explanations: new Map(r.explanations.map((e) => [e.townCode, e])) };
      }
      return risk;
    };
    let towns: Map<string, string> | null = null;
    const ctx: FinderContext = {
      now: now(),
      watch,
      townRef: (code) => {
        towns ??= new Map(readModel.query('meta', {}).towns.map((x) => [x.code, x.name]));
        return { code, name: towns.get(code) ?? code };
      },
      explanationOf: (code) => loadRisk().explanations.get(code),
    };
    const facts: AlertFact[] = [];
    if (wakes(WAKES.warnings)) {
      const unseen = reads.unseenWarnings();
      if (unseen.length) facts.push(...findNewWarnings(ctx, unseen, before.warnings));
    }
    if (wakes(WAKES.levels)) facts.push(...findLevelRises(ctx, loadRisk().towns, allOf(before.levels)));
    if (wakes(WAKES.kpis) && kpiRules.length) {
      facts.push(...findKpiCrossings(ctx, kpiValues(readModel.query('overview', {})), kpiRules, allOf(before.kpis)));
    }
    // Outages are judged by time as well as by notices: a dead source sends none.
    if (changed.has('*') || changed.has('tick') || wakes(WAKES.sources)) {
      facts.push(...findSourcesDown(ctx, readModel.query('health', {}).sources));
    }
    return facts;
  }

  /** Gives each wall the facts its rules accept; returns the walls that got something new. */
  function offer(facts: AlertFact[]): Set<string> {
    const t = now();
    const touched = new Set<string>();
    for (const wall of walls) {
      for (const fact of facts) {
        const accepted = acceptFact(wall.rules, fact, t);
        if (accepted && store.offer(wall.id, accepted, t)) touched.add(wall.id);
      }
    }
    return touched;
  }

  /**
   * Turns a wall's held facts into an alert, or adds them to the alert on screen when it was
   * raised within `coalesceSec`; past `maxPerHour` they stay held until the hour allows one more.
   */
  function flush(wall: string, rules: AlertsConfig): boolean {
    const held = store.held(wall);
    if (!held.length) return false;
    const t = now();
    const level = worstLevel(held);
    const expiresAt = t + rules.showForSec * 1000;
    const open = store.open(wall, t)[0];
    if (open && t - open.raised_at < rules.coalesceSec * 1000) {
      store.attachHeld(wall, open.id);
      const all = store.factsOf(open.id);
      store.updateAlert(open.id, t, Math.max(open.expires_at, expiresAt), worstLevel(all));
      return true;
    }
    if (store.raisedSince(wall, t - HOUR_MS).n >= rules.maxPerHour) return false;
    const id = randomUUID();
    store.insertAlert({ id, wall, at: t, expiresAt, level });
    store.attachHeld(wall, id);
    const facts = store.factsOf(id);
    wallLog.record(wall, { kind: 'alert', alertId: id, level, count: facts.length, subjects: [...new Set(facts.map(subjectOf))].slice(0, 10) }, t);
    logger.info('alerts: raised', { wall, alert: id, level, facts: facts.length });
    return true;
  }

  /** Marks alerts whose time ran out, once, in the wall's history. */
  function expire(): boolean {
    const t = now();
    const due = store.dueToExpire(t);
    for (const a of due) {
      store.markExpired(a.id, a.expires_at);
      wallLog.record(a.wall, { kind: 'expired', alertId: a.id }, a.expires_at);
    }
    return due.length > 0;
  }

  function evaluate(changed: ReadonlySet<string>): void {
    let changedAlerts = false;
    try {
      store.transaction(() => {
        const facts = findFacts(changed);
        offer(facts);
        for (const wall of walls) changedAlerts = flush(wall.id, wall.rules) || changedAlerts;
        changedAlerts = expire() || changedAlerts;
      });
    } catch (err) {
      // An evaluation that fails leaves nothing half-written; the next notice or tick retries.
      logger.error('alerts: evaluation failed', { error: (err as Error).message });
      return;
    }
    if (changedAlerts) opts.notify(['alerts']);
  }

  const wallOf = (wall: string) => {
    const w = walls.find((x) => x.id === wall);
    if (!w) throw new UnknownAlertError(`unknown wall profile "${wall.slice(0, 40)}"`);
    return w;
  };

  const viewOf = (row: AlertRow): AlertView => alertView(row, store.factsOf(row.id), now());

  return {
    /** A change notice from the sync engine. Notices the engine itself causes are ignored. */
    onChange(changed: readonly string[]): void {
      const names = new Set(changed.filter((n) => n !== 'alerts' && n !== 'wallLog'));
      if (names.size) evaluate(names);
    },
    tick(): void {
      evaluate(new Set(['tick']));
      try {
        store.prune(now() - retentionMs);
        reads.pruneWarningWatch(now() - retentionMs);
      } catch (err) {
        logger.warn('alerts: pruning failed', { error: (err as Error).message });
      }
    },
    start(): void {
      if (timer) return;
      // The first look learns the picture already in the cache.
      evaluate(new Set(['*']));
      timer = setInterval(() => this.tick(), ALERT_TICK_MS);
      timer.unref?.();
    },
    close(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
    alerts(wall: string): AlertsModel {
      wallOf(wall);
      const t = now();
      const open = store.open(wall, t);
      return {
        now: new Date(t).toISOString(),
        wall,
        active: open[0] ? viewOf(open[0]) : null,
        waiting: Math.max(0, open.length - 1),
        held: store.heldCount(wall),
        recent: store.recent(wall, RECENT_ALERTS).map(viewOf),
      };
    },
    /** Acknowledges one alert of one wall (once; a second acknowledgement changes nothing). */
    acknowledge(wall: string, alertId: string, via: AckVia): AlertView {
      wallOf(wall);
      const row = store.alert(alertId);
      if (!row || row.wall !== wall) throw new UnknownAlertError(`wall "${wall}" has no alert ${alertId.slice(0, 64)}`);
      const t = now();
      const acked = store.transaction(() => {
        const done = store.acknowledge(alertId, t, via);
        if (done) wallLog.record(wall, { kind: 'ack', alertId, via }, t);
        return done;
      });
      if (acked) {
        logger.info('alerts: acknowledged', { wall, alert: alertId, via });
        opts.notify(['alerts']);
      }
      return viewOf(store.alert(alertId)!);
    },
    /** The alert a wall had on screen at an instant, for its history. */
    onScreenAt(wall: string, at: number) {
      const row = store.onScreenAt(wall, at);
      if (!row) return null;
      const v = viewOf(row);
      return { id: v.id, level: v.level, subjects: v.subjects, count: v.count };
    },
  };
}

export type AlertEngine = ReturnType<typeof createAlertEngine>;

function kpiValues(o: OverviewModel): Partial<Record<AlertKpi, number>> {
  // No events yet means no rates to judge.
  if (o.events.accepted === 0 && o.events.open === 0) return {};
  return {
    acceptOverdueRatePct: o.events.acceptOverdueRatePct,
    satisfactionRatePct: o.events.satisfactionRatePct,
    consultationSuccessRatePct: o.consultations.successRatePct,
    openEvents: o.events.open,
    reportedToday: o.events.reportedToday,
  };
}
