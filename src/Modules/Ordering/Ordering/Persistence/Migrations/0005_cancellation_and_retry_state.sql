-- An accepted cancellation shows on the order until it completes; an operator retry under way refuses a second one.
ALTER TABLE orders ADD COLUMN cancellation_requested_at timestamptz NULL;
ALTER TABLE fulfilment_sagas ADD COLUMN retry_under_way boolean NOT NULL DEFAULT false;
