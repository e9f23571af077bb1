-- Schema 20 (write side): drop event indexes no query uses. Every index is paid for on every
-- backfilled row; the read model counts events from its own tallies (010) and reads raw events
-- only by reported_at (events_reported, rm_events_town_reported), as retention does.
DROP INDEX IF EXISTS events_town_status;
DROP INDEX IF EXISTS events_status;
DROP INDEX IF EXISTS events_closed;
