CREATE TABLE history (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id uuid NOT NULL,
    occurred_at timestamptz NOT NULL,
    subject text NOT NULL,
    subject_id uuid NOT NULL,
    event text NOT NULL,
    from_state text NULL,
    to_state text NULL,
    detail text NULL
);

CREATE INDEX ix_history_order ON history (order_id, id);
