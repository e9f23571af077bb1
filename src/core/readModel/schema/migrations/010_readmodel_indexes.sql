-- Read-model support (owned by src/core/readModel). The Events screen needs district-wide counts,
-- percentiles and daily series over up to millions of events within a few milliseconds, on every
-- refresh. Scanning the events table for that costs hundreds of milliseconds at 1M rows, so these
-- small tallies are kept in step with `events` by triggers: every insert, update (including an
-- upsert's DO UPDATE) and delete moves a row's contribution from its old key to its new one.
-- Dates are Asia/Shanghai (UTC+8, no DST since 1991), minutes are whole minutes (floor).

CREATE TABLE rm_event_tally (
  source_id      TEXT NOT NULL,
  town_code      TEXT NOT NULL,
  type           TEXT NOT NULL,
  status         TEXT NOT NULL,
  accepted       INTEGER NOT NULL,   -- accepted_at IS NOT NULL
  accept_overdue INTEGER NOT NULL,
  handle_overdue INTEGER NOT NULL,
  satisfaction   TEXT NOT NULL,      -- '' when not rated
  n              INTEGER NOT NULL,
  PRIMARY KEY (source_id, town_code, type, status, accepted, accept_overdue, handle_overdue, satisfaction)
) WITHOUT ROWID;

-- Reported and closed per local day and town.
CREATE TABLE rm_event_daily (
  source_id TEXT NOT NULL,
  date      TEXT NOT NULL,
  town_code TEXT NOT NULL,
  reported  INTEGER NOT NULL,
  closed    INTEGER NOT NULL,
  PRIMARY KEY (source_id, date, town_code)
) WITHOUT ROWID;

-- Histograms in whole minutes: reported → accepted, and reported → closed.
CREATE TABLE rm_event_accept_minutes (
  source_id TEXT NOT NULL,
  minutes   INTEGER NOT NULL,
  n         INTEGER NOT NULL,
  PRIMARY KEY (source_id, minutes)
) WITHOUT ROWID;
CREATE TABLE rm_event_close_minutes (
  source_id TEXT NOT NULL,
  minutes   INTEGER NOT NULL,
  n         INTEGER NOT NULL,
  PRIMARY KEY (source_id, minutes)
) WITHOUT ROWID;

CREATE TRIGGER rm_events_after_insert AFTER INSERT ON events BEGIN
  INSERT INTO rm_event_tally VALUES (NEW.source_id, NEW.town_code, NEW.type, NEW.status,
      NEW.accepted_at IS NOT NULL, NEW.accept_overdue, NEW.handle_overdue, coalesce(NEW.satisfaction, ''), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO rm_event_daily VALUES (NEW.source_id,
      date((NEW.reported_at + 28800000) / 1000, 'unixepoch'), NEW.town_code, 1, 0)
    ON CONFLICT DO UPDATE SET reported = reported + 1;
  INSERT INTO rm_event_daily SELECT NEW.source_id,
      date((NEW.closed_at + 28800000) / 1000, 'unixepoch'), NEW.town_code, 0, 1
    WHERE NEW.closed_at IS NOT NULL
    ON CONFLICT DO UPDATE SET closed = closed + 1;
  INSERT INTO rm_event_accept_minutes SELECT NEW.source_id, (NEW.accepted_at - NEW.reported_at) / 60000, 1
    WHERE NEW.accepted_at IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO rm_event_close_minutes SELECT NEW.source_id, (NEW.closed_at - NEW.reported_at) / 60000, 1
    WHERE NEW.closed_at IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER rm_events_after_delete AFTER DELETE ON events BEGIN
  UPDATE rm_event_tally SET n = n - 1
    WHERE source_id = OLD.source_id AND town_code = OLD.town_code AND type = OLD.type AND status = OLD.status
      AND accepted = (OLD.accepted_at IS NOT NULL) AND accept_overdue = OLD.accept_overdue
      AND handle_overdue = OLD.handle_overdue AND satisfaction = coalesce(OLD.satisfaction, '');
  UPDATE rm_event_daily SET reported = reported - 1
    WHERE source_id = OLD.source_id AND date = date((OLD.reported_at + 28800000) / 1000, 'unixepoch')
      AND town_code = OLD.town_code;
  UPDATE rm_event_daily SET closed = closed - 1
    WHERE OLD.closed_at IS NOT NULL AND source_id = OLD.source_id
      AND date = date((OLD.closed_at + 28800000) / 1000, 'unixepoch') AND town_code = OLD.town_code;
  UPDATE rm_event_accept_minutes SET n = n - 1
    WHERE OLD.accepted_at IS NOT NULL AND source_id = OLD.source_id
      AND minutes = (OLD.accepted_at - OLD.reported_at) / 60000;
  UPDATE rm_event_close_minutes SET n = n - 1
    WHERE OLD.closed_at IS NOT NULL AND source_id = OLD.source_id
      AND minutes = (OLD.closed_at - OLD.reported_at) / 60000;
END;

CREATE TRIGGER rm_events_after_update AFTER UPDATE ON events BEGIN
  UPDATE rm_event_tally SET n = n - 1
    WHERE source_id = OLD.source_id AND town_code = OLD.town_code AND type = OLD.type AND status = OLD.status
      AND accepted = (OLD.accepted_at IS NOT NULL) AND accept_overdue = OLD.accept_overdue
      AND handle_overdue = OLD.handle_overdue AND satisfaction = coalesce(OLD.satisfaction, '');
  UPDATE rm_event_daily SET reported = reported - 1
    WHERE source_id = OLD.source_id AND date = date((OLD.reported_at + 28800000) / 1000, 'unixepoch')
      AND town_code = OLD.town_code;
  UPDATE rm_event_daily SET closed = closed - 1
    WHERE OLD.closed_at IS NOT NULL AND source_id = OLD.source_id
      AND date = date((OLD.closed_at + 28800000) / 1000, 'unixepoch') AND town_code = OLD.town_code;
  UPDATE rm_event_accept_minutes SET n = n - 1
    WHERE OLD.accepted_at IS NOT NULL AND source_id = OLD.source_id
      AND minutes = (OLD.accepted_at - OLD.reported_at) / 60000;
  UPDATE rm_event_close_minutes SET n = n - 1
    WHERE OLD.closed_at IS NOT NULL AND source_id = OLD.source_id
      AND minutes = (OLD.closed_at - OLD.reported_at) / 60000;
  INSERT INTO rm_event_tally VALUES (NEW.source_id, NEW.town_code, NEW.type, NEW.status,
      NEW.accepted_at IS NOT NULL, NEW.accept_overdue, NEW.handle_overdue, coalesce(NEW.satisfaction, ''), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO rm_event_daily VALUES (NEW.source_id,
      date((NEW.reported_at + 28800000) / 1000, 'unixepoch'), NEW.town_code, 1, 0)
    ON CONFLICT DO UPDATE SET reported = reported + 1;
  INSERT INTO rm_event_daily SELECT NEW.source_id,
      date((NEW.closed_at + 28800000) / 1000, 'unixepoch'), NEW.town_code, 0, 1
    WHERE NEW.closed_at IS NOT NULL
    ON CONFLICT DO UPDATE SET closed = closed + 1;
  INSERT INTO rm_event_accept_minutes SELECT NEW.source_id, (NEW.accepted_at - NEW.reported_at) / 60000, 1
    WHERE NEW.accepted_at IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO rm_event_close_minutes SELECT NEW.source_id, (NEW.closed_at - NEW.reported_at) / 60000, 1
    WHERE NEW.closed_at IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Backfill from rows already cached when this migration runs.
INSERT INTO rm_event_tally
  SELECT source_id, town_code, type, status, accepted_at IS NOT NULL, accept_overdue, handle_overdue,
         coalesce(satisfaction, ''), count(*)
  FROM events GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
INSERT INTO rm_event_daily
  SELECT source_id, d, town_code, sum(r), sum(c) FROM (
    SELECT source_id, date((reported_at + 28800000) / 1000, 'unixepoch') AS d, town_code, 1 AS r, 0 AS c FROM events
    UNION ALL
    SELECT source_id, date((closed_at + 28800000) / 1000, 'unixepoch'), town_code, 0, 1 FROM events
      WHERE closed_at IS NOT NULL)
  GROUP BY source_id, d, town_code;
INSERT INTO rm_event_accept_minutes
  SELECT source_id, (accepted_at - reported_at) / 60000, count(*) FROM events
  WHERE accepted_at IS NOT NULL GROUP BY 1, 2;
INSERT INTO rm_event_close_minutes
  SELECT source_id, (closed_at - reported_at) / 60000, count(*) FROM events
  WHERE closed_at IS NOT NULL GROUP BY 1, 2;

-- Disputes and consultations are aggregated in one pass each over a covering index whose
-- column order is the GROUP BY's (source_id last, so grouping needs no sort).
CREATE INDEX rm_disputes_tally ON disputes (town_code, level, category, status, resolved_at_source, source_id);
CREATE INDEX rm_consultations_tally ON consultations (category, status, outcome, source_id);

-- A town's latest events (town detail) without sorting the town's whole history.
CREATE INDEX rm_events_town_reported ON events (town_code, reported_at);
