-- The sequence number each history entry of an order was first shown with. Modules commit their entries
-- independently, so one stamped earlier can become visible after a later one; numbers already shown are kept
-- and such an entry is appended, so an order's history is never renumbered.
CREATE TABLE history_numbering (
    order_id uuid NOT NULL,
    sequence integer NOT NULL,
    module text NOT NULL,
    event text NOT NULL,
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (order_id, sequence)
);
