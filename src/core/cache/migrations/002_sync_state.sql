-- Schema 2: what the sync engine needs to resume its schedule and show per-endpoint health
-- after a restart, and a small key/value table for the cache's own bookkeeping.

ALTER TABLE endpoint_state ADD COLUMN consecutive_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE endpoint_state ADD COLUMN next_attempt_at INTEGER;

-- e.g. 'retention_last_run' → ms, so retention stays "at most hourly" across restarts.
CREATE TABLE cache_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Retention deletes quarantined records by age as well.
CREATE INDEX quarantine_received ON quarantine (received_at);
