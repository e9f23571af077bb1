-- Schema 41: history for looking back (回看). Every screen can be asked "as of the end of day D"
-- and must answer what the cache knew then, not today's rows with old dates.
--
-- Small feeds keep every version the cache ever held (rows written by triggers, so no writer can
-- forget them): a record's state at time T is its latest version with updated_at <= T. The
-- sync path only ever replaces a row with a newer copy, so each trigger run is a new version.
--
-- Events are too many for a version per step; their steps carry their own times, and the three
-- facts that have none on the wire get one here, set when the cache first sees them (see
-- src/core/cache/feedRows.ts): when the event was first seen overdue for acceptance or for
-- handling, and when it was rated. With those, an event's state at any T follows from its row.

ALTER TABLE events ADD COLUMN accept_overdue_at INTEGER;
ALTER TABLE events ADD COLUMN handle_overdue_at INTEGER;
ALTER TABLE events ADD COLUMN rated_at INTEGER;

-- Rows cached before this schema: the best times their own fields allow (the same rule as a
-- first sight, feedRows.ts).
UPDATE events SET
  accept_overdue_at = CASE WHEN accept_overdue = 1 THEN coalesce(accepted_at, updated_at) END,
  handle_overdue_at = CASE WHEN handle_overdue = 1 THEN coalesce(closed_at, updated_at) END,
  rated_at = CASE WHEN satisfaction IS NOT NULL THEN updated_at END
WHERE accept_overdue = 1 OR handle_overdue = 1 OR satisfaction IS NOT NULL;

CREATE TABLE risk_period_versions (
  source_id        TEXT NOT NULL,
  id               TEXT NOT NULL,
  town_code        TEXT NOT NULL,
  week_start       TEXT NOT NULL,
  indicators       TEXT NOT NULL,
  dimension_scores TEXT,
  composite_score  REAL,
  level            TEXT,
  updated_at       INTEGER NOT NULL,
  PRIMARY KEY (source_id, id, updated_at)
) WITHOUT ROWID;

CREATE TABLE warning_versions (
  source_id  TEXT NOT NULL,
  id         TEXT NOT NULL,
  town_code  TEXT NOT NULL,
  status     TEXT NOT NULL,
  issued_at  INTEGER NOT NULL,
  json       TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (source_id, id, updated_at)
) WITHOUT ROWID;

CREATE TABLE consultation_versions (
  source_id    TEXT NOT NULL,
  id           TEXT NOT NULL,
  topic        TEXT NOT NULL,
  category     TEXT NOT NULL,
  town_code    TEXT NOT NULL,
  community    TEXT NOT NULL,
  status       TEXT NOT NULL,
  scheduled_at INTEGER NOT NULL,
  started_at   INTEGER,
  ended_at     INTEGER,
  viewers      INTEGER NOT NULL,
  experts      TEXT NOT NULL,
  outcome      TEXT,
  replay_url   TEXT,
  updated_at   INTEGER NOT NULL,
  PRIMARY KEY (source_id, id, updated_at)
) WITHOUT ROWID;

CREATE TABLE dispute_versions (
  source_id          TEXT NOT NULL,
  id                 TEXT NOT NULL,
  town_code          TEXT NOT NULL,
  community          TEXT NOT NULL,
  category           TEXT NOT NULL,
  level              TEXT NOT NULL,
  status             TEXT NOT NULL,
  received_at        INTEGER NOT NULL,
  resolved_at        INTEGER,
  resolved_at_source INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  PRIMARY KEY (source_id, id, updated_at)
) WITHOUT ROWID;

-- What the ranking and the 下沉人员 count read; the metrics JSON is left out (the bulk of a row).
CREATE TABLE personnel_versions (
  source_id      TEXT NOT NULL,
  id             TEXT NOT NULL,
  name           TEXT NOT NULL,
  role           TEXT NOT NULL,
  town_code      TEXT NOT NULL,
  department     TEXT NOT NULL,
  registered_at  INTEGER NOT NULL,
  active         INTEGER NOT NULL,
  score          REAL NOT NULL,
  events_handled INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  PRIMARY KEY (source_id, id, updated_at)
) WITHOUT ROWID;

CREATE TRIGGER risk_periods_version_insert AFTER INSERT ON risk_periods BEGIN
  INSERT OR REPLACE INTO risk_period_versions VALUES (NEW.source_id, NEW.id, NEW.town_code, NEW.week_start,
    NEW.indicators, NEW.dimension_scores, NEW.composite_score, NEW.level, NEW.updated_at);
