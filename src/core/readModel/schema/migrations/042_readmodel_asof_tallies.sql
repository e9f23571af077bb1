-- Schema 42 (read model): event tallies by day, so every Events figure can be counted as of the
-- end of any day D (回看) by summing days <= D — a few thousand rows, never the events table.
--
-- An event's state at a time T follows from its row: the time it reached each step (the step's
-- own time; a step it skipped is reached with the next one; a status without any time, bad
-- source data, at updated_at) and the times migration 041 keeps for what the wire gives none
-- (overdue since, rated at). Each fact only ever becomes true, so it is counted once, on the
-- local day it became true ("milestones"). The live tallies of migration 010 count each row's
-- current state; both are kept by the same triggers, and by src/core/cache/bulkEvents.ts for
-- backfill pages, which mirrors this arithmetic exactly (bulkEvents.test.ts holds the two paths
-- to a recount). Dimensions are only those a screen breaks a fact down by ('' elsewhere):
-- reported by town and type, closed by town, everything else district-wide.
--
-- milestone: reported | accepted | dispatched | handled | closed | rated (status reached, the
-- flow) | accepted_at (accepted_at set) | accepted_overdue (accepted late) | rating (rated) |
-- rating_good (satisfied or basically) | accept_overdue | handle_overdue |
-- handle_overdue_closed (overdue and closed: overdue minus this is open past the limit).

CREATE TABLE rm_event_milestones (
  source_id TEXT NOT NULL,
  date      TEXT NOT NULL,
  milestone TEXT NOT NULL,
  town_code TEXT NOT NULL,
  type      TEXT NOT NULL,
  n         INTEGER NOT NULL,
  PRIMARY KEY (source_id, date, milestone, town_code, type)
) WITHOUT ROWID;

-- The histograms of 010 by the local day of acceptance and of closing. Time to close is kept in
-- tenths of an hour rounded half up, (minutes + 3) / 6, which is what the Events screen shows:
-- nearest-rank percentiles over these buckets equal the ones over minutes, rounded the same way,
-- with about six times fewer rows (one per closed event, nearly, at minute resolution).
CREATE TABLE rm_event_accept_minutes_daily (
  source_id TEXT NOT NULL,
  date      TEXT NOT NULL,
  minutes   INTEGER NOT NULL,
  n         INTEGER NOT NULL,
  PRIMARY KEY (source_id, date, minutes)
) WITHOUT ROWID;
CREATE TABLE rm_event_close_tenths_daily (
  source_id TEXT NOT NULL,
  date      TEXT NOT NULL,
  tenths    INTEGER NOT NULL,
  n         INTEGER NOT NULL,
  PRIMARY KEY (source_id, date, tenths)
) WITHOUT ROWID;

