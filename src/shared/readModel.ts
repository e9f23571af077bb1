/**
 * The read model: what each screen shows, computed in the core from the SQLite cache and
 * carried unchanged over either front door (Electron IPC or the hub's HTTP); the queries that
 * answer with them are in ./queries.ts. Every model says when its data is from (`asOf`); the
 * renderer never shows a number without it.
 */
import type { Locale } from './i18n';
import type {
  ConsultationCategory,
  DimensionId,
  EventStatus,
  EventType,
  IndicatorId,
  Level,
  PersonnelRole,
  Vocabulary,
  WarningStatus,
} from './contract';
import type { LookbackInfo } from './lookback';

export type { LookbackInfo } from './lookback';
export type IsoTime = string;
export type IsoDate = string;

/** One source's sync health, as persisted by the sync engine. */
export interface SourceHealth {
  sourceId: string;
  /** Base URL without credentials. */
  url: string;
  state: 'ok' | 'degraded' | 'down';
  lastSuccessAt: IsoTime | null;
  lastAttemptAt: IsoTime | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextAttemptAt: IsoTime | null;
  /** Per feed/snapshot: the same, finer grained. */
  endpoints: Array<{
    name: string;
    state: 'ok' | 'degraded' | 'down';
    lastSuccessAt: IsoTime | null;
    lastError: string | null;
    quarantined: number;
  }>;
}

/** How the renderer should mark data: derived from health and the poll interval. */
export type FreshnessState = 'fresh' | 'stale' | 'offline';
export interface Freshness {
  sourceId: string;
  state: FreshnessState;
  /** Last time data from this source was confirmed current. */
  asOf: IsoTime | null;
  /** When it stopped being fresh (for "stale since hh:mm"). */
  staleSince: IsoTime | null;
}

export interface HealthModel {
  now: IsoTime;
  sources: SourceHealth[];
  freshness: Freshness[];
  cache: { path: string; sizeBytes: number; schemaVersion: number; rebuiltFrom: string | null };
  /** Stored rows the screens answer without (they break the contract's bounds), and why. */
  leftOut?: Array<{ what: string; reason: string }>;
  /** `count`: every record ever quarantined; `kept`: the newest rows still held (quarantine is bounded). */
  quarantine: Array<{ endpoint: string; count: number; kept: number; lastReason: string | null }>;
  /** Added by the core host (src/core/host): the configuration in use and the last one refused. */
  config?: ConfigStatus;
}

/** Which configuration the core runs on, and the last one that could not be started (and why). */
export interface ConfigStatus {
  appliedAt: IsoTime;
  /** Cleared when a later configuration starts. */
  rejected: { error: string; at: IsoTime } | null;
}

export interface TownRef {
  code: string;
  name: string;
}

/** Static-ish context every page needs: district, towns with seats, vocabulary, weeks. */
export interface MetaModel {
  asOf: IsoTime | null;
  district: { code: string; name: string } | null;
  towns: Array<TownRef & { kind: string; seat: [number, number]; population: number }>;
  vocabulary: Vocabulary;
  /** Week starts with risk data, oldest first. */
  weeks: IsoDate[];
}

/** One town's risk in one week. Scores are 0–100, higher = riskier. */
export interface TownRisk extends TownRef {
  weekStart: IsoDate;
  level: Level;
  score: number;
  dimensionScores: Record<DimensionId, number>;
  dimensionLevels: Record<DimensionId, Level>;
  indicators: Record<IndicatorId, number>;
  /** Per indicator: the town's baseline (expected value) and the level of the deviation. */
  baselines: Record<IndicatorId, number>;
  indicatorLevels: Record<IndicatorId, Level>;
  /** 'source' when the source gave the level, 'engine' when the cockpit computed it. */
  levelFrom: 'source' | 'engine';
}

