-- The trace an entry happened in, so an order's timeline links to its trace.
ALTER TABLE history ADD COLUMN trace_id text NULL;