END;
CREATE TRIGGER risk_periods_version_update AFTER UPDATE ON risk_periods BEGIN
  INSERT OR REPLACE INTO risk_period_versions VALUES (NEW.source_id, NEW.id, NEW.town_code, NEW.week_start,
    NEW.indicators, NEW.dimension_scores, NEW.composite_score, NEW.level, NEW.updated_at);
END;

CREATE TRIGGER warnings_version_insert AFTER INSERT ON warnings BEGIN
  INSERT OR REPLACE INTO warning_versions VALUES (NEW.source_id, NEW.id, NEW.town_code, NEW.status, NEW.issued_at,
    NEW.json, NEW.updated_at);
END;
CREATE TRIGGER warnings_version_update AFTER UPDATE ON warnings BEGIN
  INSERT OR REPLACE INTO warning_versions VALUES (NEW.source_id, NEW.id, NEW.town_code, NEW.status, NEW.issued_at,
    NEW.json, NEW.updated_at);
END;

CREATE TRIGGER consultations_version_insert AFTER INSERT ON consultations BEGIN
  INSERT OR REPLACE INTO consultation_versions VALUES (NEW.source_id, NEW.id, NEW.topic, NEW.category, NEW.town_code,
    NEW.community, NEW.status, NEW.scheduled_at, NEW.started_at, NEW.ended_at, NEW.viewers, NEW.experts, NEW.outcome,
    NEW.replay_url, NEW.updated_at);
END;
CREATE TRIGGER consultations_version_update AFTER UPDATE ON consultations BEGIN
  INSERT OR REPLACE INTO consultation_versions VALUES (NEW.source_id, NEW.id, NEW.topic, NEW.category, NEW.town_code,
    NEW.community, NEW.status, NEW.scheduled_at, NEW.started_at, NEW.ended_at, NEW.viewers, NEW.experts, NEW.outcome,
    NEW.replay_url, NEW.updated_at);
END;

CREATE TRIGGER disputes_version_insert AFTER INSERT ON disputes BEGIN
  INSERT OR REPLACE INTO dispute_versions VALUES (NEW.source_id, NEW.id, NEW.town_code, NEW.community, NEW.category,
    NEW.level, NEW.status, NEW.received_at, NEW.resolved_at, NEW.resolved_at_source, NEW.updated_at);
END;
CREATE TRIGGER disputes_version_update AFTER UPDATE ON disputes BEGIN
  INSERT OR REPLACE INTO dispute_versions VALUES (NEW.source_id, NEW.id, NEW.town_code, NEW.community, NEW.category,
    NEW.level, NEW.status, NEW.received_at, NEW.resolved_at, NEW.resolved_at_source, NEW.updated_at);
END;
-- A dispute retention removes leaves the past with it: looking back counts what the cache holds.
CREATE TRIGGER disputes_version_delete AFTER DELETE ON disputes BEGIN
  DELETE FROM dispute_versions WHERE source_id = OLD.source_id AND id = OLD.id;
END;

CREATE TRIGGER personnel_version_insert AFTER INSERT ON personnel BEGIN
  INSERT OR REPLACE INTO personnel_versions VALUES (NEW.source_id, NEW.id, NEW.name, NEW.role, NEW.town_code,
    NEW.department, NEW.registered_at, NEW.active, NEW.score, NEW.events_handled, NEW.updated_at);
END;
CREATE TRIGGER personnel_version_update AFTER UPDATE ON personnel BEGIN
  INSERT OR REPLACE INTO personnel_versions VALUES (NEW.source_id, NEW.id, NEW.name, NEW.role, NEW.town_code,
    NEW.department, NEW.registered_at, NEW.active, NEW.score, NEW.events_handled, NEW.updated_at);
END;

-- Records cached before this schema: their current copy is the first version known.
INSERT OR REPLACE INTO risk_period_versions SELECT source_id, id, town_code, week_start, indicators, dimension_scores,
  composite_score, level, updated_at FROM risk_periods;
INSERT OR REPLACE INTO warning_versions SELECT source_id, id, town_code, status, issued_at, json, updated_at FROM warnings;
INSERT OR REPLACE INTO consultation_versions SELECT source_id, id, topic, category, town_code, community, status,
  scheduled_at, started_at, ended_at, viewers, experts, outcome, replay_url, updated_at FROM consultations;
INSERT OR REPLACE INTO dispute_versions SELECT source_id, id, town_code, community, category, level, status,
  received_at, resolved_at, resolved_at_source, updated_at FROM disputes;
INSERT OR REPLACE INTO personnel_versions SELECT source_id, id, name, role, town_code, department, registered_at,
  active, score, events_handled, updated_at FROM personnel;
