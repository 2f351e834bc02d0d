CREATE TABLE shipments (
    id uuid PRIMARY KEY,
    order_id uuid NOT NULL,
    status text NOT NULL,
    carrier text NULL,
    tracking_number text NULL,
    lines jsonb NOT NULL,
    address jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE UNIQUE INDEX ux_shipments_order ON shipments (order_id);