/** Why a town has its colour: the indicators that push its score up the most. */
export interface Explanation {
  townCode: string;
  weekStart: IsoDate;
  level: Level;
  score: number;
  contributors: Array<{
    indicator: IndicatorId;
    dimension: DimensionId;
    value: number;
    baseline: number;
    /** value / baseline for 'higher is worse', baseline / value for 'lower is worse'. */
    ratio: number;
    /** Points this indicator adds to the composite score. */
    contribution: number;
  }>;
}

export interface Forecast {
  townCode: string;
  weekStart: IsoDate;
  score: number;
  level: Level;
  /** Name of the method, e.g. "Holt linear (α=0.5, β=0.3)". */
  method: string;
  indicators: Record<IndicatorId, number>;
}

export interface WarningView {
  id: string;
  town: TownRef;
  level: Level;
  kind: 'assessed' | 'predictive';
  dimension: DimensionId;
  indicator: IndicatorId | null;
  title: string;
  issuedAt: IsoTime;
  causeAnalysis: string;
  rectification: string;
  communities: string[];
  status: WarningStatus;
  history: Array<{ status: WarningStatus; at: IsoTime; note: string }>;
  jointSupervision: { departments: string[]; startedAt: IsoTime; note?: string } | null;
  /** Raised by the cockpit's risk engine from a forecast, not by the source. */
  fromEngine: boolean;
}

export interface EventKpis {
  accepted: number;
  acceptOverdueRatePct: number;
  satisfactionRatePct: number;
  dispatchedPersonnel: number;
  reportedToday: number;
  open: number;
}

export interface ConsultationKpis {
  followers: number;
  held: number;
  successRatePct: number;
  live: number;
  upcoming: number;
}

export interface OverviewModel {
  asOf: IsoTime | null;
  /** What a look back answered for (the params' `asOf`); null when live. */
  lookback: LookbackInfo | null;
  weekStart: IsoDate | null;
  towns: TownRisk[];
  levelCounts: Record<Level, number>;
  /** The 12 indicators district-wide this week against last week. */
  indicators: Array<{
    id: IndicatorId;
    value: number;
    previous: number | null;
    worstTown: TownRef | null;
  }>;
  warnings: WarningView[];
  events: EventKpis;
  consultations: ConsultationKpis;
}

export interface RiskModel {
  asOf: IsoTime | null;
  /** What a look back answered for (the params' `asOf`); null when live. */
  lookback: LookbackInfo | null;
  weekStart: IsoDate | null;
  towns: TownRisk[];
  trends: Array<{
    town: TownRef;
    series: Array<{ weekStart: IsoDate; score: number; level: Level }>;
    forecast: Forecast | null;
  }>;
  explanations: Explanation[];
  /** Predictive warnings (预测预警) the engine raises from forecasts. */
  predictiveWarnings: WarningView[];
}

export interface EventView {
  id: string;
  type: EventType;
  title: string;
  town: TownRef;
  community: string;
  status: EventStatus;
  reportedAt: IsoTime;
  acceptedAt: IsoTime | null;
  closedAt: IsoTime | null;
  departments: string[];
  acceptOverdue: boolean;
  handleOverdue: boolean;
}

export interface Percentiles {
  p50: number;
  p90: number;
  p95: number;
  count: number;
}

export interface EventsModel {
  asOf: IsoTime | null;
  /** What a look back answered for (the params' `asOf`); null when live. */
  lookback: LookbackInfo | null;
  /** Events that reached each step (cumulative funnel). */
  flow: Record<EventStatus, number>;
  kpis: EventKpis;
  latest: EventView[];
  byType: Array<{ type: EventType; count: number }>;
  byTown: Array<{ town: TownRef; total: number; open: number; last7Days: number }>;
  /** Minutes from reported to accepted. */
  timeToAcceptMin: Percentiles;
  /** Hours from reported to closed. */
  timeToCloseHours: Percentiles;
  overdue: { accept: number; handle: number; openPastLimit: number };
  /** Per day, last 30 days, local dates. */
  daily: Array<{ date: IsoDate; reported: number; closed: number }>;
  ranking: Array<{
    id: string;
    name: string;
    role: PersonnelRole;
    town: TownRef;
    department: string;
    score: number;
    eventsHandled: number;
  }>;
}

