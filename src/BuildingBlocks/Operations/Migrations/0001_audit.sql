CREATE TABLE audit (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    operator text NOT NULL,
    action text NOT NULL,
    order_id uuid NULL,
    reason text NULL,
    detail text NOT NULL
);
CREATE INDEX ix_audit_order ON audit (order_id, id) WHERE order_id IS NOT NULL;