-- The same three triggers (bulkEvents.ts knows them by name), each doing what it did plus the
-- tallies by day.
DROP TRIGGER rm_events_after_insert;
DROP TRIGGER rm_events_after_delete;
DROP TRIGGER rm_events_after_update;

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
  INSERT INTO rm_event_milestones (source_id, date, milestone, town_code, type, n)
  SELECT NEW.source_id, date((t + 28800000) / 1000, 'unixepoch'), milestone, town_code, type, 1 FROM (
    SELECT 'reported' AS milestone, NEW.reported_at AS t, NEW.town_code AS town_code, NEW.type AS type
    UNION ALL SELECT 'accepted', CASE WHEN NEW.status IN ('accepted', 'dispatched', 'handled', 'closed', 'rated') THEN coalesce(NEW.accepted_at, NEW.dispatched_at, NEW.handled_at, NEW.closed_at, NEW.rated_at, NEW.updated_at) END, '', ''
    UNION ALL SELECT 'dispatched', CASE WHEN NEW.status IN ('dispatched', 'handled', 'closed', 'rated') THEN coalesce(NEW.dispatched_at, NEW.handled_at, NEW.closed_at, NEW.rated_at, NEW.updated_at) END, '', ''
    UNION ALL SELECT 'handled', CASE WHEN NEW.status IN ('handled', 'closed', 'rated') THEN coalesce(NEW.handled_at, NEW.closed_at, NEW.rated_at, NEW.updated_at) END, '', ''
    UNION ALL SELECT 'closed', CASE WHEN NEW.status IN ('closed', 'rated') THEN coalesce(NEW.closed_at, NEW.rated_at, NEW.updated_at) END, NEW.town_code, ''
    UNION ALL SELECT 'rated', CASE WHEN NEW.status IN ('rated') THEN coalesce(NEW.rated_at, NEW.updated_at) END, '', ''
    UNION ALL SELECT 'accepted_at', NEW.accepted_at, '', ''
    UNION ALL SELECT 'accepted_overdue', CASE WHEN NEW.accepted_at IS NOT NULL AND NEW.accept_overdue = 1 THEN max(NEW.accepted_at, coalesce(NEW.accept_overdue_at, NEW.updated_at)) END, '', ''
    UNION ALL SELECT 'rating', CASE WHEN NEW.satisfaction IS NOT NULL THEN coalesce(NEW.rated_at, NEW.updated_at) END, '', ''
    UNION ALL SELECT 'rating_good', CASE WHEN NEW.satisfaction IN ('satisfied', 'basicallySatisfied') THEN coalesce(NEW.rated_at, NEW.updated_at) END, '', ''
    UNION ALL SELECT 'accept_overdue', CASE WHEN NEW.accept_overdue = 1 THEN coalesce(NEW.accept_overdue_at, NEW.updated_at) END, '', ''
    UNION ALL SELECT 'handle_overdue', CASE WHEN NEW.handle_overdue = 1 THEN coalesce(NEW.handle_overdue_at, NEW.updated_at) END, '', ''
    UNION ALL SELECT 'handle_overdue_closed', CASE WHEN NEW.handle_overdue = 1 AND NEW.status IN ('closed', 'rated') THEN max(coalesce(NEW.handle_overdue_at, NEW.updated_at), CASE WHEN NEW.status IN ('closed', 'rated') THEN coalesce(NEW.closed_at, NEW.rated_at, NEW.updated_at) END) END, '', ''
  ) WHERE t IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO rm_event_accept_minutes_daily SELECT NEW.source_id, date((NEW.accepted_at + 28800000) / 1000, 'unixepoch'),
      (NEW.accepted_at - NEW.reported_at) / 60000, 1
    WHERE NEW.accepted_at IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO rm_event_close_tenths_daily SELECT NEW.source_id, date((NEW.closed_at + 28800000) / 1000, 'unixepoch'),
      ((NEW.closed_at - NEW.reported_at) / 60000 + 3) / 6, 1
    WHERE NEW.closed_at IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
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
  INSERT INTO rm_event_milestones (source_id, date, milestone, town_code, type, n)
  SELECT OLD.source_id, date((t + 28800000) / 1000, 'unixepoch'), milestone, town_code, type, -1 FROM (
    SELECT 'reported' AS milestone, OLD.reported_at AS t, OLD.town_code AS town_code, OLD.type AS type
    UNION ALL SELECT 'accepted', CASE WHEN OLD.status IN ('accepted', 'dispatched', 'handled', 'closed', 'rated') THEN coalesce(OLD.accepted_at, OLD.dispatched_at, OLD.handled_at, OLD.closed_at, OLD.rated_at, OLD.updated_at) END, '', ''
    UNION ALL SELECT 'dispatched', CASE WHEN OLD.status IN ('dispatched', 'handled', 'closed', 'rated') THEN coalesce(OLD.dispatched_at, OLD.handled_at, OLD.closed_at, OLD.rated_at, OLD.updated_at) END, '', ''
    UNION ALL SELECT 'handled', CASE WHEN OLD.status IN ('handled', 'closed', 'rated') THEN coalesce(OLD.handled_at, OLD.closed_at, OLD.rated_at, OLD.updated_at) END, '', ''
    UNION ALL SELECT 'closed', CASE WHEN OLD.status IN ('closed', 'rated') THEN coalesce(OLD.closed_at, OLD.rated_at, OLD.updated_at) END, OLD.town_code, ''
    UNION ALL SELECT 'rated', CASE WHEN OLD.status IN ('rated') THEN coalesce(OLD.rated_at, OLD.updated_at) END, '', ''
    UNION ALL SELECT 'accepted_at', OLD.accepted_at, '', ''
    UNION ALL SELECT 'accepted_overdue', CASE WHEN OLD.accepted_at IS NOT NULL AND OLD.accept_overdue = 1 THEN max(OLD.accepted_at, coalesce(OLD.accept_overdue_at, OLD.updated_at)) END, '', ''
    UNION ALL SELECT 'rating', CASE WHEN OLD.satisfaction IS NOT NULL THEN coalesce(OLD.rated_at, OLD.updated_at) END, '', ''
    UNION ALL SELECT 'rating_good', CASE WHEN OLD.satisfaction IN ('satisfied', 'basicallySatisfied') THEN coalesce(OLD.rated_at, OLD.updated_at) END, '', ''
    UNION ALL SELECT 'accept_overdue', CASE WHEN OLD.accept_overdue = 1 THEN coalesce(OLD.accept_overdue_at, OLD.updated_at) END, '', ''
    UNION ALL SELECT 'handle_overdue', CASE WHEN OLD.handle_overdue = 1 THEN coalesce(OLD.handle_overdue_at, OLD.updated_at) END, '', ''
    UNION ALL SELECT 'handle_overdue_closed', CASE WHEN OLD.handle_overdue = 1 AND OLD.status IN ('closed', 'rated') THEN max(coalesce(OLD.handle_overdue_at, OLD.updated_at), CASE WHEN OLD.status IN ('closed', 'rated') THEN coalesce(OLD.closed_at, OLD.rated_at, OLD.updated_at) END) END, '', ''
  ) WHERE t IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO rm_event_accept_minutes_daily SELECT OLD.source_id, date((OLD.accepted_at + 28800000) / 1000, 'unixepoch'),
      (OLD.accepted_at - OLD.reported_at) / 60000, -1
    WHERE OLD.accepted_at IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO rm_event_close_tenths_daily SELECT OLD.source_id, date((OLD.closed_at + 28800000) / 1000, 'unixepoch'),
      ((OLD.closed_at - OLD.reported_at) / 60000 + 3) / 6, -1
    WHERE OLD.closed_at IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
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
  INSERT INTO rm_event_milestones (source_id, date, milestone, town_code, type, n)
  SELECT OLD.source_id, date((t + 28800000) / 1000, 'unixepoch'), milestone, town_code, type, -1 FROM (
    SELECT 'reported' AS milestone, OLD.reported_at AS t, OLD.town_code AS town_code, OLD.type AS type
    UNION ALL SELECT 'accepted', CASE WHEN OLD.status IN ('accepted', 'dispatched', 'handled', 'closed', 'rated') THEN coalesce(OLD.accepted_at, OLD.dispatched_at, OLD.handled_at, OLD.closed_at, OLD.rated_at, OLD.updated_at) END, '', ''
    UNION ALL SELECT 'dispatched', CASE WHEN OLD.status IN ('dispatched', 'handled', 'closed', 'rated') THEN coalesce(OLD.dispatched_at, OLD.handled_at, OLD.closed_at, OLD.rated_at, OLD.updated_at) END, '', ''
    UNION ALL SELECT 'handled', CASE WHEN OLD.status IN ('handled', 'closed', 'rated') THEN coalesce(OLD.handled_at, OLD.closed_at, OLD.rated_at, OLD.updated_at) END, '', ''
    UNION ALL SELECT 'closed', CASE WHEN OLD.status IN ('closed', 'rated') THEN coalesce(OLD.closed_at, OLD.rated_at, OLD.updated_at) END, OLD.town_code, ''
    UNION ALL SELECT 'rated', CASE WHEN OLD.status IN ('rated') THEN coalesce(OLD.rated_at, OLD.updated_at) END, '', ''
    UNION ALL SELECT 'accepted_at', OLD.accepted_at, '', ''
    UNION ALL SELECT 'accepted_overdue', CASE WHEN OLD.accepted_at IS NOT NULL AND OLD.accept_overdue = 1 THEN max(OLD.accepted_at, coalesce(OLD.accept_overdue_at, OLD.updated_at)) END, '', ''
    UNION ALL SELECT 'rating', CASE WHEN OLD.satisfaction IS NOT NULL THEN coalesce(OLD.rated_at, OLD.updated_at) END, '', ''
    UNION ALL SELECT 'rating_good', CASE WHEN OLD.satisfaction IN ('satisfied', 'basicallySatisfied') THEN coalesce(OLD.rated_at, OLD.updated_at) END, '', ''
    UNION ALL SELECT 'accept_overdue', CASE WHEN OLD.accept_overdue = 1 THEN coalesce(OLD.accept_overdue_at, OLD.updated_at) END, '', ''
    UNION ALL SELECT 'handle_overdue', CASE WHEN OLD.handle_overdue = 1 THEN coalesce(OLD.handle_overdue_at, OLD.updated_at) END, '', ''
    UNION ALL SELECT 'handle_overdue_closed', CASE WHEN OLD.handle_overdue = 1 AND OLD.status IN ('closed', 'rated') THEN max(coalesce(OLD.handle_overdue_at, OLD.updated_at), CASE WHEN OLD.status IN ('closed', 'rated') THEN coalesce(OLD.closed_at, OLD.rated_at, OLD.updated_at) END) END, '', ''
  ) WHERE t IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO rm_event_accept_minutes_daily SELECT OLD.source_id, date((OLD.accepted_at + 28800000) / 1000, 'unixepoch'),
      (OLD.accepted_at - OLD.reported_at) / 60000, -1
    WHERE OLD.accepted_at IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO rm_event_close_tenths_daily SELECT OLD.source_id, date((OLD.closed_at + 28800000) / 1000, 'unixepoch'),
      ((OLD.closed_at - OLD.reported_at) / 60000 + 3) / 6, -1
    WHERE OLD.closed_at IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO rm_event_milestones (source_id, date, milestone, town_code, type, n)
  SELECT NEW.source_id, date((t + 28800000) / 1000, 'unixepoch'), milestone, town_code, type, 1 FROM (
    SELECT 'reported' AS milestone, NEW.reported_at AS t, NEW.town_code AS town_code, NEW.type AS type
    UNION ALL SELECT 'accepted', CASE WHEN NEW.status IN ('accepted', 'dispatched', 'handled', 'closed', 'rated') THEN coalesce(NEW.accepted_at, NEW.dispatched_at, NEW.handled_at, NEW.closed_at, NEW.rated_at, NEW.updated_at) END, '', ''
    UNION ALL SELECT 'dispatched', CASE WHEN NEW.status IN ('dispatched', 'handled', 'closed', 'rated') THEN coalesce(NEW.dispatched_at, NEW.handled_at, NEW.closed_at, NEW.rated_at, NEW.updated_at) END, '', ''
    UNION ALL SELECT 'handled', CASE WHEN NEW.status IN ('handled', 'closed', 'rated') THEN coalesce(NEW.handled_at, NEW.closed_at, NEW.rated_at, NEW.updated_at) END, '', ''
    UNION ALL SELECT 'closed', CASE WHEN NEW.status IN ('closed', 'rated') THEN coalesce(NEW.closed_at, NEW.rated_at, NEW.updated_at) END, NEW.town_code, ''
    UNION ALL SELECT 'rated', CASE WHEN NEW.status IN ('rated') THEN coalesce(NEW.rated_at, NEW.updated_at) END, '', ''
    UNION ALL SELECT 'accepted_at', NEW.accepted_at, '', ''
    UNION ALL SELECT 'accepted_overdue', CASE WHEN NEW.accepted_at IS NOT NULL AND NEW.accept_overdue = 1 THEN max(NEW.accepted_at, coalesce(NEW.accept_overdue_at, NEW.updated_at)) END, '', ''
    UNION ALL SELECT 'rating', CASE WHEN NEW.satisfaction IS NOT NULL THEN coalesce(NEW.rated_at, NEW.updated_at) END, '', ''
    UNION ALL SELECT 'rating_good', CASE WHEN NEW.satisfaction IN ('satisfied', 'basicallySatisfied') THEN coalesce(NEW.rated_at, NEW.updated_at) END, '', ''
    UNION ALL SELECT 'accept_overdue', CASE WHEN NEW.accept_overdue = 1 THEN coalesce(NEW.accept_overdue_at, NEW.updated_at) END, '', ''
    UNION ALL SELECT 'handle_overdue', CASE WHEN NEW.handle_overdue = 1 THEN coalesce(NEW.handle_overdue_at, NEW.updated_at) END, '', ''
    UNION ALL SELECT 'handle_overdue_closed', CASE WHEN NEW.handle_overdue = 1 AND NEW.status IN ('closed', 'rated') THEN max(coalesce(NEW.handle_overdue_at, NEW.updated_at), CASE WHEN NEW.status IN ('closed', 'rated') THEN coalesce(NEW.closed_at, NEW.rated_at, NEW.updated_at) END) END, '', ''
  ) WHERE t IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO rm_event_accept_minutes_daily SELECT NEW.source_id, date((NEW.accepted_at + 28800000) / 1000, 'unixepoch'),
      (NEW.accepted_at - NEW.reported_at) / 60000, 1
    WHERE NEW.accepted_at IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO rm_event_close_tenths_daily SELECT NEW.source_id, date((NEW.closed_at + 28800000) / 1000, 'unixepoch'),
      ((NEW.closed_at - NEW.reported_at) / 60000 + 3) / 6, 1
    WHERE NEW.closed_at IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- Backfill from rows already cached when this migration runs.