export interface ConsultationView {
  id: string;
  topic: string;
  category: ConsultationCategory;
  town: TownRef;
  community: string;
  scheduledAt: IsoTime;
  status: 'scheduled' | 'live' | 'ended' | 'cancelled';
  viewers: number;
  experts: string[];
  outcome: 'agreed' | 'partlyAgreed' | 'notAgreed' | null;
  replayUrl: string | null;
}

export interface ConsultationModel {
  asOf: IsoTime | null;
  /** What a look back answered for (the params' `asOf`); null when live. */
  lookback: LookbackInfo | null;
  kpis: ConsultationKpis;
  followersSeries: Array<{ date: IsoDate; followers: number }>;
  byCategory: Array<{ category: ConsultationCategory; held: number; successRatePct: number }>;
  live: ConsultationView[];
  upcoming: ConsultationView[];
  recent: ConsultationView[];
  disputes: {
    received: number;
    resolved: number;
    resolvedAtSource: number;
    resolvedAtSourceRatePct: number;
    byLevel: Array<{ level: 'community' | 'townCentre' | 'districtCentre'; count: number }>;
    byCategory: Array<{ category: string; count: number }>;
    byTown: Array<{ town: TownRef; received: number; resolvedAtSource: number }>;
  };
}

export interface TownDetailModel {
  asOf: IsoTime | null;
  /** What a look back answered for (the params' `asOf`); null when live. */
  lookback: LookbackInfo | null;
  town: TownRef & { kind: string; population: number };
  risk: TownRisk | null;
  explanation: Explanation | null;
  trend: Array<{ weekStart: IsoDate; score: number; level: Level }>;
  forecast: Forecast | null;
  warnings: WarningView[];
  recentEvents: EventView[];
  recentConsultations: ConsultationView[];
}

/**
 * The map to draw: town shapes as a GeoJSON FeatureCollection in WGS84 lon/lat, each feature
 * with properties { code, name }. `kind` must always be visible on the map: official
 * boundaries, towns approximated inside an official outline (近似), or the schematic (示意图).
 */
export interface MapModel {
  kind: 'official' | 'approximate' | 'schematic';
  /** The label shown on the map, e.g. "示意图 · 非标准地图". */
  labelZh: string;
  labelEn: string;
  level: 'city' | 'district';
  geojson: {
    type: 'FeatureCollection';
    features: Array<{
      type: 'Feature';
      properties: { code: string; name: string };
      geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
    }>;
  };
  /** District outline when known (approximate/official), WGS84. */
  outline: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } | null;
  /** Problems an operator should know: towns without a shape, shapes without a town, a rejected file. */
  notices: string[];
}

/**
 * The non-secret part of the configuration the renderer needs (title, locale, playlist).
 * Answered by the cockpit composition (src/core/core.ts) from its config, not by the read model.
 */
export interface UiConfigModel {
  title: string | null;
  locale: Locale;
  /** The district's time zone (config district.timeZone): clocks and dates on screen are local to it. */
  timeZone: string;
  playlist: { pages: Array<'overview' | 'risk' | 'events' | 'consultation'>; intervalSec: number; autoplay: boolean };
  /** `city`: a city boundary file is configured, so the map can drill from the city down. */
  map: { enable3d: boolean; city: boolean };
  /** Poll interval of the fastest source, seconds: how soon "stale" can be judged. */
  pollIntervalSec: number;
}

/** Told to the renderer after the core writes: which data changed, so stores refresh just that. */
export interface ChangeNotice {
  at: IsoTime;
  /** Feed, snapshot or 'health' names whose data changed (see isAffected in ./queries.ts), or '*'. */
  changed: string[];
}
