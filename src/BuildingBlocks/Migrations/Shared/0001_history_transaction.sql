-- The transaction that recorded each entry (pg_current_xact_id, which never wraps). An order's history is numbered
-- in this order, and only entries of transactions older than every transaction still running are shown: a
-- later read can then only add entries after those already shown, so numbers are stable without writing on read.
-- Entries recorded before this column existed get 0: they come first, in time order.
ALTER TABLE history ADD COLUMN transaction_id bigint NOT NULL DEFAULT 0;
ALTER TABLE history ALTER COLUMN transaction_id SET DEFAULT pg_current_xact_id()::text::bigint;
