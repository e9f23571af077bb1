-- District Cockpit cache, schema 1. Times are INTEGER milliseconds since the epoch (UTC);
-- dates (week starts, days) are TEXT 'YYYY-MM-DD' in Asia/Shanghai. Every record row keeps the
-- source it came from. Lists inside a record (departments, history) are JSON text.

CREATE TABLE source_health (
  source_id            TEXT PRIMARY KEY,
  url                  TEXT NOT NULL,
  state                TEXT NOT NULL CHECK (state IN ('ok', 'degraded', 'down')),
  last_success_at      INTEGER,
  last_attempt_at      INTEGER,
  last_error           TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  next_attempt_at      INTEGER
);

-- One row per source × feed or snapshot: where incremental sync resumes, and its own health.
CREATE TABLE endpoint_state (
  source_id         TEXT NOT NULL,
  endpoint          TEXT NOT NULL,
  cursor            TEXT,
  etag              TEXT,
  state             TEXT NOT NULL DEFAULT 'ok' CHECK (state IN ('ok', 'degraded', 'down')),
  last_success_at   INTEGER,
  last_attempt_at   INTEGER,
  last_error        TEXT,
  quarantined_total INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (source_id, endpoint)
);

-- Last good copy of each snapshot document (divisions, vocabulary, followers, kpis).
CREATE TABLE snapshots (
  source_id  TEXT NOT NULL,
  name       TEXT NOT NULL,
  etag       TEXT,
  json       TEXT NOT NULL,
  fetched_at INTEGER NOT NULL,
  PRIMARY KEY (source_id, name)
);

-- The source's own KPIs over time, for looking back.
CREATE TABLE kpi_history (
  source_id TEXT NOT NULL,
  at        INTEGER NOT NULL,
  json      TEXT NOT NULL,
  PRIMARY KEY (source_id, at)
);

CREATE TABLE towns (
  code       TEXT PRIMARY KEY,
  source_id  TEXT NOT NULL,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL,
  lon        REAL NOT NULL,
  lat        REAL NOT NULL,
  population INTEGER NOT NULL
);

CREATE TABLE communities (
  code      TEXT PRIMARY KEY,
  source_id TEXT NOT NULL,
  town_code TEXT NOT NULL,
  name      TEXT NOT NULL,
  kind      TEXT NOT NULL
);

CREATE TABLE risk_periods (
  id               TEXT NOT NULL,
  source_id        TEXT NOT NULL,
  town_code        TEXT NOT NULL,
  week_start       TEXT NOT NULL,
  indicators       TEXT NOT NULL,  -- JSON {indicatorId: value}
  dimension_scores TEXT,           -- JSON, when the source computes them
  composite_score  REAL,
  level            TEXT,
  updated_at       INTEGER NOT NULL,
  PRIMARY KEY (source_id, id)
);
CREATE UNIQUE INDEX risk_periods_week_town ON risk_periods (week_start, town_code, source_id);

CREATE TABLE warnings (
  id          TEXT NOT NULL,
  source_id   TEXT NOT NULL,
  town_code   TEXT NOT NULL,
  level       TEXT NOT NULL,
  kind        TEXT NOT NULL,
  dimension   TEXT NOT NULL,
  indicator   TEXT,
  status      TEXT NOT NULL,
  issued_at   INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  json        TEXT NOT NULL,       -- the whole validated record (cause analysis, history, ...)
  PRIMARY KEY (source_id, id)
);
CREATE INDEX warnings_status ON warnings (status, issued_at);

-- Every status a warning has been seen in, kept even when the source later drops its history.
CREATE TABLE warning_status_history (
  source_id  TEXT NOT NULL,
  warning_id TEXT NOT NULL,
  status     TEXT NOT NULL,
  at         INTEGER NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (source_id, warning_id, status, at)
);

CREATE TABLE events (
  id             TEXT NOT NULL,
  source_id      TEXT NOT NULL,
  type           TEXT NOT NULL,
  title          TEXT NOT NULL,
  town_code      TEXT NOT NULL,
  community      TEXT NOT NULL,
  origin         TEXT NOT NULL,    -- the record's `source` field (grid, hotline, ...)
  status         TEXT NOT NULL,
  reported_at    INTEGER NOT NULL,
  accepted_at    INTEGER,
  dispatched_at  INTEGER,
  handled_at     INTEGER,
  closed_at      INTEGER,
  departments    TEXT NOT NULL,    -- JSON array
  handlers       TEXT NOT NULL,    -- JSON array of person ids
  accept_overdue INTEGER NOT NULL,
  handle_overdue INTEGER NOT NULL,
  satisfaction   TEXT,
  updated_at     INTEGER NOT NULL,
  PRIMARY KEY (source_id, id)
) WITHOUT ROWID;
CREATE INDEX events_reported ON events (reported_at);
CREATE INDEX events_town_status ON events (town_code, status);
CREATE INDEX events_status ON events (status);
CREATE INDEX events_closed ON events (closed_at);

CREATE TABLE personnel (
  id             TEXT NOT NULL,
  source_id      TEXT NOT NULL,
  name           TEXT NOT NULL,
  role           TEXT NOT NULL,
  town_code      TEXT NOT NULL,
  department     TEXT NOT NULL,
  registered_at  INTEGER NOT NULL,
  active         INTEGER NOT NULL,
  score          REAL NOT NULL,
  events_handled INTEGER NOT NULL,
  metrics        TEXT NOT NULL,    -- JSON
  updated_at     INTEGER NOT NULL,
  PRIMARY KEY (source_id, id)
);
CREATE INDEX personnel_score ON personnel (score DESC);

CREATE TABLE consultations (
  id           TEXT NOT NULL,
  source_id    TEXT NOT NULL,
  topic        TEXT NOT NULL,
  category     TEXT NOT NULL,
  town_code    TEXT NOT NULL,
  community    TEXT NOT NULL,
  status       TEXT NOT NULL,
  scheduled_at INTEGER NOT NULL,
  started_at   INTEGER,
  ended_at     INTEGER,
  viewers      INTEGER NOT NULL,
  experts      TEXT NOT NULL,      -- JSON array
  outcome      TEXT,
  replay_url   TEXT,
  updated_at   INTEGER NOT NULL,
  PRIMARY KEY (source_id, id)
);
CREATE INDEX consultations_status ON consultations (status, scheduled_at);

CREATE TABLE followers (
  source_id TEXT NOT NULL,
  date      TEXT NOT NULL,
  followers INTEGER NOT NULL,
  PRIMARY KEY (source_id, date)
);

CREATE TABLE disputes (
  id                 TEXT NOT NULL,
  source_id          TEXT NOT NULL,
  town_code          TEXT NOT NULL,
  community          TEXT NOT NULL,
  category           TEXT NOT NULL,
  level              TEXT NOT NULL,
  status             TEXT NOT NULL,
  received_at        INTEGER NOT NULL,
  resolved_at        INTEGER,
  resolved_at_source INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  PRIMARY KEY (source_id, id)
);
CREATE INDEX disputes_received ON disputes (received_at);

-- Records that failed validation: kept for the operator with the reason, never shown as data.
CREATE TABLE quarantine (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  source_id   TEXT NOT NULL,
  endpoint    TEXT NOT NULL,
  record_id   TEXT,
  reason      TEXT NOT NULL,
  payload     TEXT NOT NULL,       -- first 4 kB of the record as received
  received_at INTEGER NOT NULL
);
CREATE INDEX quarantine_endpoint ON quarantine (source_id, endpoint);
