-- Review holds (issue 16 point 4, ADR 0018): an order waiting for an operator's decision says why, since when and until
-- when. The saga's new step (ReviewOrder, state InReview) needs no change of its rows: states are stored by name.
ALTER TABLE orders
    ADD COLUMN hold_reasons text[] NULL,
    ADD COLUMN held_at timestamptz NULL,
    ADD COLUMN hold_expires_at timestamptz NULL;

CREATE INDEX ix_orders_held ON orders (seq) WHERE held_at IS NOT NULL;
