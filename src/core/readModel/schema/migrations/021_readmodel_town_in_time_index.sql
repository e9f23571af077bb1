-- One index on events by time serves the latest events, retention and a town's recent events
-- (scanned backwards with the town filtered inside the index): the read model's separate
-- (town_code, reported_at) index cost a b-tree insert per event on every backfill.
DROP INDEX rm_events_town_reported;
DROP INDEX events_reported;
CREATE INDEX events_reported ON events (reported_at, town_code);
