-- The operations overview counts events of the last hour and day by kind.
CREATE INDEX ix_history_event_time ON history (event, occurred_at);
