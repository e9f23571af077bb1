/**
 * Alerts as they cross either front door. The core finds facts (a new warning, a town's level
 * rising, a source down, a KPI past its threshold), gives each wall the facts its rules accept,
 * and groups them into alerts; the wall shows one alert at a time until it is acknowledged or
 * its time is up.
 */
import type { IndicatorId, Level } from '../contract';
import type { IsoDate, IsoTime, TownRef } from '../readModel';
import type { AlertKpi } from './config';

/** Why, in one line: the indicator pushing the town's score up most (the risk engine's explanation), else the source's own text. */
export interface AlertCause {
  contributor: { indicator: IndicatorId; value: number; baseline: number; ratio: number } | null;
  /** The source's cause analysis, cut to its first sentence. */
  text: string | null;
}

interface FactBase {
  /** Stable identity: a wall receives each fact once, across restarts. */
  key: string;
  level: Level;
  /** When the core found it. */
  at: IsoTime;
}

export type AlertFact =
  | (FactBase & { kind: 'warning'; town: TownRef; warningId: string; title: string; cause: AlertCause })
  | (FactBase & { kind: 'levelRise'; town: TownRef; from: Level; weekStart: IsoDate; cause: AlertCause })
  | (FactBase & { kind: 'sourceDown'; source: string; downSince: IsoTime; lastError: string | null })
  | (FactBase & { kind: 'kpi'; kpi: AlertKpi; value: number; threshold: number; direction: 'above' | 'below' });

export type AlertFactKind = AlertFact['kind'];

/** How a wall's alert was acknowledged: which control sent it. */
export const ACK_VIAS = ['keyboard', 'clicker', 'presenter', 'remote'] as const;
export type AckVia = (typeof ACK_VIAS)[number];

export interface AlertView {
  id: string;
  wall: string;
  raisedAt: IsoTime;
  /** Last time facts joined it. */
  updatedAt: IsoTime;
  /** It leaves the wall then, acknowledged or not. */
  expiresAt: IsoTime;
  /** The worst level among its facts. */
  level: Level;
  /** Facts it carries: 1 for a single alert, more for a summary. */
  count: number;
  /** The facts, worst first (at most ALERT_FACTS_SHOWN). */
  facts: AlertFact[];
  byLevel: Partial<Record<Level, number>>;
  /** Towns and sources it names, worst first, each once. */
  subjects: string[];
  state: 'open' | 'acknowledged' | 'expired';
  ack: { at: IsoTime; via: AckVia } | null;
}

export const ALERT_FACTS_SHOWN = 20;

export interface AlertsModel {
  now: IsoTime;
  wall: string;
  /** What the wall shows now: the newest open alert, or null. */
  active: AlertView | null;
  /** Other open alerts behind it (shown after it is acknowledged). */
  waiting: number;
  /** Facts held back by the rate limit, to come as one summary. */
  held: number;
  /** The latest alerts of this wall, newest first, for the diagnostics page. */
  recent: AlertView[];
}