INSERT INTO rm_event_milestones
  SELECT source_id, date((t + 28800000) / 1000, 'unixepoch'), milestone, town_code, type, count(*) FROM (
    SELECT e.source_id, 'reported' AS milestone, e.reported_at AS t, e.town_code AS town_code, e.type AS type FROM events AS e
    UNION ALL SELECT e.source_id, 'accepted', CASE WHEN e.status IN ('accepted', 'dispatched', 'handled', 'closed', 'rated') THEN coalesce(e.accepted_at, e.dispatched_at, e.handled_at, e.closed_at, e.rated_at, e.updated_at) END, '', '' FROM events AS e
    UNION ALL SELECT e.source_id, 'dispatched', CASE WHEN e.status IN ('dispatched', 'handled', 'closed', 'rated') THEN coalesce(e.dispatched_at, e.handled_at, e.closed_at, e.rated_at, e.updated_at) END, '', '' FROM events AS e
    UNION ALL SELECT e.source_id, 'handled', CASE WHEN e.status IN ('handled', 'closed', 'rated') THEN coalesce(e.handled_at, e.closed_at, e.rated_at, e.updated_at) END, '', '' FROM events AS e
    UNION ALL SELECT e.source_id, 'closed', CASE WHEN e.status IN ('closed', 'rated') THEN coalesce(e.closed_at, e.rated_at, e.updated_at) END, e.town_code, '' FROM events AS e
    UNION ALL SELECT e.source_id, 'rated', CASE WHEN e.status IN ('rated') THEN coalesce(e.rated_at, e.updated_at) END, '', '' FROM events AS e
    UNION ALL SELECT e.source_id, 'accepted_at', e.accepted_at, '', '' FROM events AS e
    UNION ALL SELECT e.source_id, 'accepted_overdue', CASE WHEN e.accepted_at IS NOT NULL AND e.accept_overdue = 1 THEN max(e.accepted_at, coalesce(e.accept_overdue_at, e.updated_at)) END, '', '' FROM events AS e
    UNION ALL SELECT e.source_id, 'rating', CASE WHEN e.satisfaction IS NOT NULL THEN coalesce(e.rated_at, e.updated_at) END, '', '' FROM events AS e
    UNION ALL SELECT e.source_id, 'rating_good', CASE WHEN e.satisfaction IN ('satisfied', 'basicallySatisfied') THEN coalesce(e.rated_at, e.updated_at) END, '', '' FROM events AS e
    UNION ALL SELECT e.source_id, 'accept_overdue', CASE WHEN e.accept_overdue = 1 THEN coalesce(e.accept_overdue_at, e.updated_at) END, '', '' FROM events AS e
    UNION ALL SELECT e.source_id, 'handle_overdue', CASE WHEN e.handle_overdue = 1 THEN coalesce(e.handle_overdue_at, e.updated_at) END, '', '' FROM events AS e
    UNION ALL SELECT e.source_id, 'handle_overdue_closed', CASE WHEN e.handle_overdue = 1 AND e.status IN ('closed', 'rated') THEN max(coalesce(e.handle_overdue_at, e.updated_at), CASE WHEN e.status IN ('closed', 'rated') THEN coalesce(e.closed_at, e.rated_at, e.updated_at) END) END, '', '' FROM events AS e
  ) WHERE t IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5;
INSERT INTO rm_event_accept_minutes_daily
  SELECT source_id, date((accepted_at + 28800000) / 1000, 'unixepoch'), (accepted_at - reported_at) / 60000, count(*)
  FROM events WHERE accepted_at IS NOT NULL GROUP BY 1, 2, 3;
INSERT INTO rm_event_close_tenths_daily
  SELECT source_id, date((closed_at + 28800000) / 1000, 'unixepoch'), ((closed_at - reported_at) / 60000 + 3) / 6, count(*)
  FROM events WHERE closed_at IS NOT NULL GROUP BY 1, 2, 3;
