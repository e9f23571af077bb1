-- Schema 40: the wall on duty — alerts raised for walls, the facts they carry, what the alert
-- engine has already seen, and what each wall showed when. Written by src/core/alerts and
-- src/core/wallLog; nothing here comes from a source, so retention is by age only.

-- One alert on one wall. Acknowledged or expired once; both stay recorded.
CREATE TABLE wall_alerts (
  id          TEXT PRIMARY KEY,
  wall        TEXT NOT NULL,
  raised_at   INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  level       TEXT NOT NULL,
  acked_at    INTEGER,
  acked_via   TEXT,
  -- Set by the engine once an unacknowledged alert's time is up (logged once).
  expired_at  INTEGER
);
CREATE INDEX wall_alerts_wall_raised ON wall_alerts (wall, raised_at);

-- Facts each wall received: alert_id NULL while held back by the rate limit. The primary key
-- is what makes a wall receive a fact once, however often the engine finds it again.
CREATE TABLE wall_alert_facts (
  wall      TEXT NOT NULL,
  key       TEXT NOT NULL,
  at        INTEGER NOT NULL,
  level     TEXT NOT NULL,
  fact      TEXT NOT NULL,   -- JSON AlertFact
  alert_id  TEXT,
  PRIMARY KEY (wall, key)
) WITHOUT ROWID;
CREATE INDEX wall_alert_facts_alert ON wall_alert_facts (alert_id);

-- The engine's memory between evaluations: warnings seen, each town's last level, KPI
-- breaches under way, sources seen down — so a restart neither repeats an alert nor misses one.
CREATE TABLE alert_watch (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL,      -- JSON
  at     INTEGER NOT NULL
) WITHOUT ROWID;

-- What each wall showed, when: its own reports and the alerts it was given.
CREATE TABLE wall_log (
  id      INTEGER PRIMARY KEY,
  wall    TEXT NOT NULL,
  at      INTEGER NOT NULL,
  kind    TEXT NOT NULL,
  detail  TEXT NOT NULL      -- JSON WallLogEntry without `at`
);
CREATE INDEX wall_log_wall_at ON wall_log (wall, at);
CREATE INDEX wall_log_at ON wall_log (at);
